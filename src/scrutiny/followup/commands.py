"""`scrutiny follow-up suggest [--report ID]`: (re)work out follow-up link suggestions for reports
already stored, e.g. after the earlier inspection a review assesses was imported later."""

import sys


def register(subparsers) -> None:
    follow_up = subparsers.add_parser(
        "follow-up", help="follow-up links between assessments and the earlier findings they judge",
        description="Follow-up links between later assessments and earlier findings (docs/follow-up.md).",
    )
    commands = follow_up.add_subparsers(dest="follow_up_command", metavar="ACTION")
    commands.required = True
    suggest = commands.add_parser(
        "suggest", help="work out link suggestions afresh for one report, or every report with assessments",
        description="Pending suggestions are replaced; confirmed and rejected ones are kept, and a rejected "
        "pair is never suggested again. Nothing is linked: a person confirms each link.",
    )
    suggest.add_argument("--report", type=int, metavar="ID", help="only this report (its id in the address)")
    suggest.set_defaults(func=run_suggest)


def run_suggest(args) -> int:
    from scrutiny.django_setup import start_django

    start_django()
    from django.db import transaction

    from scrutiny.followup.services import suggest_for
    from scrutiny.reports.models import Report

    if args.report is not None:
        reports = Report.objects.filter(pk=args.report)
        if not reports.exists():
            print(f"no report {args.report}", file=sys.stderr)
            return 1
    else:
        reports = Report.objects.order_by("published", "id")
    total = checked = 0
    for report in reports.iterator():
        with transaction.atomic():
            made = suggest_for(report)
        checked += 1
        total += len(made)
        if made:
            print(f"report {report.id} ({report.title}): {len(made)} suggestions")
    print(f"{checked} reports checked, {total} suggestions waiting for a person")
    return 0

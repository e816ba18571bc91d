"""`scrutiny bulletin render --month 2025-11 --format email|text --out FILE [--site URL]`: a
bulletin (draft or published) as the e-mail HTML or its plain-text alternative, for sending."""

import sys
from pathlib import Path

PROBLEM = 2  # exit status for a month that cannot be used; nothing is written
DEFAULT_SITE = "http://127.0.0.1:8000"


def register(subparsers) -> None:
    bulletin = subparsers.add_parser("bulletin", help="the monthly NPM bulletin: render it for sending")
    commands = bulletin.add_subparsers(dest="bulletin_command", metavar="ACTION")
    commands.required = True
    render = commands.add_parser("render", help="write a month's bulletin as e-mail HTML (CSS inlined) or plain text")
    render.add_argument("--month", required=True, metavar="YYYY-MM", help="the bulletin's month, such as 2025-11")
    render.add_argument("--format", required=True, choices=["email", "text"])
    render.add_argument("--out", required=True, type=Path, metavar="FILE")
    render.add_argument("--site", default=DEFAULT_SITE, metavar="URL",
                        help=f"the dashboard's public address, for the links (default {DEFAULT_SITE})")
    render.set_defaults(func=run_render)


def run_render(args) -> int:
    from scrutiny.django_setup import start_django

    start_django(migrate=True)
    from scrutiny.bulletin import render
    from scrutiny.bulletin.models import Bulletin
    from scrutiny.bulletin.services import BadMonth, month_of

    try:
        month = month_of(args.month)
    except BadMonth as problem:
        print(problem, file=sys.stderr)
        return PROBLEM
    bulletin = Bulletin.objects.filter(month=month).first()
    if bulletin is None:
        print(f"There is no bulletin for {args.month}: start it at /manage/bulletin", file=sys.stderr)
        return PROBLEM
    made = render.email_html(bulletin, args.site) if args.format == "email" else render.plain_text(bulletin, args.site)
    partial = args.out.with_name(args.out.name + ".partial")
    partial.write_text(made, encoding="utf-8")
    partial.replace(args.out)
    sections = len(render.shown_sections(bulletin))
    print(f"{args.out}: {bulletin.title} ({bulletin.get_state_display().lower()}), {sections} sections, {args.format}")
    return 0

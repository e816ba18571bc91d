"""`scrutiny plan import FILE.csv`, `scrutiny plan calendar --format csv` and
`scrutiny plan objectives FILE.csv` (src/scrutiny/business_plan/README.md)."""

import sys
from pathlib import Path

PROBLEMS = 2  # exit status when the file has problems and nothing was stored


def register(subparsers) -> None:
    plan = subparsers.add_parser("plan", help="the business-plan calendar: import it, print it",
                                 description="A business plan's calendar of activities (its appendix 1).")
    commands = plan.add_subparsers(dest="plan_command", metavar="ACTION")
    commands.required = True
    load = commands.add_parser("import", help="check a calendar file and store all of it, or nothing if a row has a problem")
    load.add_argument("file", type=Path, metavar="FILE")
    load.add_argument("--dry-run", action="store_true", help="check and report; store nothing")
    load.add_argument("--title", help="the plan's title (default: 'NPM business plan YYYY-YY' from its first month)")
    load.add_argument("--first", metavar="MONTH", help="the plan's first month, like 'Apr 26' (default: from the file)")
    load.add_argument("--last", metavar="MONTH", help="the plan's last month")
    load.add_argument("--format", choices=["csv", "xlsx"], help="the file's format (default: from its name)")
    load.set_defaults(func=run_import)
    show = commands.add_parser("calendar", help="print a plan's calendar: one column per month, the monthly workload last")
    show.add_argument("--format", choices=["csv"], default="csv")
    show.add_argument("--plan", metavar="SLUG", help="which plan (default: the latest)")
    show.set_defaults(func=run_calendar)
    objectives = commands.add_parser("objectives", help="a plan's strategic objectives, their functions and communications activities")
    objectives.add_argument("file", type=Path, metavar="FILE")
    objectives.add_argument("--plan", metavar="SLUG", help="which plan (default: the latest)")
    objectives.add_argument("--dry-run", action="store_true")
    objectives.set_defaults(func=run_objectives)


def _read(path: Path, given: str | None):
    from scrutiny.historic.template import UnreadableFile, format_of

    try:
        return format_of(path.name, given), path.read_bytes()
    except (UnreadableFile, OSError) as exc:
        print(f"{path}: {exc}", file=sys.stderr)
        return None, None


def run_import(args) -> int:
    from scrutiny.business_plan.months import BadMonth, parse_label

    fmt, data = _read(args.file, args.format)
    if data is None:
        return PROBLEMS
    try:
        first = parse_label(args.first) if args.first else None
        last = parse_label(args.last) if args.last else None
    except BadMonth as exc:
        print(f"--first/--last: {exc}", file=sys.stderr)
        return PROBLEMS
    from scrutiny.django_setup import start_django

    start_django(migrate=True)
    from scrutiny.business_plan.importer import run_import as load

    result = load(data, fmt, title=args.title, first=first, last=last, dry_run=args.dry_run, source_name=args.file.name)
    if result.problems:
        print(f"{args.file}: {len(result.problems)} problems; nothing was stored", file=sys.stderr)
        for problem in result.problems:
            print(f"  {problem}", file=sys.stderr)
        return PROBLEMS
    counts = result.counts
    print(f"{args.file}: {result.rows} rows, no problems; "
          + ("dry run, nothing stored; storing it would give" if args.dry_run else "all stored in") + f" '{result.plan_title}'")
    print(f"  activities: {counts['new']} new, {counts['updated']} updated, {counts['removed']} removed")
    print("  months:   " + " ".join(f"{m.label:>6}" for m in result.months))
    print("  workload: " + " ".join(f"{n:>6}" for n in result.workload) + f"   total {sum(result.workload)}")
    if result.stated_workload:
        print("  stated:   " + " ".join(f"{'' if n is None else n:>6}" for n in result.stated_workload))
    print(f"  {len(result.inconsistencies)} things do not add up" + (":" if result.inconsistencies else ""))
    for found in result.inconsistencies:
        print(f"    {found}")
    return 0


def _plan(slug):
    from scrutiny.business_plan.models import Plan

    plans = Plan.objects.all()
    return (plans.filter(slug=slug) if slug else plans).first()


def run_calendar(args) -> int:
    from scrutiny.django_setup import start_django

    start_django(migrate=True)
    from scrutiny.business_plan.calendar import calendar_rows, write_csv

    plan = _plan(args.plan)
    if plan is None:
        print(f"no plan {args.plan!r}" if args.plan else "no plan yet: run `scrutiny plan import FILE.csv` first", file=sys.stderr)
        return 1
    sys.stdout.write(write_csv(*calendar_rows(plan, plan.activities.all())))
    return 0


def run_objectives(args) -> int:
    fmt, data = _read(args.file, None)
    if data is None:
        return PROBLEMS
    from scrutiny.django_setup import start_django

    start_django(migrate=True)
    from scrutiny.business_plan.objectives import run

    plan = _plan(args.plan)
    if plan is None:
        print("no plan to add objectives to: import its calendar first", file=sys.stderr)
        return 1
    problems, rows = run(data, fmt, plan, dry_run=args.dry_run)
    if problems:
        print(f"{args.file}: {len(problems)} problems; nothing was stored", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return PROBLEMS
    print(f"{args.file}: {len(rows)} objectives, {sum(len(r.communications) for r in rows)} communications activities"
          + (" (dry run, nothing stored)" if args.dry_run else f" stored in '{plan.title}'"))
    return 0

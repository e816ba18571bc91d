"""`scrutiny historic import FILE` and `scrutiny historic export FILE` (docs/historic-import.md)."""

import sys
from pathlib import Path

PROBLEMS = 2  # exit status when the file has problems and nothing was stored


def register(subparsers) -> None:
    historic = subparsers.add_parser(
        "historic", help="import or export findings in the historic template (CSV or XLSX)",
        description="Findings in a spreadsheet, one row per finding with its report's details on every row "
        "(docs/historic-import.md).",
    )
    commands = historic.add_subparsers(dest="historic_command", metavar="ACTION")
    commands.required = True
    load = commands.add_parser(
        "import", help="check a template file and store all of it, or nothing if any row has a problem",
    )
    load.add_argument("file", type=Path, metavar="FILE")
    load.add_argument("--dry-run", action="store_true", help="check and say what would change; store nothing")
    load.add_argument("--draft", action="store_true", help="new reports are drafts, not published")
    load.add_argument("--format", choices=["csv", "xlsx"], help="the file's format (default: from its name)")
    load.set_defaults(func=run_import)
    dump = commands.add_parser("export", help="write reports' findings in the template")
    dump.add_argument("file", type=Path, metavar="FILE")
    dump.add_argument("--body", action="append", default=[], metavar="B", help="only this body's reports (repeatable)")
    dump.add_argument("--format", choices=["csv", "xlsx"], help="csv or xlsx (default: from the file name)")
    dump.set_defaults(func=run_export)


def run_import(args) -> int:
    from scrutiny.historic.template import UnreadableFile, format_of

    try:
        fmt = format_of(args.file.name, args.format)
        data = args.file.read_bytes()
    except (UnreadableFile, OSError) as exc:
        print(f"{args.file}: {exc}", file=sys.stderr)
        return PROBLEMS
    from scrutiny.django_setup import start_django

    start_django()
    from scrutiny.historic.importer import run_import as load

    result = load(data, fmt, dry_run=args.dry_run, publish=not args.draft, source_name=args.file.name)
    if result.problems:
        print(f"{args.file}: {len(result.problems)} problems; nothing was stored", file=sys.stderr)
        for problem in result.problems:
            print(f"  {problem}", file=sys.stderr)
        return PROBLEMS
    print(f"{args.file}: {result.rows} rows, no problems; "
          + ("dry run, nothing stored; storing it would give" if args.dry_run else "all stored"))
    for line in result.summary.lines():
        print(f"  {line}")
    return 0


def run_export(args) -> int:
    from scrutiny.historic.template import UnreadableFile, format_of

    try:
        fmt = format_of(args.file.name, args.format)
    except UnreadableFile as exc:
        print(f"{args.file}: {exc}", file=sys.stderr)
        return 1
    from scrutiny.django_setup import start_django

    start_django()
    from scrutiny.catalogue.models import Body
    from scrutiny.historic.exporter import export, reports_for_bodies

    unknown = sorted(set(args.body) - set(Body.objects.values_list("slug", flat=True)))
    if unknown:
        print(f"unknown body: {', '.join(unknown)}", file=sys.stderr)
        return 1
    reports = reports_for_bodies(args.body)
    data = export(reports, fmt)
    partial = args.file.with_name(args.file.name + ".partial")
    partial.write_bytes(data)
    partial.replace(args.file)
    print(f"{args.file}: {reports.filter(findings__isnull=False).distinct().count()} reports written")
    return 0

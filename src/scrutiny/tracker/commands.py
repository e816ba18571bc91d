"""`scrutiny tracker import FILE [--dry-run]`: the tracker spreadsheet (CSV or XLSX; columns in
scrutiny.tracker.importer), checked whole, then stored whole or not at all."""

import sys
from pathlib import Path

PROBLEMS = 2  # exit status when the file has problems and nothing was stored


def register(subparsers) -> None:
    tracker = subparsers.add_parser("tracker", help="the Policy Tracker: import the tracker spreadsheet")
    commands = tracker.add_subparsers(dest="tracker_command", metavar="ACTION")
    commands.required = True
    load = commands.add_parser("import", help="check a tracker spreadsheet and store all of it, or nothing if any row has a problem")
    load.add_argument("file", type=Path, metavar="FILE")
    load.add_argument("--dry-run", action="store_true", help="check and say what would change; store nothing")
    load.set_defaults(func=run_import)


def run_import(args) -> int:
    fmt = args.file.suffix.lower().lstrip(".")
    if fmt not in ("csv", "xlsx"):
        print(f"{args.file}: name it .csv or .xlsx", file=sys.stderr)
        return PROBLEMS
    try:
        data = args.file.read_bytes()
    except OSError as exc:
        print(f"{args.file}: {exc}", file=sys.stderr)
        return PROBLEMS
    from scrutiny.django_setup import start_django

    start_django(migrate=True)
    from scrutiny.tracker.importer import import_items

    result = import_items(data, fmt, dry_run=args.dry_run)
    if result.problems:
        for problem in result.problems:
            where = ", ".join(p for p in (f"row {problem.row}" if problem.row else "", f"column {problem.column}" if problem.column else "") if p)
            print(f"{args.file}: {where + ': ' if where else ''}{problem.message}", file=sys.stderr)
        print(f"{len(result.problems)} problem(s): nothing was stored", file=sys.stderr)
        return PROBLEMS
    verb = "would add" if args.dry_run else "added"
    print(f"{args.file}: {result.rows} items; {verb} {len(result.created)}, "
          f"{'would update' if args.dry_run else 'updated'} {len(result.updated)}"
          + ("" if args.dry_run else f"; {result.milestones_added} milestones added"))
    return 0

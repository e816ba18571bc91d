"""`scrutiny deaths import FILE [--dry-run]` and `scrutiny deaths population FILE [--dry-run]`.

The import's last line is always `N rows: V valid, P with problems` (V + P = N), for scripts."""

import sys
from pathlib import Path

PROBLEMS = 2  # exit status when a problem stopped the import and nothing was stored


def register(subparsers) -> None:
    deaths = subparsers.add_parser(
        "deaths", help="the deaths-in-custody database: annual updates and population figures",
        description="Deaths in prison custody, one row per death, from a CSV or XLSX file.",
    )
    commands = deaths.add_subparsers(dest="deaths_command", metavar="ACTION")
    commands.required = True
    load = commands.add_parser("import", help="check an update file and store all of it, or nothing if a row has a problem")
    load.add_argument("file", type=Path, metavar="FILE")
    load.add_argument("--dry-run", action="store_true", help="check and say what would change; store nothing")
    load.add_argument("--release", metavar="NAME", help="the annual release new records join (default: 'Update of <today>')")
    load.add_argument("--jurisdiction", choices=["scotland", "england-and-wales", "northern-ireland"],
                      help="for rows that do not say (default: England and Wales for the Ministry of Justice layout)")
    load.add_argument("--format", choices=["csv", "xlsx"], help="the file's format (default: from its name)")
    load.set_defaults(func=run_import)
    population = commands.add_parser("population", help="load average daily populations (year, jurisdiction, establishment, adp)")
    population.add_argument("file", type=Path, metavar="FILE")
    population.add_argument("--dry-run", action="store_true")
    population.set_defaults(func=run_population)


def _read(args) -> tuple[str, bytes] | None:
    from scrutiny.historic.template import UnreadableFile, format_of

    try:
        return format_of(args.file.name, getattr(args, "format", None)), args.file.read_bytes()
    except (UnreadableFile, OSError) as exc:
        print(f"{args.file}: {exc}", file=sys.stderr)
        return None


def run_import(args) -> int:
    read = _read(args)
    if read is None:
        return PROBLEMS
    from scrutiny.django_setup import start_django

    start_django(migrate=True)
    from scrutiny.custody_deaths.importer import category_label, run_import as load

    result = load(read[1], read[0], dry_run=args.dry_run, source_name=args.file.name,
                  release_name=args.release, jurisdiction=args.jurisdiction)
    repeats = [p for p in result.problems if not p.blocking]
    blocking = result.blocking
    if blocking:
        print(f"{args.file}: {len(blocking)} problems stop the import; nothing was stored")
    elif args.dry_run:
        print(f"{args.file}: dry run, nothing stored")
    else:
        print(f"{args.file}: stored, in release {result.release!r}")
    if result.problems:
        print(f"Problems by row and column ({len(blocking)} stop the import, {len(repeats)} repeated rows skipped):")
        for problem in result.problems:
            print(f"  {problem}")
    print("Causes as the file words them (rows counted once):")
    for wording, count in result.wording.most_common():
        print(f"  {count:>6}  {wording}")
    print("Causes after normalisation:")
    for category, count in result.categories.most_common():
        print(f"  {count:>6}  {category_label(category)}")
    outcome = result.outcome
    print(f"Records: {outcome['new']} new, {outcome['updated']} updated, {outcome['unchanged']} unchanged")
    if result.new_places:
        print(f"Establishments not in the register ({len(result.new_places)}), "
              f"{'to be added' if not result.stored else 'added'} for review at /manage/establishments/review:")
        for wording, name in result.new_places:
            print(f"  {wording}" + (f" (as {name})" if name != wording else ""))
    print(result.last_line())
    return PROBLEMS if blocking or not result.rows else 0


def run_population(args) -> int:
    read = _read(args)
    if read is None:
        return PROBLEMS
    from scrutiny.django_setup import start_django

    start_django(migrate=True)
    from scrutiny.custody_deaths.population import run_import as load

    problems, count = load(read[1], read[0], dry_run=args.dry_run)
    for problem in problems:
        print(f"  {problem}")
    print(f"{count} population figures {'checked' if args.dry_run or problems else 'stored'}; {len(problems)} problems")
    return PROBLEMS if problems else 0

"""`scrutiny vocabularies export|import`: themes, populations and settings as JSON or CSV
(docs/vocabularies.md)."""

import sys
from pathlib import Path

PROBLEMS = 2  # exit status when the file has problems and nothing was stored


def register(subparsers) -> None:
    vocabularies = subparsers.add_parser(
        "vocabularies", help="export or import the themes, populations and settings (JSON or CSV)",
        description="The vocabularies as a file (docs/vocabularies.md). Import adds and updates by slug, never deletes.",
    )
    commands = vocabularies.add_subparsers(dest="vocabularies_command", metavar="ACTION")
    commands.required = True
    dump = commands.add_parser("export", help="write every theme, population and setting to FILE")
    dump.add_argument("file", type=Path, metavar="FILE")
    dump.add_argument("--format", choices=["json", "csv"], help="json or csv (default: from the file name)")
    dump.set_defaults(func=run_export)
    load = commands.add_parser("import", help="check FILE and store all of it, or nothing if any row has a problem")
    load.add_argument("file", type=Path, metavar="FILE")
    load.add_argument("--format", choices=["json", "csv"], help="json or csv (default: from the file name)")
    load.add_argument("--dry-run", action="store_true", help="check and say what would change; store nothing")
    load.set_defaults(func=run_import)


def run_export(args) -> int:
    from scrutiny.taxonomy.formats import UnknownFormat, format_of

    try:
        fmt = format_of(args.file.name, args.format)
    except UnknownFormat as exc:
        print(f"{args.file}: {exc}", file=sys.stderr)
        return 1
    from scrutiny.django_setup import start_django

    start_django()
    from scrutiny.taxonomy.exchange import export

    partial = args.file.with_name(args.file.name + ".partial")
    partial.write_bytes(export(fmt))
    partial.replace(args.file)
    print(f"{args.file}: the vocabularies as {fmt.upper()}")
    return 0


def run_import(args) -> int:
    from scrutiny.taxonomy.formats import UnknownFormat, format_of

    try:
        fmt = format_of(args.file.name, args.format)
        data = args.file.read_bytes()
    except (UnknownFormat, OSError) as exc:
        print(f"{args.file}: {exc}", file=sys.stderr)
        return PROBLEMS
    from scrutiny.django_setup import start_django

    start_django()
    from scrutiny.taxonomy.exchange import import_vocabularies

    result = import_vocabularies(data, fmt, dry_run=args.dry_run)
    if result.problems:
        print(f"{args.file}: {len(result.problems)} problems; nothing was stored", file=sys.stderr)
        for problem in result.problems:
            print(f"  {problem}", file=sys.stderr)
        return PROBLEMS
    done = "dry run, nothing stored; importing it would give" if args.dry_run else "stored"
    print(f"{args.file}: {result.rows} terms, no problems; {done}: "
          f"{len(result.created)} new, {len(result.updated)} updated, {result.unchanged} unchanged"
          + (f"; taxonomy version {result.version}" if result.stored else ""))
    for kind, slug in result.created:
        print(f"  new {kind}/{slug}")
    for kind, slug, changes in result.updated:
        print(f"  updated {kind}/{slug}: {', '.join(changes)}")
    return 0

"""`scrutiny backup FILE` and `scrutiny restore FILE [--force]`."""

import sys
from pathlib import Path

EXIT_STATUS = """exit status: 0 done; 2 refused (the backup file is missing, damaged or foreign, the
database already holds data and --force was not given, or the database is in use), nothing changed;
1 failed part way (the message says what was left as it was)."""


def register(subparsers) -> None:
    backup = subparsers.add_parser(
        "backup", help="write a consistent backup of the database and the kept report files",
        description="Write one file (a .tar.gz) holding a snapshot of the database and every kept report "
        "file. Safe while the dashboard and ingests run: the snapshot is the database at one moment.",
    )
    backup.add_argument("file", type=Path, metavar="FILE",
                        help="the backup to write; given a folder, writes scrutiny-YYYYMMDD-HHMMSS.tar.gz in it")
    backup.set_defaults(func=run_backup)

    restore = subparsers.add_parser(
        "restore", help="replace the database and kept files with a backup's",
        description="Restore a backup made by `scrutiny backup` into the configured database "
        "(SCRUTINY_DATABASE_URL), and its report files into SCRUTINY_FILES_DIR. Stop the dashboard "
        "and any ingest first. The backup is read and checked whole before anything changes; a "
        "backup from an older Scrutiny is migrated after it is restored.",
        epilog=EXIT_STATUS,
    )
    restore.add_argument("file", type=Path, metavar="FILE", help="a backup written by `scrutiny backup`")
    restore.add_argument("--force", action="store_true",
                         help="replace a database that already holds reports, findings or accounts")
    restore.set_defaults(func=run_restore)


def run_backup(args) -> int:
    return _run("backup", lambda work: work.backup(args.file))


def run_restore(args) -> int:
    return _run("restore", lambda work: work.restore(args.file, force=args.force))


def _run(command: str, do) -> int:
    from scrutiny.django_setup import start_django

    # Never migrate first: a backup records the schema as it is, and a restore replaces it.
    start_django(migrate=False)
    from scrutiny.operations import backup as work

    try:
        outcome = do(work)
    except work.Refused as exc:
        print(f"scrutiny {command}: {exc}", file=sys.stderr)
        return 2
    except (work.Failed, OSError) as exc:
        print(f"scrutiny {command}: failed: {exc}", file=sys.stderr)
        return 1
    for warning in outcome.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(outcome.line)
    return 0

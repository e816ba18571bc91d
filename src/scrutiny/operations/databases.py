"""Snapshots of the live database and their restoration, one pair of functions per engine.

SQLite: the sqlite3 backup API copies every page in one step inside one read transaction, so the
copy is the database as it stood at one moment while the dashboard reads and an ingest writes
(WAL mode). A restore writes a whole new file beside the old one and renames it over it.

PostgreSQL: pg_dump --format=custom inside a REPEATABLE READ transaction whose snapshot it shares
(--snapshot), so the counts in the manifest describe exactly the rows in the dump. A restore
replays the dump with psql in one transaction: it lands whole or not at all.
"""

import glob
import os
import shutil
import sqlite3
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import connection, transaction

from scrutiny.findings.models import Finding, PopulationTag, Tag
from scrutiny.reports.models import Report


class DatabaseInUse(Exception):
    """Another process has the database open; replacing it now would corrupt what it sees."""


class ToolFailed(Exception):
    """pg_dump, pg_restore or psql failed, or cannot be found."""


@dataclass
class Snapshot:
    path: Path
    migrations: dict[str, list[str]]  # app -> migrations applied, in the order applied
    counts: dict[str, int]
    expected_files: list[str]  # the kept files the snapshot's reports refer to (ab/<sha256>.pdf)


def counted_tables() -> dict[str, str]:
    """What the manifest and the summary count, by table."""
    from scrutiny.catalogue.models import Establishment

    models = {
        "reports": Report, "findings": Finding, "tags": Tag, "population_tags": PopulationTag,
        "establishments": Establishment, "users": get_user_model(),
    }
    return {what: model._meta.db_table for what, model in models.items()}


def content_tables() -> dict[str, str]:
    """A database with rows in any of these holds somebody's work (reference data does not count)."""
    return {"reports": Report._meta.db_table, "findings": Finding._meta.db_table,
            "user accounts": get_user_model()._meta.db_table}


# SQLite -----------------------------------------------------------------------------------------

def sqlite_snapshot(database: Path, into: Path) -> Snapshot:
    if not database.is_file():
        raise FileNotFoundError(f"no database at {database}: nothing to back up")
    # mode=rw: never create an empty database by mistake.
    source = sqlite3.connect(f"{database.resolve().as_uri()}?mode=rw", uri=True, timeout=30)
    copy = sqlite3.connect(into)
    try:
        source.backup(copy)  # pages=-1: the whole database in one step, one read transaction
        # A self-contained file: no -wal beside it when it is unpacked.
        copy.execute("PRAGMA journal_mode=DELETE")
        return _sqlite_inventory(copy, into)
    finally:
        copy.close()
        source.close()


def sqlite_contents(database: Path) -> dict[str, int | None]:
    """Rows in the content tables of the database at this path ({} for none, or no file)."""
    if not database.is_file() or database.stat().st_size == 0:
        return {}
    try:
        db = sqlite3.connect(f"{database.resolve().as_uri()}?mode=rw", uri=True, timeout=30)
        try:
            counts = _sqlite_counts(db, list(content_tables().values()))
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        # Not a database at all: there is something there a person may want, so it counts.
        return {f"a file SQLite cannot read ({exc})": None}
    return {what: counts[table] for what, table in content_tables().items() if table in counts}


def sqlite_check(snapshot: Path) -> str | None:
    """None when the unpacked snapshot is a sound SQLite database, else what is wrong with it."""
    try:
        db = sqlite3.connect(f"{snapshot.resolve().as_uri()}?mode=ro", uri=True)
        try:
            result = db.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None if result == "ok" else result


def sqlite_replace(snapshot: Path, database: Path) -> None:
    """Put the snapshot in the database's place in one rename."""
    connection.close()
    if database.exists():
        _sqlite_take_over(database)
    with open(snapshot, "rb+") as f:
        os.fsync(f.fileno())
    os.replace(snapshot, database)
    from scrutiny.operations.archive import fsync_folder

    fsync_folder(database.parent)


def _sqlite_take_over(database: Path) -> None:
    """Leave the old database as one file with no -wal or -shm beside it, which the rename would
    otherwise pair with the new file. SQLite leaves WAL mode only when no other connection is
    open, so this is also the check that the dashboard and ingests have been stopped."""
    try:
        db = sqlite3.connect(database, timeout=5)
        try:
            mode = db.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        finally:
            db.close()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise DatabaseInUse(str(exc)) from exc
        raise
    except sqlite3.DatabaseError:
        mode = "delete"  # not a database: nothing pairs with it (the caller was told to --force)
    if mode != "delete":
        raise DatabaseInUse(f"journal mode stayed {mode}")
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)


def _sqlite_inventory(db: sqlite3.Connection, path: Path) -> Snapshot:
    tables = _sqlite_tables(db)
    migrations = {}
    if "django_migrations" in tables:
        for app, name in db.execute("SELECT app, name FROM django_migrations ORDER BY id"):
            migrations.setdefault(app, []).append(name)
    counts = _sqlite_counts(db, list(counted_tables().values()))
    counts = {what: counts.get(table, 0) for what, table in counted_tables().items()}
    expected = []
    if Report._meta.db_table in tables:
        expected = [_kept_name(h, f) for h, f in db.execute(_REPORT_FILES_SQL)]
    return Snapshot(path, migrations, counts, expected)


def _sqlite_tables(db: sqlite3.Connection) -> set[str]:
    return {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _sqlite_counts(db: sqlite3.Connection, tables: list[str]) -> dict[str, int]:
    present = _sqlite_tables(db)
    counts = {t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables if t in present}
    return {t: n for t, n in counts.items() if n}


_REPORT_FILES_SQL = f'SELECT content_hash, file_format FROM "{Report._meta.db_table}"'


def _kept_name(digest: str, file_format: str) -> str:
    return f"{digest[:2]}/{digest}.{file_format}" if file_format else f"{digest[:2]}/{digest}"


# PostgreSQL -------------------------------------------------------------------------------------

def postgres_snapshot(into: Path) -> Snapshot:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        (snapshot_id,) = cursor.fetchone()
        _run([postgres_program("pg_dump"), "--format=custom", f"--snapshot={snapshot_id}", f"--file={into}",
              f"--dbname={_conninfo()}"])
        tables = _postgres_tables(cursor)
        migrations = {}
        if "django_migrations" in tables:
            cursor.execute("SELECT app, name FROM django_migrations ORDER BY id")
            for app, name in cursor.fetchall():
                migrations.setdefault(app, []).append(name)
        counts = {what: _postgres_count(cursor, table, tables) for what, table in counted_tables().items()}
        expected = []
        if Report._meta.db_table in tables:
            cursor.execute(_REPORT_FILES_SQL)
            expected = [_kept_name(h, f) for h, f in cursor.fetchall()]
    return Snapshot(into, migrations, counts, expected)


def postgres_contents() -> dict[str, int]:
    with connection.cursor() as cursor:
        tables = _postgres_tables(cursor)
        counts = {what: _postgres_count(cursor, t, tables) for what, t in content_tables().items()}
    return {what: n for what, n in counts.items() if n}


def postgres_other_sessions() -> int:
    """Other connections to the configured database: a running dashboard, a worker, a psql. A
    restore under them would leave them holding cached rows (content types, sessions) that no
    longer match."""
    # A process that has just exited may leave its server process behind for a moment.
    for _ in range(10):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                " AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
            )
            others = cursor.fetchone()[0]
        if not others:
            return 0
        time.sleep(0.3)
    return others


def postgres_restore(dump: Path, staging: Path) -> None:
    """Replace every table of the configured database with the dump's, in one transaction."""
    script = staging / "restore.sql"
    # The whole dump is read (and so checked) before the database is touched.
    _run([postgres_program("pg_restore"), "--no-owner", "--no-privileges", "--clean", "--if-exists",
          f"--file={script}", str(dump)])
    with connection.cursor() as cursor:
        tables = sorted(_postgres_tables(cursor))
        quote = connection.ops.quote_name
    connection.close()
    # Tables the dump does not have (from a newer schema, say) go too, or migrating the restored
    # database would trip over them. A busy dashboard gets half a minute to let go of its locks.
    clear = "SET lock_timeout = '30s';\n" + "".join(f"DROP TABLE IF EXISTS {quote(t)} CASCADE;\n" for t in tables)
    _run([postgres_program("psql"), "--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1", "--single-transaction",
          f"--dbname={_conninfo()}", "--command", clear, f"--file={script}"])


def postgres_program(name: str) -> str:
    """pg_dump, pg_restore or psql: from SCRUTINY_PG_BINDIR, the PATH, or Debian's versioned folders."""
    if folder := os.environ.get("SCRUTINY_PG_BINDIR"):
        return str(Path(folder) / name)
    if found := shutil.which(name):
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=_version_of)
    if candidates:
        return candidates[-1]
    raise ToolFailed(f"{name} is not installed: apt-get install postgresql-client, or set SCRUTINY_PG_BINDIR")


def _version_of(path: str) -> tuple:
    part = Path(path).parent.parent.name
    return tuple(int(p) for p in part.split(".") if p.isdigit())


def _postgres_tables(cursor) -> set[str]:
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
    return {name for (name,) in cursor.fetchall()}


def _postgres_count(cursor, table: str, tables: set[str]) -> int:
    if table not in tables:
        return 0
    cursor.execute(f"SELECT count(*) FROM {connection.ops.quote_name(table)}")
    return cursor.fetchone()[0]


def _conninfo() -> str:
    """libpq's connection string for the configured database, without the password (which goes
    in the environment, out of sight of `ps`)."""
    from psycopg.conninfo import make_conninfo
    from psycopg.pq import Conninfo

    known = {option.keyword.decode() for option in Conninfo.get_defaults()}
    settings = connection.settings_dict
    params = {k: v for k, v in settings.get("OPTIONS", {}).items() if k in known and k != "password"}
    params.update(dbname=settings["NAME"], user=settings["USER"] or None, host=settings["HOST"] or None,
                  port=str(settings["PORT"]) if settings["PORT"] else None)
    return make_conninfo(**{k: v for k, v in params.items() if v})


def _run(command: list[str]) -> None:
    env = dict(os.environ)
    if password := connection.settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = password
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True)
    except OSError as exc:
        raise ToolFailed(f"cannot run {command[0]}: {exc.strerror}") from exc
    if result.returncode != 0:
        detail = " ".join(result.stderr.split())[-600:] or f"exit status {result.returncode}"
        raise ToolFailed(f"{Path(command[0]).name} failed: {detail}")

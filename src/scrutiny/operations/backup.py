"""`scrutiny backup` and `scrutiny restore`: the database and the kept report files, together.

A backup is taken online: the dashboard and an ingest may go on while it runs, and what it holds
is the database as it stood at one moment (see databases.py) plus every kept file. Files are
gathered after the snapshot, and ingest keeps a file only after its report is committed, so
every file a backed-up report refers to is there unless it was still being copied (a warning).

A restore changes nothing until the whole backup has been read and checked; then it puts the
files in place (they are named by their content, so extra ones are harmless), replaces the
database in one step, and migrates it when the backup is from an older Scrutiny.
"""

import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from django.conf import settings
from django.db import connection

from scrutiny.operations import archive, databases
from scrutiny.operations.archive import BackupFileError


class Refused(Exception):
    """The command would not go ahead; nothing has been changed."""


class Failed(Exception):
    """Something went wrong part way; what has been changed is said in the message."""


@dataclass
class Outcome:
    line: str
    warnings: list[str] = field(default_factory=list)


def backup(destination: Path) -> Outcome:
    started = time.perf_counter()
    engine = connection.vendor
    if engine not in archive.DATABASE_MEMBER:
        raise Refused(f"cannot back up a {engine} database (SQLite and PostgreSQL only)")
    target = destination / default_name() if destination.is_dir() else destination
    if not target.parent.is_dir():
        raise Refused(f"cannot write {target}: no folder {target.parent}")
    files_dir = Path(settings.SCRUTINY_FILES_DIR)
    # The snapshot is staged beside the backup, where there is room for it, not in /tmp.
    with tempfile.TemporaryDirectory(prefix=".scrutiny-backup-", dir=target.parent) as work:
        snapshot_path = Path(work) / archive.DATABASE_MEMBER[engine]
        try:
            if engine == "sqlite":
                snapshot = databases.sqlite_snapshot(Path(connection.settings_dict["NAME"]), snapshot_path)
            else:
                snapshot = databases.postgres_snapshot(snapshot_path)
        except FileNotFoundError as exc:
            raise Refused(str(exc)) from exc
        except databases.ToolFailed as exc:
            raise Failed(str(exc)) from exc
        files = archive.gather_files(files_dir, Path(work))
        manifest = _manifest(engine, snapshot, files)
        written = archive.write_archive(target, manifest, snapshot_path, files.all)
    warnings = []
    held = {name for name, _ in files.all}
    if missing := [name for name in snapshot.expected_files if name not in held]:
        warnings.append(
            f"{len(missing)} of {len(snapshot.expected_files)} reports have no kept file in {files_dir}"
            " (ingested elsewhere, or without keeping files); the backup holds their findings only"
        )
    if vanished := len(files.all) - written:
        warnings.append(f"{vanished} files were deleted from {files_dir} while the backup ran, and are not in it")
    counts = snapshot.counts
    line = (
        f"backed up {_engine_name(engine)} database {describe_database()}: {counts['reports']:,} reports,"
        f" {counts['findings']:,} findings, {written:,} files -> {target}"
        f" ({human_size(target.stat().st_size)}, {time.perf_counter() - started:.1f}s)"
    )
    return Outcome(line, warnings)


def restore(source: Path, force: bool = False) -> Outcome:
    started = time.perf_counter()
    try:
        manifest = archive.read_manifest(source)
    except BackupFileError as exc:
        raise Refused(str(exc)) from exc
    engine, taken = connection.vendor, manifest["database"]["engine"]
    _check_restorable(source, manifest, force)
    files_dir = Path(settings.SCRUTINY_FILES_DIR)
    with tempfile.TemporaryDirectory(prefix=".scrutiny-restore-", dir=_staging_folder(engine)) as work:
        try:
            unpacked = archive.unpack(source, Path(work), manifest)
        except BackupFileError as exc:
            raise Refused(str(exc)) from exc
        if engine == "sqlite" and (problem := databases.sqlite_check(unpacked.database)):
            raise Refused(f"{source} is damaged (its database snapshot fails SQLite's check: {problem})")
        placed = archive.put_files(unpacked.files, files_dir)
        try:
            _replace_database(engine, unpacked.database, Path(work))
        except databases.DatabaseInUse as exc:
            raise Refused(
                f"the database {describe_database()} is in use ({exc}): stop `scrutiny serve` and any"
                " ingest, then restore" + _files_note(placed, files_dir)
            ) from exc
        except databases.ToolFailed as exc:
            raise Failed(f"{exc}; the database was left as it was" + _files_note(placed, files_dir)) from exc
    migrated = _migrate()
    counts = manifest["counts"]
    line = (
        f"restored {source} ({_engine_name(taken)} backup taken {manifest.get('created_at', 'at an unknown time')}):"
        f" {counts.get('reports', 0):,} reports, {counts.get('findings', 0):,} findings,"
        f" {len(unpacked.files):,} files into {describe_database()}"
        + (f"; applied {migrated} migration{'s' if migrated > 1 else ''} to bring it up to date" if migrated else "")
        + f" ({human_size(source.stat().st_size)}, {time.perf_counter() - started:.1f}s)"
    )
    return Outcome(line)


def _check_restorable(source: Path, manifest: dict, force: bool) -> None:
    """Refuse, before anything is read or changed, what a restore must not do."""
    engine, taken = connection.vendor, manifest["database"]["engine"]
    if taken != engine:
        raise Refused(
            f"{source} is a backup of a {_engine_name(taken)} database; the configured database"
            f" ({describe_database()}) is {_engine_name(engine)}. Point SCRUTINY_DATABASE_URL at a"
            f" {_engine_name(taken)} database to restore it"
        )
    if unknown := _migrations_unknown_here(manifest):
        raise Refused(
            f"{source} comes from a newer Scrutiny (its schema has migrations this one lacks:"
            f" {', '.join(unknown[:5])}{' …' if len(unknown) > 5 else ''}); upgrade Scrutiny, then restore"
        )
    held = _database_contents(engine)
    if held and not force:
        raise Refused(
            f"the configured database ({describe_database()}) already holds "
            + ", ".join(what if n is None else f"{n:,} {what}" for what, n in held.items())
            + "; a restore replaces everything in it. Add --force to do that"
        )
    # SQLite's check changes the old file's journal mode, so it waits until the backup is known good.
    if engine == "postgresql" and (others := databases.postgres_other_sessions()):
        raise Refused(
            f"the database {describe_database()} is in use ({others} other connection{'s' if others > 1 else ''}):"
            " stop `scrutiny serve` and any ingest or psql session on it, then restore"
        )


def default_name(now: datetime | None = None) -> str:
    """The file name a backup gets when it is given a folder: sorts by date, says what it is."""
    now = now or datetime.now()
    return f"scrutiny-{now:%Y%m%d-%H%M%S}.tar.gz"


def describe_database() -> str:
    config = connection.settings_dict
    if connection.vendor == "sqlite":
        return str(config["NAME"])
    host = config["HOST"] or "local socket"
    return f"{config['NAME']} on {host}{':' + str(config['PORT']) if config['PORT'] else ''}"


def human_size(size: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size:,} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1000
    return ""


def _manifest(engine: str, snapshot: databases.Snapshot, files: archive.FilesToKeep) -> dict:
    try:
        scrutiny_version = version("scrutiny")
    except PackageNotFoundError:
        scrutiny_version = "unknown"
    return {
        "format": archive.FORMAT,
        "version": archive.VERSION,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "scrutiny_version": scrutiny_version,
        "database": {
            "engine": engine,
            "member": archive.DATABASE_MEMBER[engine],
            "sha256": archive.sha256_of(snapshot.path),
            "bytes": snapshot.path.stat().st_size,
        },
        "migrations": snapshot.migrations,
        "counts": snapshot.counts,
        # The count is as listed; a kept file deleted while the backup runs is left out of it.
        "files": {"count": len(files.all), "checksums": files.checksums},
    }


def _migrations_unknown_here(manifest: dict) -> list[str]:
    from django.db.migrations.loader import MigrationLoader

    known = set(MigrationLoader(None, ignore_no_migrations=True).graph.nodes)
    return [f"{app}.{name}" for app, names in manifest["migrations"].items() for name in names
            if (app, name) not in known]


def _database_contents(engine: str) -> dict[str, int]:
    if engine == "sqlite":
        return databases.sqlite_contents(Path(connection.settings_dict["NAME"]))
    return databases.postgres_contents()


def _staging_folder(engine: str) -> Path:
    # SQLite: beside the database, so that the snapshot is renamed into place, never copied.
    if engine == "sqlite":
        folder = Path(connection.settings_dict["NAME"]).resolve().parent
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    return Path(tempfile.gettempdir())


def _replace_database(engine: str, snapshot: Path, staging: Path) -> None:
    if engine == "sqlite":
        databases.sqlite_replace(snapshot, Path(connection.settings_dict["NAME"]))
    else:
        databases.postgres_restore(snapshot, staging)


def _files_note(placed: int, files_dir: Path) -> str:
    return f" ({placed} kept files were added to {files_dir}; they are named by content and harmless)" if placed else ""


def _migrate() -> int:
    from django.core.management import call_command
    from django.db.migrations.executor import MigrationExecutor

    connection.close()
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        call_command("migrate", interactive=False, verbosity=0)
    return len(plan)


def _engine_name(engine: str) -> str:
    return {"sqlite": "SQLite", "postgresql": "PostgreSQL"}.get(engine, engine)

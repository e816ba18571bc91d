"""The backup file: one gzip-compressed tar archive holding, in this order,

    manifest.json              what the backup is: format version, when, database engine,
                               migrations applied, counts, and the SHA-256 of the snapshot
    database.sqlite3           a SQLite snapshot (the sqlite3 backup API), or
    database.pgdump            a PostgreSQL snapshot (pg_dump --format=custom)
    files/ab/<sha256>.pdf      the kept report files, named by the SHA-256 of their content

The manifest comes first, so that a restore can say what a file is before reading the rest, and
every member is checked (the snapshot against the manifest, each file against its own name)
before anything on the server is touched. `tar tzf` lists a backup; nothing here is secret sauce.
"""

import gzip
import hashlib
import io
import json
import os
import re
import tarfile
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

FORMAT = "scrutiny-backup"
VERSION = 1
MANIFEST = "manifest.json"
DATABASE_MEMBER = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
FILES_PREFIX = "files/"
# Level 6 shrinks a SQLite snapshot about fourfold; report files are mostly compressed already.
COMPRESSLEVEL = 6
# A kept report file: ab/<sha256 starting ab>.<suffix>, exactly as ingest writes it.
KEPT_FILE = re.compile(r"(?P<prefix>[0-9a-f]{2})/(?P<digest>[0-9a-f]{64})(?:\.[0-9a-z]{1,10})?")
_CHUNK = 1 << 20
_READ_ERRORS = (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile, UnicodeDecodeError, ValueError)


class BackupFileError(Exception):
    """The backup file is missing, damaged or not a Scrutiny backup; nothing has been changed."""


@dataclass
class Unpacked:
    manifest: dict
    database: Path
    files: list[tuple[str, Path]]  # (name under the files folder, staged copy)


def kept_files(files_dir: Path) -> list[tuple[str, Path]]:
    """The content-addressed files under files_dir, by name; half-copied (.partial) files and
    anything ingest would not have written are left out."""
    if not files_dir.is_dir():
        return []
    found = []
    for path in files_dir.glob("??/*"):
        name = path.relative_to(files_dir).as_posix()
        match = KEPT_FILE.fullmatch(name)
        if match and match["digest"].startswith(match["prefix"]) and path.is_file():
            found.append((name, path))
    return sorted(found)


def write_archive(target: Path, manifest: dict, database: Path, files: list[tuple[str, Path]]) -> None:
    """Write the archive beside target and move it into place only when it is whole, so a backup
    interrupted half way never leaves a file that looks like a backup."""
    partial = target.with_name(f".{target.name}.partial")
    try:
        with open(partial, "wb") as raw:
            with tarfile.open(fileobj=raw, mode="w:gz", compresslevel=COMPRESSLEVEL) as tar:
                _add(tar, MANIFEST, json.dumps(manifest, indent=2).encode())
                _add(tar, manifest["database"]["member"], database)
                for name, path in files:
                    _add(tar, FILES_PREFIX + name, path)
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(partial, target)
        fsync_folder(target.parent)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def read_manifest(path: Path) -> dict:
    """The manifest of a backup file, checked; BackupFileError says plainly what is wrong."""
    _check_readable(path)
    try:
        with tarfile.open(path, mode="r|*") as tar:
            first = tar.next()
            if first is None or first.name != MANIFEST or not first.isfile():
                raise BackupFileError(f"{path} is not a Scrutiny backup (it has no {MANIFEST} first)")
            manifest = json.loads(tar.extractfile(first).read().decode())
    except BackupFileError:
        raise
    except tarfile.ReadError as exc:
        raise BackupFileError(f"{path} is not a Scrutiny backup, or is damaged ({exc})") from exc
    except _READ_ERRORS as exc:
        raise BackupFileError(f"{path} is damaged ({exc})") from exc
    return _checked(manifest, path)


def unpack(path: Path, staging: Path, manifest: dict) -> Unpacked:
    """Copy the snapshot and the files into staging in one pass over the archive, checking each
    against the manifest or its own name. Raises BackupFileError when anything does not match."""
    member_for_database = manifest["database"]["member"]
    database, files = None, []
    try:
        with tarfile.open(path, mode="r|*") as tar:
            for member in tar:
                if member.name == MANIFEST:
                    continue
                if not member.isfile():
                    raise BackupFileError(f"{path} holds an unexpected entry '{member.name}': not a Scrutiny backup")
                if member.name == member_for_database:
                    database = staging / member_for_database
                    digest = _copy_out(tar.extractfile(member), database)
                    if digest != manifest["database"]["sha256"]:
                        raise BackupFileError(f"{path} is damaged (the database snapshot does not match its checksum)")
                    continue
                name = member.name.removeprefix(FILES_PREFIX)
                match = KEPT_FILE.fullmatch(name)
                if not member.name.startswith(FILES_PREFIX) or not match:
                    raise BackupFileError(f"{path} holds an unexpected entry '{member.name}': not a Scrutiny backup")
                staged = staging / "files" / name
                staged.parent.mkdir(parents=True, exist_ok=True)
                if _copy_out(tar.extractfile(member), staged) != match["digest"]:
                    raise BackupFileError(f"{path} is damaged (the kept file {name} does not match its name)")
                files.append((name, staged))
    except BackupFileError:
        raise
    except _READ_ERRORS as exc:
        raise BackupFileError(f"{path} is damaged ({exc})") from exc
    if database is None:
        raise BackupFileError(f"{path} is damaged (it has no {member_for_database})")
    if len(files) != manifest["files"]["count"]:
        raise BackupFileError(
            f"{path} is damaged (it holds {len(files)} kept files; its manifest lists {manifest['files']['count']})"
        )
    return Unpacked(manifest, database, files)


def fsync_folder(folder: Path) -> None:
    """Make a rename in folder survive a power cut."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _add(tar: tarfile.TarFile, name: str, content: bytes | Path) -> None:
    info = tarfile.TarInfo(name)
    info.mode = 0o644
    if isinstance(content, bytes):
        info.size, info.mtime = len(content), int(time.time())
        tar.addfile(info, io.BytesIO(content))
        return
    stat = content.stat()
    info.size, info.mtime = stat.st_size, int(stat.st_mtime)
    with open(content, "rb") as source:
        tar.addfile(info, source)


def _copy_out(source, target: Path) -> str:
    digest = hashlib.sha256()
    with open(target, "wb") as out:
        while chunk := source.read(_CHUNK):
            digest.update(chunk)
            out.write(chunk)
    return digest.hexdigest()


def _check_readable(path: Path) -> None:
    if not path.exists():
        raise BackupFileError(f"{path}: no such file")
    if path.is_dir():
        raise BackupFileError(f"{path} is a folder, not a backup file")
    if path.stat().st_size == 0:
        raise BackupFileError(f"{path} is empty: not a Scrutiny backup")


def _checked(manifest, path: Path) -> dict:
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupFileError(f"{path} is not a Scrutiny backup (its {MANIFEST} is another program's)")
    version = manifest.get("version")
    if not isinstance(version, int):
        raise BackupFileError(f"{path} is damaged (its {MANIFEST} has no format version)")
    if version > VERSION:
        raise BackupFileError(
            f"{path} was written by a newer Scrutiny (backup format {version}; this one reads up to {VERSION}):"
            " upgrade Scrutiny, then restore"
        )
    try:
        engine = manifest["database"]["engine"]
        ok = (
            DATABASE_MEMBER.get(engine) == manifest["database"]["member"]
            and isinstance(manifest["database"]["sha256"], str)
            and isinstance(manifest["migrations"], dict)
            and isinstance(manifest["counts"], dict)
            and isinstance(manifest["files"]["count"], int)
        )
    except (KeyError, TypeError):
        ok = False
    if not ok:
        raise BackupFileError(f"{path} is damaged (its {MANIFEST} is incomplete)")
    return manifest

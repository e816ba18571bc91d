"""The backup file: one gzip-compressed tar archive holding, in this order,

    manifest.json              what the backup is: format version, when, database engine,
                               migrations applied, counts, the snapshot's SHA-256
    database.sqlite3           a SQLite snapshot (the sqlite3 backup API), or
    database.pgdump            a PostgreSQL snapshot (pg_dump --format=custom)
    files/ab/<sha256>.pdf      the kept report files, named by the SHA-256 of their content
    files/uploads/<uuid>.pdf   anything else under SCRUTINY_FILES_DIR (reports sent through the
                               web and not yet read), with its SHA-256 in the manifest

The manifest comes first, so that a restore can say what a file is before reading the rest, and
every member is checked (the snapshot and other files against the manifest, each kept report
file against its own name) before anything on the server is touched. `tar tzf` lists a backup.
"""

import gzip
import hashlib
import io
import json
import os
import re
import shutil
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
# Any other file: plain names only, nothing hidden, nothing that climbs out of the folder.
OTHER_FILE = re.compile(r"(?:[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}/){0,4}[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}")
_CHUNK = 1 << 20
_READ_ERRORS = (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile, UnicodeDecodeError, ValueError)


class BackupFileError(Exception):
    """The backup file is missing, damaged or not a Scrutiny backup; nothing has been changed."""


@dataclass
class FilesToKeep:
    """What a backup takes from the files folder, gathered so that nothing can change under it."""

    kept: list[tuple[str, Path]]  # content-addressed report files: never rewritten, so read in place
    others: list[tuple[str, Path]]  # copies made for the backup (an upload may be removed any moment)
    checksums: dict[str, str]  # SHA-256 of each of the others

    @property
    def all(self) -> list[tuple[str, Path]]:
        return sorted(self.kept + self.others)


@dataclass
class Unpacked:
    manifest: dict
    database: Path
    files: list[tuple[str, Path]]  # (name under the files folder, staged copy)


def is_kept_file(name: str) -> bool:
    match = KEPT_FILE.fullmatch(name)
    return bool(match) and match["digest"].startswith(match["prefix"])


def gather_files(files_dir: Path, staging: Path) -> FilesToKeep:
    """Every file under files_dir but half-written ones (.partial, hidden temporary files)."""
    gathered = FilesToKeep([], [], {})
    if not files_dir.is_dir():
        return gathered
    for path in sorted(files_dir.rglob("*")):
        name = path.relative_to(files_dir).as_posix()
        if not path.is_file() or path.is_symlink() or name.endswith(".partial") or not OTHER_FILE.fullmatch(name):
            continue
        if is_kept_file(name):
            gathered.kept.append((name, path))
            continue
        copy = staging / "files" / name
        copy.parent.mkdir(parents=True, exist_ok=True)
        try:
            with open(path, "rb") as source:
                gathered.checksums[name] = _copy_out(source, copy)
        except FileNotFoundError:
            continue  # removed since it was listed: done with, so not wanted
        gathered.others.append((name, copy))
    return gathered


def write_archive(target: Path, manifest: dict, database: Path, files: list[tuple[str, Path]]) -> int:
    """Write the archive beside target and move it into place only when it is whole, so a backup
    interrupted half way never leaves a file that looks like a backup. Returns the number of
    files written (a kept file deleted since it was listed is left out)."""
    partial = target.with_name(f".{target.name}.partial")
    written = 0
    try:
        with open(partial, "wb") as raw:
            with tarfile.open(fileobj=raw, mode="w:gz", compresslevel=COMPRESSLEVEL) as tar:
                _add_bytes(tar, MANIFEST, json.dumps(manifest, indent=2).encode())
                _add_file(tar, manifest["database"]["member"], database)
                for name, path in files:
                    written += _add_file(tar, FILES_PREFIX + name, path)
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(partial, target)
        fsync_folder(target.parent)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return written


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
    database_member = manifest["database"]["member"]
    checksums = manifest["files"].get("checksums", {})
    database, files = None, []
    try:
        with tarfile.open(path, mode="r|*") as tar:
            for member in tar:
                if member.name == MANIFEST:
                    continue
                if not member.isfile():
                    raise BackupFileError(f"{path} holds an unexpected entry '{member.name}': not a Scrutiny backup")
                if member.name == database_member:
                    database = staging / database_member
                    if _copy_out(tar.extractfile(member), database) != manifest["database"]["sha256"]:
                        raise BackupFileError(f"{path} is damaged (the database snapshot does not match its checksum)")
                    continue
                name = member.name.removeprefix(FILES_PREFIX)
                expected = name[3:].partition(".")[0] if is_kept_file(name) else checksums.get(name)
                if not member.name.startswith(FILES_PREFIX) or expected is None or not OTHER_FILE.fullmatch(name):
                    raise BackupFileError(f"{path} holds an unexpected entry '{member.name}': not a Scrutiny backup")
                staged = staging / "files" / name
                staged.parent.mkdir(parents=True, exist_ok=True)
                if _copy_out(tar.extractfile(member), staged) != expected:
                    raise BackupFileError(f"{path} is damaged (the file {name} does not match its checksum)")
                files.append((name, staged))
    except BackupFileError:
        raise
    except _READ_ERRORS as exc:
        raise BackupFileError(f"{path} is damaged ({exc})") from exc
    if database is None:
        raise BackupFileError(f"{path} is damaged (it has no {database_member})")
    return Unpacked(manifest, database, files)


def put_files(files: list[tuple[str, Path]], files_dir: Path) -> int:
    """Move the unpacked files into files_dir, each whole or not at all; returns how many were new
    or changed. A kept report file already there is the same file (its name is its content)."""
    placed = 0
    for name, staged in files:
        target = files_dir / name
        if is_kept_file(name) and target.is_file() and target.stat().st_size == staged.stat().st_size:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".partial")
        shutil.move(staged, partial)
        os.replace(partial, target)
        placed += 1
    return placed


def sha256_of(path: Path) -> str:
    with open(path, "rb") as source:
        return _digest(source)


def fsync_folder(folder: Path) -> None:
    """Make a rename in folder survive a power cut."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _add_bytes(tar: tarfile.TarFile, name: str, content: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.mode, info.size, info.mtime = 0o644, len(content), int(time.time())
    tar.addfile(info, io.BytesIO(content))


def _add_file(tar: tarfile.TarFile, name: str, path: Path) -> int:
    try:
        source = open(path, "rb")
    except FileNotFoundError:
        return 0
    with source:
        stat = os.fstat(source.fileno())
        info = tarfile.TarInfo(name)
        info.mode, info.size, info.mtime = 0o644, stat.st_size, int(stat.st_mtime)
        tar.addfile(info, source)
    return 1


def _digest(source) -> str:
    digest = hashlib.sha256()
    while chunk := source.read(_CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


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
            and isinstance(manifest["files"].get("checksums", {}), dict)
        )
    except (KeyError, TypeError, AttributeError):
        ok = False
    if not ok:
        raise BackupFileError(f"{path} is damaged (its {MANIFEST} is incomplete)")
    return manifest

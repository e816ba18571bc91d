"""`scrutiny backup` and `scrutiny restore` as an operator runs them, in their own processes, on
the suite's engine (SQLite, then PostgreSQL in scripts/run-tests.sh): a backup restored into
another database gives back every row, every kept file and a working search; a damaged or
foreign backup is refused and changes nothing."""

import hashlib
import io
import json
import tarfile
import uuid
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from scrutiny.findings.models import Finding, Tag
from scrutiny.reports.ingest import Ingester, report_files
from scrutiny.reports.models import Report
from scrutiny_demo.corpus import generate
from factories import FindingFactory, ReportFactory

from .consistency import sqlite_problems
from .scratch import ScratchDatabases, database_url, file_digests, full_dump, run_scrutiny, search_counts

pytestmark = pytest.mark.django_db(transaction=True)  # the backup, in another process, must see the rows

SEARCHED = ["staff", "force", "healthcare", "cells"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("backup-corpus")
    generate(4, seed=17, outdir=str(folder), processes=1)
    return folder


@pytest.fixture
def scratch(tmp_path):
    databases = ScratchDatabases(tmp_path)
    yield databases
    databases.drop_all()


@pytest.fixture
def source(corpus, tmp_path, settings) -> dict:
    """The test database holding ingested demo reports (with their kept files) and an analyst's
    work on top: a draft report, hand-made findings with theme and population tags, an account."""
    files = tmp_path / "files"
    settings.SCRUTINY_FILES_DIR = files
    ingester = Ingester()
    assert all(ingester.ingest(path).status == "new" for path in report_files([corpus]))
    draft = ReportFactory(is_published=False)
    FindingFactory(report=draft, themes=["use-of-force", "violence"], populations=["children"])
    FindingFactory(report=draft, themes=["healthcare"] if _theme_exists("healthcare") else [])
    get_user_model().objects.create_user("analyst@example.org", "analyst@example.org", "a long passphrase here")
    # A report sent through the web and not yet read waits under a name the server chose.
    waiting = files / "uploads" / f"{uuid.uuid4().hex}.pdf"
    waiting.parent.mkdir(parents=True)
    waiting.write_bytes(next(p for p in corpus.iterdir() if p.suffix == ".pdf").read_bytes())
    return {"database": database_url(connection.settings_dict), "files": files, "cwd": tmp_path}


def _theme_exists(slug: str) -> bool:
    from scrutiny.catalogue.models import Theme

    return Theme.objects.filter(slug=slug).exists()


def backup_of(source: dict, path: Path) -> Path:
    made = run_scrutiny("backup", path, **source)
    assert made.returncode == 0, made.stderr
    return path


def test_a_restored_backup_has_the_same_rows_files_and_search(source, scratch, tmp_path):
    reports, findings = Report.objects.count(), Finding.objects.count()
    assert Tag.objects.exists() and findings > 20
    made = run_scrutiny("backup", tmp_path / "nightly.tar.gz", **source)
    assert made.returncode == 0, made.stderr
    assert f": {reports} reports, {findings:,} findings, 5 files -> " in made.stdout

    target = {"database": scratch.new("restored"), "files": tmp_path / "restored-files", "cwd": tmp_path}
    restored = run_scrutiny("restore", tmp_path / "nightly.tar.gz", **target)
    assert restored.returncode == 0, restored.stderr
    assert f"{reports} reports, {findings:,} findings, 5 files into" in restored.stdout

    rows = full_dump(**source)
    assert full_dump(**target) == rows
    models = {row["model"] for row in rows}
    assert {"reports.report", "findings.finding", "findings.tag", "findings.populationtag", "auth.user"} <= models
    assert file_digests(target["files"]) == file_digests(source["files"]) and len(file_digests(source["files"])) == 5
    found = search_counts(SEARCHED, **source)
    assert search_counts(SEARCHED, **target) == found and found["staff"] > 0
    if scratch.is_sqlite:  # integrity, foreign keys, the FTS5 index, whole reports
        whole = {r.file_name: r.findings.count() for r in Report.objects.all()}
        assert sqlite_problems(Path(target["database"].removeprefix("sqlite:///")), whole) == []

    # A database that now holds reports is not overwritten by mistake...
    again = run_scrutiny("restore", tmp_path / "nightly.tar.gz", **target)
    assert again.returncode == 2 and "--force" in again.stderr and f"{reports} reports" in again.stderr
    # ...only on purpose.
    forced = run_scrutiny("restore", "--force", tmp_path / "nightly.tar.gz", **target)
    assert forced.returncode == 0, forced.stderr
    assert full_dump(**target) == rows
    if not scratch.is_sqlite:  # (SQLite's own check is in test_sqlite_online.py)
        import psycopg

        with psycopg.connect(target["database"].replace("postgres://", "postgresql://", 1)):  # a dashboard
            busy = run_scrutiny("restore", "--force", tmp_path / "nightly.tar.gz", **target)
        assert busy.returncode == 2 and "is in use (1 other connection)" in busy.stderr


def test_a_damaged_or_foreign_backup_is_refused_and_changes_nothing(source, scratch, corpus, tmp_path):
    good = backup_of(source, tmp_path / "good.tar.gz")
    target = {"database": scratch.new("target"), "files": tmp_path / "target-files", "cwd": tmp_path}
    assert run_scrutiny("restore", good, **target).returncode == 0
    before = _fingerprint(target, scratch)

    for name, (path, said) in damaged_copies(good, corpus, tmp_path / "damaged").items():
        refused = run_scrutiny("restore", "--force", path, **target)
        assert refused.returncode == 2, f"{name}: {refused.returncode} {refused.stderr}"
        assert said in refused.stderr, f"{name}: {refused.stderr}"
        assert "Traceback" not in refused.stderr
    assert _fingerprint(target, scratch) == before


def damaged_copies(good: Path, corpus: Path, folder: Path) -> dict[str, tuple[Path, str]]:
    """Each way a backup file goes wrong, with what the refusal should say."""
    folder.mkdir()
    data = good.read_bytes()
    copies = {}

    def write(name: str, content: bytes, said: str) -> None:
        (folder / name).write_bytes(content)
        copies[name] = (folder / name, said)

    write("truncated.tar.gz", data[: len(data) * 3 // 5], "is damaged")
    flipped = bytearray(data)
    for offset in range(len(data) // 2, len(data) // 2 + 64, 8):
        flipped[offset] ^= 0xFF
    write("flipped.tar.gz", bytes(flipped), "damaged")
    a_report = next(p for p in corpus.iterdir() if p.suffix == ".pdf")
    write("a-report.tar.gz", a_report.read_bytes(), "is not a Scrutiny backup")
    write("foreign.tar.gz", _tar({"notes.txt": b"not ours"}), "is not a Scrutiny backup")
    write("tampered.tar.gz", _with_manifest(good, lambda m: m["database"].update(sha256="0" * 64)),
          "does not match its checksum")
    write("newer.tar.gz", _with_manifest(good, lambda m: m.update(version=99)), "newer Scrutiny")
    write("other-engine.tar.gz", _with_manifest(good, _other_engine), "is a backup of a")
    write("empty.tar.gz", b"", "empty")
    copies["missing"] = (folder / "no-such-backup.tar.gz", "no such file")
    return copies


def _other_engine(manifest: dict) -> None:
    engine = "postgresql" if manifest["database"]["engine"] == "sqlite" else "sqlite"
    manifest["database"].update(engine=engine, member={"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}[engine])


def _tar(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as tar:
        for name, content in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))
    return out.getvalue()


def _with_manifest(good: Path, change) -> bytes:
    members = {}
    with tarfile.open(good) as tar:
        for member in tar:
            members[member.name] = tar.extractfile(member).read()
    manifest = json.loads(members["manifest.json"])
    change(manifest)
    members["manifest.json"] = json.dumps(manifest).encode()
    return _tar(members)


def _fingerprint(target: dict, scratch: ScratchDatabases) -> tuple:
    raw = ""
    if scratch.is_sqlite:
        raw = hashlib.sha256(Path(target["database"].removeprefix("sqlite:///")).read_bytes()).hexdigest()
    return raw, full_dump(**target), file_digests(target["files"])


def test_a_backup_from_an_older_schema_is_migrated_after_restoring(scratch, tmp_path):
    old = {"database": scratch.new("old"), "files": tmp_path / "old-files", "cwd": tmp_path}
    assert run_scrutiny("migrate", **old).returncode == 0
    # As if taken before sessions existed: the restore must bring the schema up to date.
    assert run_scrutiny("manage", "migrate", "sessions", "zero", **old).returncode == 0
    backup = backup_of(old, tmp_path / "old.tar.gz")

    target = {"database": scratch.new("upgraded"), "files": tmp_path / "upgraded-files", "cwd": tmp_path}
    restored = run_scrutiny("restore", backup, **target)
    assert restored.returncode == 0, restored.stderr
    assert "applied 1 migration to bring it up to date" in restored.stdout
    shown = run_scrutiny("manage", "showmigrations", "sessions", **target)
    assert "[X] 0001_initial" in shown.stdout

"""SQLite files on a running server: a backup taken while an ingest writes is a moment of the
database (whole reports only, counted right in its manifest), and a restore will not pull the
file from under a process that has it open. These use SQLite files of their own, so they run in
the SQLite pass only (they touch no Django test database: no_database)."""

import json
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from scrutiny_demo.corpus import generate

from .consistency import FINDINGS_BY_FILE, sqlite_problems
from .scratch import command_env, run_scrutiny


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("online-corpus")
    generate(12, seed=23, outdir=str(folder), processes=2)
    return folder


def test_backups_taken_during_an_ingest_hold_whole_reports_only(corpus, tmp_path):
    database, files = tmp_path / "live.sqlite3", tmp_path / "files"
    url = f"sqlite:///{database}"
    assert run_scrutiny("migrate", database=url, files=files, cwd=tmp_path).returncode == 0
    ingest = subprocess.Popen(
        [sys.executable, "-m", "scrutiny.cli", "ingest", str(corpus)], cwd=tmp_path,
        env=command_env(url, files, tmp_path), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    backups = []
    try:
        while ingest.poll() is None and len(backups) < 20:
            path = tmp_path / f"during-{len(backups)}.tar.gz"
            made = run_scrutiny("backup", path, database=url, files=files, cwd=tmp_path)
            assert made.returncode == 0, made.stderr
            backups.append(path)
    finally:
        assert ingest.wait(timeout=120) == 0
    db = sqlite3.connect(database)
    whole = dict(db.execute(FINDINGS_BY_FILE).fetchall())
    db.close()
    assert len(whole) == 12 and backups

    held = []
    for n, path in enumerate(backups):
        snapshot = tmp_path / f"snapshot-{n}.sqlite3"
        with tarfile.open(path) as tar:
            manifest = json.load(tar.extractfile("manifest.json"))
            snapshot.write_bytes(tar.extractfile("database.sqlite3").read())
        assert sqlite_problems(snapshot, whole) == [], path.name
        db = sqlite3.connect(snapshot)
        reports, findings = db.execute(
            "SELECT (SELECT count(*) FROM reports_report), (SELECT count(*) FROM findings_finding)"
        ).fetchone()
        db.close()
        assert manifest["counts"]["reports"] == reports and manifest["counts"]["findings"] == findings
        held.append(reports)
    print(f"\n{len(backups)} backups taken during the ingest held {held} of 12 reports, each whole")


def test_a_restore_waits_until_nothing_has_the_database_open(corpus, tmp_path):
    source, files = f"sqlite:///{tmp_path / 'source.sqlite3'}", tmp_path / "files"
    report = next(p for p in corpus.iterdir() if p.suffix == ".html")
    assert run_scrutiny("ingest", report, database=source, files=files, cwd=tmp_path).returncode == 0
    assert run_scrutiny("backup", tmp_path / "b.tar.gz", database=source, files=files, cwd=tmp_path).returncode == 0
    target = tmp_path / "target.sqlite3"
    url = f"sqlite:///{target}"
    assert run_scrutiny("restore", tmp_path / "b.tar.gz", database=url, files=files, cwd=tmp_path).returncode == 0

    # Read before the connection opens: closing any descriptor of the file drops this process's locks.
    before = target.read_bytes()
    dashboard = sqlite3.connect(target)  # as `scrutiny serve` holds it mid-request
    dashboard.execute("PRAGMA journal_mode=WAL")
    dashboard.execute("SELECT count(*) FROM reports_report").fetchone()
    refused = run_scrutiny("restore", "--force", tmp_path / "b.tar.gz", database=url, files=files, cwd=tmp_path)
    assert refused.returncode == 2 and "in use" in refused.stderr and "stop `scrutiny serve`" in refused.stderr
    dashboard.close()
    assert target.read_bytes() == before
    restored = run_scrutiny("restore", "--force", tmp_path / "b.tar.gz", database=url, files=files, cwd=tmp_path)
    assert restored.returncode == 0, restored.stderr
    assert sqlite_problems(target, {report.name: len(report.with_name(f"{report.stem}.gold.jsonl").read_text().splitlines())}) == []

"""An ingest killed at any moment (power cut, OOM killer, kill -9) leaves a whole database: every
report stored is stored with all its findings and tags, the full-text index agrees with the
findings, and running the same ingest again stores each remaining report exactly once.

Each run starts from a copy of a freshly migrated database. The kill points are random but
seeded: half after a random delay anywhere in the run (starting up, reading files, writing
reports, printing the summary), half just after a random number of reports has been stored, so
that some fall on the writing itself. `pytest -s` prints the figures.
"""

import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from scrutiny_demo.corpus import generate

from .consistency import FINDINGS_BY_FILE, postgres_problems, sqlite_problems, stored_reports
from .scratch import ScratchDatabases, command_env, run_scrutiny

REPORTS, CORPUS_SEED = 12, 5
KILL_POINTS, KILL_SEED = 8, 20261122


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("crash-corpus")
    generate(REPORTS, seed=CORPUS_SEED, outdir=str(folder), processes=2)
    return folder


def planted(corpus: Path) -> dict[str, int]:
    """The findings each report's gold file plants, by the report's file name."""
    reports = [p for p in corpus.iterdir() if p.suffix in {".pdf", ".docx", ".html"}]
    return {p.name: len(p.with_name(f"{p.stem}.gold.jsonl").read_text().splitlines()) for p in reports}


class SQLiteFiles:
    name = "SQLite"

    def __init__(self, tmp_path: Path):
        self.tmp_path = tmp_path

    def new(self, label: str, template: str | None = None) -> str:
        path = self.tmp_path / f"{label}.sqlite3"
        if template:  # through the backup API, so nothing still in the template's WAL is lost
            source, copy = sqlite3.connect(template.removeprefix("sqlite:///")), sqlite3.connect(path)
            source.backup(copy)
            copy.close()
            source.close()
        return f"sqlite:///{path}"

    def problems(self, url: str, expected: dict[str, int]) -> list[str]:
        return sqlite_problems(Path(url.removeprefix("sqlite:///")), expected)

    def has_reports(self, url: str) -> bool:
        path = Path(url.removeprefix("sqlite:///"))
        return path.exists() and bool(self.query(url, "SELECT 1 FROM sqlite_master WHERE name = 'reports_report'"))

    def query(self, url: str, sql: str) -> list[tuple]:
        db = sqlite3.connect(url.removeprefix("sqlite:///"))
        try:
            return db.execute(sql).fetchall()
        finally:
            db.close()


class PostgresDatabases(ScratchDatabases):
    name = "PostgreSQL"

    def problems(self, url: str, expected: dict[str, int]) -> list[str]:
        with _postgres(url) as db, db.cursor() as cursor:
            return postgres_problems(cursor, expected)

    def has_reports(self, url: str) -> bool:
        return bool(self.query(url, "SELECT 1 FROM pg_tables WHERE tablename = 'reports_report'"))

    def query(self, url: str, sql: str) -> list[tuple]:
        with _postgres(url) as db, db.cursor() as cursor:
            return cursor.execute(sql).fetchall()


def _postgres(url: str):
    import psycopg

    return psycopg.connect(url.replace("postgres://", "postgresql://", 1))


def ingest(corpus: Path, database: str, folder: Path) -> subprocess.Popen:
    folder.mkdir(exist_ok=True)
    return subprocess.Popen(
        [sys.executable, "-m", "scrutiny.cli", "ingest", str(corpus)], cwd=folder,
        env=command_env(database, folder / "files", folder), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        text=True,
    )


def finish(run: subprocess.Popen) -> None:
    status = run.wait(timeout=120)
    errors = run.stderr.read()
    run.stderr.close()
    assert status == 0, errors


def stored(databases, url: str) -> dict[str, int]:
    return stored_reports(lambda sql: databases.query(url, sql))


def without_kept_file(databases, url: str, files: Path) -> int:
    """Reports whose file was not kept: ingest copies it just after the report's transaction."""
    rows = databases.query(url, "SELECT content_hash, file_format FROM reports_report")
    return sum(not (files / h[:2] / f"{h}.{fmt}").is_file() for h, fmt in rows)


def wait_until_stored(databases, url: str, reports: int, run: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while run.poll() is None and time.monotonic() < deadline:
        if databases.has_reports(url) and sum(stored(databases, url).values()) >= reports:
            return
        time.sleep(0.01)


def kill_and_recover(databases, corpus: Path, tmp_path: Path, capsys) -> None:
    gold = planted(corpus)
    # Every run starts from a migrated database, so that the kills fall on the ingest itself.
    migrated = databases.new("migrated")
    assert run_scrutiny("migrate", database=migrated, files=tmp_path / "files", cwd=tmp_path).returncode == 0
    # An uninterrupted ingest says how many findings a whole report has, and how long a run takes.
    reference = databases.new("reference", template=migrated)
    started = time.perf_counter()
    finish(ingest(corpus, reference, tmp_path / "reference"))
    whole_run = time.perf_counter() - started
    whole = dict(databases.query(reference, FINDINGS_BY_FILE))
    assert set(whole) == set(gold) and databases.problems(reference, whole) == []
    gold_agrees = sum(whole[name] == gold[name] for name in gold)

    rng = random.Random(KILL_SEED)
    killed, finished_first, inconsistent, stored_at_kill, files_lost = 0, 0, 0, [], 0
    window = whole_run
    while killed < KILL_POINTS and killed + finished_first < 3 * KILL_POINTS:
        label = f"run{killed + finished_first}"
        database, folder = databases.new(label, template=migrated), tmp_path / label
        run = ingest(corpus, database, folder)
        if killed % 2:
            # Every other kill waits for a random number of reports to be stored, then lands within
            # the time one more report takes: in its reading, its transaction or the file copy.
            wait_until_stored(databases, database, rng.randrange(1, REPORTS), run)
            time.sleep(rng.uniform(0, whole_run / REPORTS))
        else:
            time.sleep(rng.uniform(0.05, window))
        was_killed = run.poll() is None
        if was_killed:
            run.kill()  # SIGKILL: no handler runs, nothing is cleaned up, as in a power cut
            killed += 1
        else:
            # The machine is quicker than when the reference ran: aim earlier, and try again.
            finished_first += 1
            window *= 0.8
        run.wait(timeout=30)
        run.stderr.close()
        problems = databases.problems(database, whole)
        inconsistent += bool(problems)
        assert problems == [], f"after the kill in {label}: {problems}"
        if was_killed:
            stored_at_kill.append(sum(stored(databases, database).values()) if databases.has_reports(database) else 0)

        finish(ingest(corpus, database, folder))
        assert databases.problems(database, whole) == []
        assert stored(databases, database) == {name: 1 for name in gold}, "every report exactly once"
        files_lost += without_kept_file(databases, database, folder / "files")

    with capsys.disabled():
        print(
            f"\n{databases.name} ingest crash test: {REPORTS} reports ({sum(whole.values())} findings; the"
            f" extractor finds every planted finding in {gold_agrees}/{len(gold)}), uninterrupted run"
            f" {whole_run:.1f}s; kill points tried {killed} (and {finished_first} run(s) that finished before"
            f" the kill); reports stored at each kill {stored_at_kill}; inconsistent after a kill"
            f" {inconsistent}; after each rerun every report stored exactly once; reports left without"
            f" their kept file {files_lost}"
        )
    assert killed == KILL_POINTS
    assert files_lost == 0, "a report whose file a kill kept from being copied should get it on the rerun"


def test_an_ingest_killed_at_random_points_leaves_whole_reports_and_a_rerun_completes_it(corpus, tmp_path, capsys):
    # SQLite files made here, whatever database the suite runs on (a no_database test: SQLite pass only).
    kill_and_recover(SQLiteFiles(tmp_path), corpus, tmp_path, capsys)


@pytest.mark.django_db
def test_an_ingest_killed_at_random_points_on_postgresql_leaves_whole_reports(corpus, tmp_path, capsys):
    if connection.vendor != "postgresql":
        pytest.skip("runs in the PostgreSQL pass (scripts/run-tests.sh)")
    databases = PostgresDatabases(tmp_path)
    try:
        kill_and_recover(databases, corpus, tmp_path, capsys)
    finally:
        databases.drop_all()


@pytest.mark.django_db
def test_a_report_stored_just_before_a_crash_gets_its_file_kept_when_the_ingest_is_run_again(corpus, tmp_path, settings):
    """The state a kill between a report's commit and the copy of its file leaves (the crash test
    above met it): the report is stored, its file is not kept. Running the ingest again must keep it."""
    from scrutiny.reports.ingest import Ingester

    settings.SCRUTINY_FILES_DIR = tmp_path / "files"
    report = next(p for p in corpus.iterdir() if p.suffix == ".html")
    assert Ingester(keep_files=False).ingest(report).status == "new"
    assert Ingester().ingest(report).status == "duplicate"
    assert len(list((tmp_path / "files").glob("??/*"))) == 1

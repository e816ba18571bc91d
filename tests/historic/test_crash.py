"""`scrutiny historic import BIG.csv` killed with SIGKILL at random moments leaves the database with
none of the file or all of it (one transaction), whole by SQLite's own checks, and a rerun completes
it. The file is an export of generated reports read by the real ingest, repeated under new
references until it is big. `pytest -s` prints the figures."""

import csv
import io
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from operations.consistency import FTS_TABLE, ORPHANS
from operations.scratch import command_env, run_scrutiny

COPIES, KILL_POINTS, KILL_SEED = 80, 6, 20090401


@pytest.fixture(scope="module")
def big(corpus, tmp_path_factory) -> tuple[Path, int, int]:
    """BIG.csv, with how many reports and findings it holds."""
    folder = tmp_path_factory.mktemp("historic-big")
    where = {"database": f"sqlite:///{folder / 'source.sqlite3'}", "files": folder / "files", "cwd": folder}
    for args in (("ingest", corpus), ("historic", "export", folder / "small.csv")):
        done = run_scrutiny(*args, **where)
        assert done.returncode == 0, done.stderr
    rows = list(csv.reader(io.StringIO((folder / "small.csv").read_text("utf-8-sig"), newline="")))
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(rows[0])
    for copy in range(COPIES):
        writer.writerows([f"{r[0]}-{copy:03d}", *r[1:]] for r in rows[1:])
    path = folder / "BIG.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    references = {r[0] for r in rows[1:]}
    return path, len(references) * COPIES, (len(rows) - 1) * COPIES


def import_run(path: Path, database: Path, folder: Path) -> subprocess.Popen:
    folder.mkdir(exist_ok=True)
    return subprocess.Popen(
        [sys.executable, "-m", "scrutiny.cli", "historic", "import", str(path)], cwd=folder,
        env=command_env(f"sqlite:///{database}", folder / "files", folder),
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )


def finish(run: subprocess.Popen) -> None:
    status = run.wait(timeout=300)
    errors = run.stderr.read()
    run.stderr.close()
    assert status == 0, errors


def held(database: Path) -> tuple[int, int, list[str]]:
    """(reports, findings, problems): SQLite's integrity and foreign key checks, the full-text
    index, orphans, and whether the audit trail agrees with the reports."""
    if not database.exists():
        return 0, 0, []
    db = sqlite3.connect(database)
    try:
        problems = []
        if (integrity := db.execute("PRAGMA integrity_check").fetchall()) != [("ok",)]:
            problems.append(f"integrity_check: {integrity[:5]}")
        if violations := db.execute("PRAGMA foreign_key_check").fetchall():
            problems.append(f"foreign_key_check: {violations[:3]}")
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "reports_report" not in tables or "curation_change" not in tables:
            return 0, 0, problems  # killed while migrating a new database
        if FTS_TABLE in tables:
            try:
                db.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('integrity-check')")
            except sqlite3.DatabaseError as exc:
                problems.append(f"full-text index: {exc}")
        for what, sql in ORPHANS.items():
            if count := db.execute(sql).fetchone()[0]:
                problems.append(f"{count} {what}")
        reports = db.execute("SELECT count(*) FROM reports_report").fetchone()[0]
        findings = db.execute("SELECT count(*) FROM findings_finding").fetchone()[0]
        changes = db.execute("SELECT count(*) FROM curation_change WHERE action = 'imported'").fetchone()[0]
        if changes != reports:
            problems.append(f"{reports} reports but {changes} audit entries")
        return reports, findings, problems
    finally:
        db.close()


def test_an_import_killed_at_random_points_stores_none_or_all_of_the_file(big, tmp_path, capsys):
    path, reports, findings = big
    started = time.perf_counter()
    finish(import_run(path, tmp_path / "reference.sqlite3", tmp_path / "reference"))
    whole_run = time.perf_counter() - started
    assert held(tmp_path / "reference.sqlite3") == (reports, findings, [])

    rng = random.Random(KILL_SEED)
    killed, finished_first, inconsistent, seen = 0, 0, 0, []
    for point in range(KILL_POINTS):
        database, folder = tmp_path / f"killed{point}.sqlite3", tmp_path / f"killed{point}"
        run = import_run(path, database, folder)
        time.sleep(rng.uniform(0.05, 0.85 * whole_run))
        if run.poll() is None:
            run.kill()  # SIGKILL: nothing is cleaned up, as in a power cut
            killed += 1
        else:
            finished_first += 1
        run.wait(timeout=30)
        run.stderr.close()
        stored_reports, stored_findings, problems = held(database)
        whole = (stored_reports, stored_findings) in {(0, 0), (reports, findings)}
        inconsistent += bool(problems) or not whole
        assert problems == [] and whole, f"after the kill at point {point}: {stored_reports} reports, {stored_findings} findings, {problems}"
        seen.append("all" if stored_reports else "none")
        finish(import_run(path, database, folder))
        assert held(database) == (reports, findings, [])

    with capsys.disabled():
        print(
            f"\nhistoric import crash test: BIG.csv of {findings} findings in {reports} reports, uninterrupted"
            f" run {whole_run:.1f}s; kill points tried {KILL_POINTS}: {killed} killed mid-run, {finished_first}"
            f" finished first; held at each kill {seen}; inconsistent {inconsistent}; every rerun completed the file"
        )

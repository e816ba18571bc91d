"""Is a database whole? The checks a person would run after a crash or on a restored backup.

Each function returns the problems it finds, in words, so that a failing test says what is wrong
and a passing one can count them. `expected` maps a report's file name to the number of findings
an uninterrupted ingest stores for it: a report stored with fewer is half a report.
"""

import sqlite3
from pathlib import Path

FTS_TABLE = "findings_finding_fts"  # findings/migrations/0002_full_text_search.py

FINDINGS_BY_FILE = """
    SELECT r.file_name, count(f.id) FROM reports_report r
    LEFT JOIN findings_finding f ON f.report_id = r.id GROUP BY r.id, r.file_name"""
ORPHANS = {
    "theme tags without their finding":
        "SELECT count(*) FROM findings_tag t LEFT JOIN findings_finding f ON f.id = t.finding_id WHERE f.id IS NULL",
    "population tags without their finding":
        "SELECT count(*) FROM findings_populationtag t LEFT JOIN findings_finding f ON f.id = t.finding_id"
        " WHERE f.id IS NULL",
    "findings without their report":
        "SELECT count(*) FROM findings_finding f LEFT JOIN reports_report r ON r.id = f.report_id WHERE r.id IS NULL",
    # Ingest registers a new place in the same transaction as the report that names it.
    "establishments no report names":
        "SELECT count(*) FROM catalogue_establishment e WHERE NOT EXISTS"
        " (SELECT 1 FROM reports_report_establishments re WHERE re.establishment_id = e.id)",
}


def sqlite_problems(path: Path, expected: dict[str, int]) -> list[str]:
    if not path.exists():
        return []  # killed before the database was created: nothing to be inconsistent
    db = sqlite3.connect(path)
    try:
        problems = []
        integrity = db.execute("PRAGMA integrity_check").fetchall()
        if integrity != [("ok",)]:
            problems.append(f"integrity_check: {integrity[:5]}")
        if violations := db.execute("PRAGMA foreign_key_check").fetchall():
            problems.append(f"foreign_key_check: {len(violations)} rows point nowhere, e.g. {violations[:3]}")
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if FTS_TABLE in tables:
            try:
                db.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('integrity-check')")
            except sqlite3.DatabaseError as exc:
                problems.append(f"full-text index: {exc}")
        if "reports_report" in tables and "findings_finding" in tables:
            problems += _content_problems(db.execute, expected)
        return problems
    finally:
        db.close()


def postgres_problems(cursor, expected: dict[str, int]) -> list[str]:
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
    tables = {name for (name,) in cursor.fetchall()}
    if not {"reports_report", "findings_finding"} <= tables:
        return []
    problems = []
    cursor.execute(
        "SELECT count(*) FROM findings_finding"
        " WHERE search_vector IS DISTINCT FROM to_tsvector('english'::regconfig, coalesce(text, ''))"
    )
    if stale := cursor.fetchone()[0]:
        problems.append(f"full-text index: {stale} findings with a stale search vector")

    def execute(sql):
        cursor.execute(sql)
        return cursor.fetchall()

    return problems + _content_problems(execute, expected)


def stored_reports(execute) -> dict[str, int]:
    """Each stored report's file name, with how many times it is stored."""
    counts = {}
    for (name,) in execute("SELECT file_name FROM reports_report"):
        counts[name] = counts.get(name, 0) + 1
    return counts


def _content_problems(execute, expected: dict[str, int]) -> list[str]:
    problems = []
    for name, findings in execute(FINDINGS_BY_FILE):
        if name not in expected:
            problems.append(f"{name}: a report nobody ingested")
        elif findings != expected[name]:
            problems.append(f"{name}: {findings} findings stored of {expected[name]} (half a report)")
    for what, sql in ORPHANS.items():
        if count := list(execute(sql))[0][0]:
            problems.append(f"{count} {what}")
    if twice := {name: n for name, n in stored_reports(execute).items() if n > 1}:
        problems.append(f"stored more than once: {twice}")
    return problems

"""The change log the query engine follows: database triggers write a line (findings_change) for
every finding whose public face may have moved — inserted, deleted, its text or a facet column
edited, a theme or population tag added or removed, its report published, unpublished or
re-dated. Triggers rather than Python signals because other processes write too (the ingest
command, the upload worker, the curation pages, bulk updates that send no signals): the database
is the one place none of them can go around.

On PostgreSQL, sequence numbers are handed out in the order rows are inserted, not the order
transactions commit, so a reader could see seq 11 before seq 10 commits and never look back. The
trigger takes a transaction-scoped advisory lock first, which makes writers of findings take turns
until they commit, as SQLite's single writer does anyway: then a later seq always commits later.
"""

import random

from django.db import connection

# The finding columns a query reads; an update of anything else (repeat links, version) is not news.
WATCHED_COLUMNS = (
    "report_id", "position", "kind", "text", "status", "body_id", "setting_id", "nation_id",
    "year", "reporting_year", "is_published",
)
TAG_TABLES = ("findings_tag", "findings_populationtag")
ADVISORY_LOCK = 5_071_977  # any constant shared by every writer of this database

_COLUMNS = ", ".join(WATCHED_COLUMNS)


def _sqlite_triggers() -> dict[str, str]:
    log = "INSERT INTO findings_change(finding_id, token) VALUES"
    triggers = {
        "findings_change_finding_insert": f"AFTER INSERT ON findings_finding BEGIN {log} (new.id, random()); END",
        "findings_change_finding_update": f"AFTER UPDATE OF {_COLUMNS} ON findings_finding BEGIN {log} (new.id, random()); END",
        "findings_change_finding_delete": f"AFTER DELETE ON findings_finding BEGIN {log} (old.id, random()); END",
        "findings_change_report_update": (
            "AFTER UPDATE OF published, is_published ON reports_report "
            "WHEN old.published IS NOT new.published OR old.is_published IS NOT new.is_published BEGIN "
            "INSERT INTO findings_change(finding_id, token) "
            "SELECT id, random() FROM findings_finding WHERE report_id = new.id; END"
        ),
    }
    for table in TAG_TABLES:
        triggers[f"findings_change_{table}_insert"] = f"AFTER INSERT ON {table} BEGIN {log} (new.finding_id, random()); END"
        triggers[f"findings_change_{table}_delete"] = f"AFTER DELETE ON {table} BEGIN {log} (old.finding_id, random()); END"
        triggers[f"findings_change_{table}_update"] = (
            f"AFTER UPDATE OF finding_id, {'theme_id' if table == 'findings_tag' else 'population_id'} ON {table} BEGIN "
            f"{log} (old.finding_id, random()); {log} (new.finding_id, random()); END"
        )
    return triggers


SQLITE_TRIGGERS = _sqlite_triggers()

_PG_TOKEN = "floor(random() * 9007199254740991)::bigint"


def _pg_row_function(name: str, id_column: str) -> str:
    return f"""
        CREATE OR REPLACE FUNCTION {name}() RETURNS trigger AS $$
        BEGIN
            PERFORM pg_advisory_xact_lock({ADVISORY_LOCK});
            IF TG_OP IN ('UPDATE', 'DELETE') THEN
                INSERT INTO findings_change(finding_id, token) VALUES (OLD.{id_column}, {_PG_TOKEN});
            END IF;
            IF TG_OP IN ('UPDATE', 'INSERT') THEN
                INSERT INTO findings_change(finding_id, token) VALUES (NEW.{id_column}, {_PG_TOKEN});
            END IF;
            RETURN NULL;
        END $$ LANGUAGE plpgsql"""


# One function per shape of row: PL/pgSQL resolves OLD.x against the row's type, so a function
# naming OLD.finding_id cannot serve findings_finding.
POSTGRES_FUNCTIONS = {
    "findings_change_of_finding": _pg_row_function("findings_change_of_finding", "id"),
    "findings_change_of_tag": _pg_row_function("findings_change_of_tag", "finding_id"),
    "findings_change_of_report": f"""
        CREATE OR REPLACE FUNCTION findings_change_of_report() RETURNS trigger AS $$
        BEGIN
            PERFORM pg_advisory_xact_lock({ADVISORY_LOCK});
            INSERT INTO findings_change(finding_id, token)
                SELECT id, {_PG_TOKEN} FROM findings_finding WHERE report_id = NEW.id;
            RETURN NULL;
        END $$ LANGUAGE plpgsql""",
}
POSTGRES_TRIGGERS = {
    "findings_change_finding": (
        "findings_finding", f"AFTER INSERT OR DELETE OR UPDATE OF {_COLUMNS} ON findings_finding "
        "FOR EACH ROW EXECUTE FUNCTION findings_change_of_finding()"
    ),
    "findings_change_report": (
        "reports_report", "AFTER UPDATE OF published, is_published ON reports_report FOR EACH ROW "
        "WHEN (OLD.published IS DISTINCT FROM NEW.published OR OLD.is_published IS DISTINCT FROM NEW.is_published) "
        "EXECUTE FUNCTION findings_change_of_report()"
    ),
    **{
        f"findings_change_{table}": (
            table, f"AFTER INSERT OR DELETE OR UPDATE ON {table} FOR EACH ROW EXECUTE FUNCTION findings_change_of_tag()"
        )
        for table in TAG_TABLES
    },
}


def install_triggers(schema_editor) -> None:
    """Create (or re-create) every change-log trigger, and log "everything changed", since
    whatever dropped them may have changed rows unseen. Safe to run again."""
    execute = schema_editor.execute
    if schema_editor.connection.vendor == "sqlite":
        for name, body in SQLITE_TRIGGERS.items():
            execute(f"DROP TRIGGER IF EXISTS {name}")
            execute(f"CREATE TRIGGER {name} {body}")
    else:
        for sql in POSTGRES_FUNCTIONS.values():
            execute(sql)
        for name, (table, body) in POSTGRES_TRIGGERS.items():
            execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            execute(f"CREATE TRIGGER {name} {body}")
    token = random.getrandbits(62)
    execute("INSERT INTO findings_change(finding_id, token) VALUES (NULL, %s)", [token])


def remove_triggers(schema_editor) -> None:
    if schema_editor.connection.vendor == "sqlite":
        for name in SQLITE_TRIGGERS:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
        return
    for name, (table, _) in POSTGRES_TRIGGERS.items():
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
    for name in POSTGRES_FUNCTIONS:
        schema_editor.execute(f"DROP FUNCTION IF EXISTS {name}()")


# --- reading the log ---------------------------------------------------------------------------

def newest() -> tuple[int, int] | None:
    """(seq, token) of the newest line, or None for an empty log: one indexed lookup."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT seq, token FROM findings_change ORDER BY seq DESC LIMIT 1")
        row = cursor.fetchone()
    return (row[0], row[1]) if row else None


def still_there(head: tuple[int, int]) -> bool:
    """Whether the line a snapshot was taken at is still in the log, unchanged: not rolled back
    (and its seq reused), not pruned, not from another database."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT token FROM findings_change WHERE seq = %s", [head[0]])
        row = cursor.fetchone()
    return row is not None and row[0] == head[1]


def changed_since(seq: int, limit: int) -> set[int | None] | None:
    """The finding ids logged after `seq` (None among them for "everything"), or None when
    there are more than `limit` lines, which is the caller's cue to rebuild instead."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT finding_id FROM findings_change WHERE seq > %s ORDER BY seq LIMIT %s", [seq, limit + 1]
        )
        rows = cursor.fetchall()
    if len(rows) > limit:
        return None
    return {row[0] for row in rows}


def prune(upto_seq: int) -> int:
    """Drop log lines a saved index already covers, keeping the newest (a snapshot's anchor).
    A process still anchored on a pruned line rebuilds (still_there fails), which is correct."""
    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM findings_change WHERE seq < %s AND seq < (SELECT MAX(seq) FROM findings_change)", [upto_seq]
        )
        return cursor.rowcount

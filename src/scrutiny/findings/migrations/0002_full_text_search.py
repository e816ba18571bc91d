"""Full-text search over finding text: FTS5 on SQLite, a stored tsvector with GIN on PostgreSQL.

The index is kept by the database itself (triggers, a generated column), so no code path that
saves a finding can forget it, and a rolled-back ingest leaves no stray index rows."""

from django.db import migrations

SQLITE = [
    """CREATE VIRTUAL TABLE findings_finding_fts USING fts5(
           text, content='findings_finding', content_rowid='id', tokenize='porter unicode61')""",
    """CREATE TRIGGER findings_finding_fts_insert AFTER INSERT ON findings_finding BEGIN
           INSERT INTO findings_finding_fts(rowid, text) VALUES (new.id, new.text); END""",
    """CREATE TRIGGER findings_finding_fts_delete AFTER DELETE ON findings_finding BEGIN
           INSERT INTO findings_finding_fts(findings_finding_fts, rowid, text)
           VALUES ('delete', old.id, old.text); END""",
    """CREATE TRIGGER findings_finding_fts_update AFTER UPDATE OF text ON findings_finding BEGIN
           INSERT INTO findings_finding_fts(findings_finding_fts, rowid, text)
           VALUES ('delete', old.id, old.text);
           INSERT INTO findings_finding_fts(rowid, text) VALUES (new.id, new.text); END""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS findings_finding_fts_update",
    "DROP TRIGGER IF EXISTS findings_finding_fts_delete",
    "DROP TRIGGER IF EXISTS findings_finding_fts_insert",
    "DROP TABLE IF EXISTS findings_finding_fts",
]
POSTGRES = [
    """ALTER TABLE findings_finding ADD COLUMN search_vector tsvector
           GENERATED ALWAYS AS (to_tsvector('english'::regconfig, coalesce(text, ''))) STORED""",
    "CREATE INDEX findings_finding_search_gin ON findings_finding USING GIN (search_vector)",
]
POSTGRES_REVERSE = [
    "DROP INDEX IF EXISTS findings_finding_search_gin",
    "ALTER TABLE findings_finding DROP COLUMN IF EXISTS search_vector",
]


def forwards(apps, schema_editor):
    _run(schema_editor, SQLITE if schema_editor.connection.vendor == "sqlite" else POSTGRES)


def backwards(apps, schema_editor):
    _run(schema_editor, SQLITE_REVERSE if schema_editor.connection.vendor == "sqlite" else POSTGRES_REVERSE)


def _run(schema_editor, statements):
    for sql in statements:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("findings", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]

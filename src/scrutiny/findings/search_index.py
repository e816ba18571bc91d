"""For migrations that rebuild findings_finding on SQLite: such a rebuild drops the triggers
that keep the FTS5 index and the change log the query engine follows (findings.changes), so put
them back and re-index (cheap next to the rebuild itself). A migration that rebuilds
reports_report or a tag table on SQLite calls it too: it restores the change-log triggers on
those tables as well, and logs "everything changed"."""

TRIGGERS = ["findings_finding_fts_insert", "findings_finding_fts_delete", "findings_finding_fts_update"]


def restore_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    from importlib import import_module

    statements = import_module("scrutiny.findings.migrations.0002_full_text_search").SQLITE
    for name in TRIGGERS:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
    for sql in statements[1:]:  # the triggers; the FTS table itself survives
        schema_editor.execute(sql)
    schema_editor.execute("INSERT INTO findings_finding_fts(findings_finding_fts) VALUES ('rebuild')")
    # Migrations before 0004 run this before the change log exists.
    if "findings_change" in schema_editor.connection.introspection.table_names():
        from scrutiny.findings.changes import install_triggers

        install_triggers(schema_editor)

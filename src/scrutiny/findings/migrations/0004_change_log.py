"""The change log the in-memory query engine follows, written by triggers (findings.changes)."""

from django.db import migrations, models

from scrutiny.findings import changes


def forwards(apps, schema_editor):
    changes.install_triggers(schema_editor)


def backwards(apps, schema_editor):
    changes.remove_triggers(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("findings", "0003_finding_version"), ("reports", "0002_workflow")]

    operations = [
        migrations.CreateModel(
            name="FindingChange",
            fields=[
                ("seq", models.BigAutoField(primary_key=True, serialize=False)),
                ("finding_id", models.BigIntegerField(null=True)),
                ("token", models.BigIntegerField()),
            ],
            options={"db_table": "findings_change"},
        ),
        migrations.RunPython(forwards, backwards),
    ]

from django.db import migrations, models

from scrutiny.findings import search_index


class Migration(migrations.Migration):
    dependencies = [("findings", "0002_full_text_search")]

    operations = [
        migrations.AddField(model_name="finding", name="version", field=models.PositiveIntegerField(default=1)),
        # SQLite adds this column by rebuilding the table, which drops the search triggers.
        migrations.RunPython(search_index.restore_triggers, migrations.RunPython.noop),
    ]

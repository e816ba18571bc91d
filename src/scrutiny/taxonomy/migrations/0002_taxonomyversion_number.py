"""The taxonomy version number is counted, not taken from the id (PostgreSQL's sequences skip
numbers when a transaction rolls back); versions stored before keep their id as their number."""

from django.db import migrations, models


def number_from_id(apps, schema_editor):
    TaxonomyVersion = apps.get_model("taxonomy", "TaxonomyVersion")
    for version in TaxonomyVersion.objects.all():
        version.number = version.id
        version.save(update_fields=["number"])


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]

    operations = [
        migrations.AlterModelOptions(name="taxonomyversion", options={"ordering": ["-number"]}),
        migrations.AddField(model_name="taxonomyversion", name="number", field=models.PositiveIntegerField(null=True)),
        migrations.RunPython(number_from_id, migrations.RunPython.noop),
        migrations.AlterField(model_name="taxonomyversion", name="number", field=models.PositiveIntegerField(unique=True)),
    ]

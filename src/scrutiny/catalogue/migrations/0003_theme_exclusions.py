"""Each theme's exclusions: phrases in which one of its keywords means something else."""

from django.db import migrations, models

from scrutiny.catalogue.reference import read_reference


def ship_exclusions(apps, schema_editor):
    # Only where none are set yet, so exclusions the secretariat has written are kept.
    Theme = apps.get_model("catalogue", "Theme")
    shipped = {row["slug"]: row.get("exclusions", []) for row in read_reference("themes")}
    for theme in Theme.objects.filter(slug__in=shipped):
        if not theme.exclusions:
            theme.exclusions = shipped[theme.slug]
            theme.save(update_fields=["exclusions"])


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0002_reference_data")]

    operations = [
        migrations.AddField(model_name="theme", name="exclusions", field=models.JSONField(blank=True, default=list)),
        migrations.RunPython(ship_exclusions, migrations.RunPython.noop),
    ]

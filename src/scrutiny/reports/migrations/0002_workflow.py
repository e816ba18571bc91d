"""Draft → review → published, a version for optimistic locking, and a stable reference."""

from django.db import migrations, models


def fill(apps, schema_editor):
    Report = apps.get_model("reports", "Report")
    for report in Report.objects.select_related("body").only("id", "is_published", "content_hash", "body__slug"):
        report.state = "published" if report.is_published else "draft"
        report.reference = f"{report.body.slug}-{report.content_hash[:12]}"
        report.save(update_fields=["state", "reference"])


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="report",
            name="state",
            field=models.CharField(
                choices=[("draft", "Draft"), ("in_review", "In review"), ("published", "Published")],
                default="published", max_length=20,
            ),
        ),
        migrations.AddField(model_name="report", name="version", field=models.PositiveIntegerField(default=1)),
        migrations.AddField(model_name="report", name="reference", field=models.CharField(max_length=120, default="")),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AlterField(model_name="report", name="reference", field=models.CharField(max_length=120, unique=True)),
    ]

"""A body can be a source outside the NPM ("external"): the sheriff courts, whose fatal accident
inquiry determinations make recommendations on deaths in Scottish prisons. A database migrated
before that source was shipped gets it here; only bodies it lacks are added, so nothing the
secretariat has edited (names, themes, keywords) is loaded over."""

from datetime import date

from django.db import migrations, models


def add_missing_bodies(apps, schema_editor):
    from scrutiny.catalogue.reference import read_reference

    Body, Nation, Setting = (apps.get_model("catalogue", name) for name in ("Body", "Nation", "Setting"))
    for row in read_reference("bodies"):
        if Body.objects.filter(slug=row["slug"]).exists():
            continue
        body = Body.objects.create(
            slug=row["slug"], name=row["name"], short_name=row["short_name"],
            designated=date.fromisoformat(row["designated"]) if row.get("designated") else None,
            membership=row["membership"], is_coordinator=row.get("coordinator", False),
            aliases=row.get("aliases", []),
        )
        body.nations.set(Nation.objects.filter(slug__in=row["nations"]))
        body.settings.set(Setting.objects.filter(slug__in=row["settings"]))


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0004_welsh_names")]
    operations = [
        migrations.AlterField(
            model_name="body",
            name="membership",
            field=models.CharField(
                choices=[("member", "Member"), ("advisory", "Advisory member"), ("associate", "Associate member"),
                         ("external", "Not an NPM member (other source)")],
                default="member", max_length=20,
            ),
        ),
        migrations.RunPython(add_missing_bodies, migrations.RunPython.noop),
    ]

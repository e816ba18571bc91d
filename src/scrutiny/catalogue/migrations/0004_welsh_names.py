"""Welsh names for the shipped settings, themes and populations (the Welsh pages show them).
Only blank Welsh names are filled: one the secretariat has written is kept."""

from django.db import migrations


def fill_welsh_names(apps, schema_editor):
    from scrutiny.catalogue.reference import read_reference

    for model_name, data_name in (("Setting", "settings"), ("Theme", "themes"), ("Population", "populations"), ("Nation", "nations")):
        model = apps.get_model("catalogue", model_name)
        for row in read_reference(data_name):
            if row.get("name_cy"):
                model.objects.filter(slug=row["slug"], name_cy="").update(name_cy=row["name_cy"])


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0003_theme_exclusions")]
    operations = [migrations.RunPython(fill_welsh_names, migrations.RunPython.noop)]

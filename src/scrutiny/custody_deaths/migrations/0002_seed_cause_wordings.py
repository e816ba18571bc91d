"""The cause wordings of the real England and Wales file (Ministry of Justice, 1978-2014), each
spelling as it appears there, and the Scottish wordings of the published aggregates."""

from django.db import migrations

SEED = {
    # England and Wales, as spelt in moj_deaths_in_prison_custody_ew_1978_2014.csv
    "Natural Causes": "natural-causes",
    "Natural causes": "natural-causes",
    "Self-inflicted": "self-inflicted",
    "Self-Inflicted": "self-inflicted",
    "Homicide": "homicide",
    "Other: Other/non-natural": "other-non-natural",
    "Other: Other/Non-natural": "other-non-natural",
    "Other: Awaiting further information": "not-yet-determined",
    # Scotland (Scottish Prison Service and Scottish Government wording)
    "Probable suicide": "self-inflicted",
    "Drug related": "drug-related",
    "Drug-related": "drug-related",
    "Accident": "accident",
    "Awaiting information": "not-yet-determined",
    "Not yet determined": "not-yet-determined",
    "Not recorded": "not-recorded",
}


def seed(apps, schema_editor):
    CauseWording = apps.get_model("custody_deaths", "CauseWording")
    for wording, category in SEED.items():
        CauseWording.objects.get_or_create(wording=wording, defaults={"category": category})


class Migration(migrations.Migration):
    dependencies = [("custody_deaths", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]

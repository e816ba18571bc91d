"""The four functions of an NPM, as the Subcommittee on Prevention of Torture names them and the
business plan 2026-27 describes them."""

from django.db import migrations

FUNCTIONS = [
    ("visiting", "Visiting", "Carrying out visits to places of detention according to Article 4 of OPCAT."),
    ("advisory", "Advisory", "Providing recommendations to State authorities, submitting legislative proposals, reviewing "
     "rules concerning detention, contributing to reports to human rights mechanisms, and following up on their recommendations."),
    ("educational", "Educational", "Training and educational and awareness-raising programmes, so that the prohibition of "
     "torture is part of the training of everyone who may be involved in detention."),
    ("cooperative", "Cooperative", "Meaningful dialogue with the State Party authorities and other stakeholders; contact "
     "with other NPMs and with the SPT to share experience and reinforce effectiveness."),
]


def add(apps, schema_editor):
    Function = apps.get_model("business_plan", "Function")
    for position, (slug, name, description) in enumerate(FUNCTIONS):
        Function.objects.update_or_create(slug=slug, defaults={"name": name, "description": description, "position": position})


def remove(apps, schema_editor):
    apps.get_model("business_plan", "Function").objects.filter(slug__in=[f[0] for f in FUNCTIONS]).delete()


class Migration(migrations.Migration):
    dependencies = [("business_plan", "0001_initial")]
    operations = [migrations.RunPython(add, remove)]

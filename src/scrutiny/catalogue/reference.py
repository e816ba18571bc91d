"""Load the shipped reference data (catalogue/data/*.json) into the database.

Loading is an upsert by slug: it adds what is new and refreshes names, but never deletes, so
the secretariat's own edits to vocabularies outlive an upgrade that ships new entries."""

import json
from datetime import date
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_reference(name: str) -> list[dict]:
    return json.loads((DATA_DIR / f"{name}.json").read_text(encoding="utf-8"))


def load_reference_data(apps=None) -> None:
    get = (lambda name: apps.get_model("catalogue", name)) if apps else _live_model
    Nation, Setting, Population, Theme, Body = (
        get("Nation"), get("Setting"), get("Population"), get("Theme"), get("Body")
    )
    for model, name in ((Nation, "nations"), (Setting, "settings"), (Population, "populations")):
        for position, row in enumerate(read_reference(name)):
            defaults = {"name": row["name"], "position": position, "name_cy": row.get("name_cy", "")}
            if model is Population:
                defaults["description"] = ", ".join(row.get("keywords", []))
            model.objects.update_or_create(slug=row["slug"], defaults=defaults)
    # An early migration loads with the Theme of its day, before themes had exclusions.
    has_exclusions = any(field.name == "exclusions" for field in Theme._meta.get_fields())
    for position, row in enumerate(read_reference("themes")):
        defaults = {
            "name": row["name"], "name_cy": row.get("name_cy", ""), "group": row["group"], "description": row["description"],
            "keywords": row["keywords"], "position": position,
        }
        if has_exclusions:
            defaults["exclusions"] = row.get("exclusions", [])
        Theme.objects.update_or_create(slug=row["slug"], defaults=defaults)
    nations = {n.slug: n for n in Nation.objects.all()}
    settings = {s.slug: s for s in Setting.objects.all()}
    for row in read_reference("bodies"):
        body, _ = Body.objects.update_or_create(
            slug=row["slug"],
            defaults={
                "name": row["name"], "short_name": row["short_name"],
                # A source outside the NPM (a sheriff court) was never designated.
                "designated": date.fromisoformat(row["designated"]) if row.get("designated") else None,
                "membership": row["membership"], "is_coordinator": row.get("coordinator", False),
                "aliases": row.get("aliases", []),
            },
        )
        body.nations.set([nations[s] for s in row["nations"]])
        body.settings.set([settings[s] for s in row["settings"]])


def _live_model(name: str):
    from django.apps import apps

    return apps.get_model("catalogue", name)

"""`scrutiny tagger retrain`: people's decisions teach the model, which ingest then uses."""

import json

import pytest

from factories import FindingFactory
from scrutiny.catalogue.models import Theme
from scrutiny.cli import main as scrutiny
from scrutiny.findings.models import Tag, TagOrigin
from scrutiny.review import services, tagging
from scrutiny.review.training import training_set

pytestmark = pytest.mark.django_db

# A theme the shipped model has never heard of, with no keywords: only the model can learn it.
CAMERAS = [
    "Officers did not switch on their body-worn cameras before the restraint began.",
    "Body-worn camera footage of the incident had not been retained or reviewed.",
    "Staff should activate body-worn cameras whenever force is anticipated.",
    "Managers did not review body-worn video footage after incidents in the segregation unit.",
    "Too few officers wore body-worn cameras on the wings at night.",
    "Body-worn camera recordings were not available to the investigating officer.",
    "The prison should ensure every officer on duty carries a working body-worn camera.",
    "Footage from body-worn cameras was deleted before the complaint was investigated.",
    "Body-worn cameras were not charged at the start of the night shift.",
    "Leaders did not check whether officers used their body-worn cameras during searches.",
    "There was no policy on when staff should switch body-worn cameras on.",
    "Body-worn video was rarely used as evidence at adjudications.",
]
UNSEEN = "Footage from officers' body-worn cameras should be retained after every incident."
UNRELATED = "The kitchen served hot meals at proper mealtimes and menus offered a choice."


def cameras_theme() -> Theme:
    return Theme.objects.create(slug="body-worn-cameras", name="Body-worn cameras", group="Safety", position=99, keywords=[])


def probability(model, slug: str, text: str) -> float:
    return float(model.probabilities([text])[0, model.labels.index(slug)]) if slug in model.labels else 0.0


def test_a_theme_people_taught_is_learnt_and_used_by_ingest(editor, models_dir, capsys, tmp_path):
    theme = cameras_theme()
    before = tagging.ThemeTagger(list(Theme.objects.all()))
    assert "body-worn-cameras" not in before.model.labels
    assert not [o for o in before.decide([UNSEEN])[0] if o.slug == theme.slug]
    for text in CAMERAS:
        services.decide(editor, FindingFactory(text=text).id, theme.id, "add")

    assert scrutiny(["tagger", "retrain", "--min-examples", "5"]) == 0
    out = capsys.readouterr().out
    assert (models_dir / "themes" / "manifest.json").is_file()
    assert "body-worn-cameras" in out and "12 findings people decided about" in out
    assert "held out (" in out and "micro-F1" in out and "macro-F1" in out

    after = tagging.ThemeTagger(list(Theme.objects.all()))  # ingest's tagger picks the new model up
    assert "body-worn-cameras" in after.model.labels
    learnt = {o.slug: o for o in after.decide([UNSEEN])[0]}
    assert theme.slug in learnt and learnt[theme.slug].confidence >= after.floor
    assert probability(after.model, theme.slug, UNSEEN) > 5 * probability(after.model, theme.slug, UNRELATED)

    # The saved model answers `tagger predict --model PATH` with the same rules it learnt with.
    lines = tmp_path / "in.jsonl"
    lines.write_text(json.dumps({"id": "a", "text": UNSEEN}) + "\n")
    assert scrutiny(["tagger", "predict", "--model", str(models_dir / "themes"), str(lines)]) == 0
    predicted = json.loads(capsys.readouterr().out.splitlines()[0])
    assert predicted["scores"]["body-worn-cameras"] == pytest.approx(probability(after.model, theme.slug, UNSEEN), abs=1e-3)


def test_decided_findings_train_on_their_person_tags_and_rejections_are_negatives(editor):
    force, records, cameras = Theme.objects.get(slug="use-of-force"), Theme.objects.get(slug="records"), cameras_theme()
    finding = FindingFactory(text="Restraint was not recorded on the use of force form.")
    Tag.objects.create(finding=finding, theme=force, origin=TagOrigin.RULE, evidence="restraint")
    Tag.objects.create(finding=finding, theme=records, origin=TagOrigin.MODEL, confidence=0.7)
    untouched = FindingFactory(text="Use of force paperwork was late.", themes=["use-of-force"])
    services.decide(editor, finding.id, force.id, "remove")
    services.decide(editor, finding.id, records.id, "confirm")
    services.decide(editor, finding.id, cameras.id, "add")

    rows, counts, dropped = training_set(min_examples=2)
    decided = [r for r in rows if r["source"] == "decision"]
    assert [(r["text"], r["labels"]) for r in decided] == [(finding.text, ["records"])]
    assert untouched.text not in {r["text"] for r in rows}  # nobody decided about it
    assert counts["use-of-force"][2] == 1 and counts["records"][1] == 1
    assert dropped == ["body-worn-cameras"]  # one example is too few to learn or check


def test_retrain_refuses_a_bad_minimum_and_saves_nothing(models_dir, capsys):
    assert scrutiny(["tagger", "retrain", "--min-examples", "0"]) == 2
    assert "--min-examples must be at least 1" in capsys.readouterr().err
    assert not models_dir.exists()

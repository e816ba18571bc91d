"""A common follow-up scale that keeps each body's words, and keyword tags that say why."""

import json
from pathlib import Path

import pytest

from scrutiny.core.status import normalise_status
from scrutiny.core.tagging import KeywordTagger, Vocabulary

THEMES = Path(__file__).resolve().parents[2] / "src/scrutiny/catalogue/data/themes.json"


@pytest.mark.parametrize(
    "wording, status",
    [
        ("Implemented", "achieved"), ("Partly implemented", "some_progress"), ("Not implemented", "no_progress"),
        ("Achieved", "achieved"), ("Partially achieved", "some_progress"), ("Not achieved", "no_progress"),
        ("Good progress", "good_progress"), ("Insufficient progress", "some_progress"),
        ("No meaningful progress", "no_progress"), ("No longer relevant", "no_longer_relevant"), (None, "not_assessed"),
    ],
)
def test_each_bodys_verdict_lands_on_the_common_scale(wording, status):
    assert normalise_status(wording) == status


def default_tagger():
    themes = json.loads(THEMES.read_text())
    return KeywordTagger([Vocabulary(t["slug"], tuple(t["keywords"])) for t in themes])


def test_a_tag_shows_the_words_that_triggered_it():
    suggestions = default_tagger().suggest("Strip searching should only take place after an individual risk assessment.")
    searching = next(s for s in suggestions if s.slug == "security-searching")
    assert "strip searching" in searching.evidence


def test_keywords_match_whole_words_only():
    assert all(s.slug != "living-conditions" for s in default_tagger().suggest("The cellar flooded."))

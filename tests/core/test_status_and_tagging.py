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


def test_a_keyword_inside_one_of_its_themes_exclusions_does_not_count_for_that_theme():
    tagger = KeywordTagger([
        Vocabulary("transport-escort", ("transfer", "escort"), exclusions=("transfer to hospital",)),
        Vocabulary("mental-health", ("transfer to hospital", "mental health")),
    ])
    assert [s.slug for s in tagger.suggest("The transfer to hospital of acutely unwell men was slow.")] == ["mental-health"]
    # The same keyword outside the exclusion still counts, and so does another keyword beside it.
    both = {s.slug: s.evidence for s in tagger.suggest("Escort staff delayed the transfer to hospital.")}
    assert both == {"transport-escort": ("escort",), "mental-health": ("transfer to hospital",)}
    assert [s.slug for s in tagger.suggest("The transfer to court was late.")] == ["transport-escort"]


def test_the_shipped_exclusions_are_phrases_that_hold_one_of_their_themes_keywords():
    import json
    from pathlib import Path

    themes = json.loads((Path(__file__).resolve().parents[2] / "src/scrutiny/catalogue/data/themes.json").read_text())
    for theme in themes:
        tagger = KeywordTagger([Vocabulary(theme["slug"], tuple(theme["keywords"]))])
        for phrase in theme.get("exclusions", []):
            assert tagger.suggest(phrase), f"{theme['slug']}: exclusion {phrase!r} holds none of its keywords"

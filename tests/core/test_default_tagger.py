"""The tagger that ships: our themes, rules and model together, with the words that fired."""

import json

import pytest

from scrutiny.cli import main
from scrutiny.core import default_tagger as shipped


@pytest.fixture(scope="module")
def tagger(tmp_path_factory):
    cache = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SCRUTINY_CACHE_DIR", str(cache))
        shipped.default_tagger.cache_clear()
        yield shipped.default_tagger()
        shipped.default_tagger.cache_clear()


def test_suggests_themes_of_the_default_taxonomy_with_the_rule_words_as_evidence(tagger):
    themes = {t["slug"] for t in json.loads(shipped.THEMES.read_text())}
    (suggestions,) = tagger.suggest_many(["Strip searching should only take place after an individual risk assessment."])
    assert {s.slug for s in suggestions} <= themes
    searching = next(s for s in suggestions if s.slug == "security-searching")
    assert "strip searching" in searching.evidence and 0 < searching.confidence <= 1


def test_every_finding_gets_a_theme_most_confident_first(tagger):
    batch = tagger.suggest_many(["Meals were served cold.", "Nothing here names a theme."])
    assert all(batch)
    assert all([s.confidence for s in found] == sorted((s.confidence for s in found), reverse=True) for found in batch)


def test_the_cached_model_gives_the_same_suggestions(tagger):
    texts = ["Prisoners should have access to the gym and education every day."]
    first = tagger.suggest_many(texts)
    shipped.default_tagger.cache_clear()
    assert shipped.default_tagger().suggest_many(texts) == first


def test_predict_with_the_default_model_from_the_command_line(tagger, tmp_path, capsys):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "The food was cold and portions were small."}) + "\n")
    assert main(["tagger", "predict", "--model", "default", str(path)]) == 0
    line = json.loads(capsys.readouterr().out)
    assert line["id"] == "a" and "food" in line["labels"] and len(line["scores"]) == 26


@pytest.mark.parametrize(
    "text, expected, not_expected",
    [
        # The real passages' conventions (docs/tagging.md, "Keyword rules"), which generalise.
        ("Controlled drugs should be checked by two signatories.", "healthcare", "substance-misuse"),
        ("All Sentence Management files should be completed to the same standard.", "release-resettlement", "leadership"),
        ("Prisoners should be prepared for transfer to the open estate.", "release-resettlement", "transport-escort"),
        ("Young prisoners should spend more time out of their cells in the evening.", "time-out-of-cell", "living-conditions"),
        ("The gymnasium should be open at weekends for PE classes.", "education-work", "time-out-of-cell"),
        ("The induction programmes for new prisoners should be reviewed.", "early-days", "release-resettlement"),
        ("Personal officers should meet each prisoner weekly.", "staff-relationships", "staffing"),
    ],
)
def test_keyword_rules_follow_the_labelling_conventions(text, expected, not_expected):
    from scrutiny.core.tagging import KeywordTagger

    found = {s.slug for s in KeywordTagger(shipped.default_vocabularies(), limit=26).suggest(text)}
    assert expected in found and not_expected not in found

"""Finding earlier findings that ask the same thing: repeats here, shared concerns elsewhere."""

import pytest

from scrutiny.core.similarity import THRESHOLD, RepeatIndex
from scrutiny.reports.repeats_bench import choose_threshold, figures, load_pairs, reference_index, split_of
from scrutiny_demo.repeats import earlier_findings

OUT_OF_CELL = "Prisoners should have at least 10 hours out of cell a day."
UNLOCKED = "The prison should ensure that all prisoners spend at least ten hours a day unlocked."
USE_OF_FORCE = "Staff should record every use of force."
STRIP_SEARCH = "Staff should record every strip search."


@pytest.fixture(scope="module")
def reference():
    return reference_index()


@pytest.fixture(scope="module")
def earlier():
    """A few thousand demo findings as the record, with our examples among them."""
    rows = list(earlier_findings(3000, seed=5))
    rows += [(900_001, UNLOCKED, 11, 1, 2019), (900_002, USE_OF_FORCE, 12, 1, 2020),
             (900_003, UNLOCKED, 12, 2, 2021)]
    return RepeatIndex.build(rows)


def test_a_paraphrase_is_found_among_earlier_findings(earlier):
    found = earlier.matches([OUT_OF_CELL], establishment_id=11)[0]
    assert {m.finding_id for m in found} >= {900_001, 900_003}


def test_a_finding_that_shares_words_but_asks_something_else_is_not_a_match(earlier, reference):
    found = earlier.matches([STRIP_SEARCH])[0]
    assert 900_002 not in {m.finding_id for m in found}
    assert reference.score(USE_OF_FORCE, STRIP_SEARCH) < THRESHOLD <= reference.score(OUT_OF_CELL, UNLOCKED)


def test_a_match_at_the_same_establishment_is_a_repeat_and_elsewhere_a_shared_concern(earlier):
    found = {m.finding_id: m for m in earlier.matches([OUT_OF_CELL], establishment_id=11)[0]}
    assert found[900_001].relation == "repeat" and found[900_001].year == 2019
    assert found[900_003].relation == "shared_concern" and found[900_003].body_id == 2


def test_only_earlier_years_count_and_a_reports_own_findings_can_be_left_out(earlier):
    found = earlier.matches([OUT_OF_CELL], establishment_id=11, before_year=2021, exclude_ids=[900_001])[0]
    ids = {m.finding_id for m in found}
    assert 900_001 not in ids and 900_003 not in ids
    assert all(m.year < 2021 for m in found)


def test_findings_added_later_are_found_too():
    index = RepeatIndex.build(earlier_findings(500, seed=6))
    index.add([(77, UNLOCKED, 3, 1, 2024)])
    assert 77 in {m.finding_id for m in index.matches([OUT_OF_CELL], establishment_id=3)[0]}


def test_the_same_record_always_gives_the_same_matches_in_the_same_order():
    rows = list(earlier_findings(2000, seed=7))
    queries = [text for _, text, _, _, _ in earlier_findings(30, seed=8)]
    first = RepeatIndex.build(rows).matches(queries, establishment_id=5)
    second = RepeatIndex.build(rows).matches(queries, establishment_id=5)
    assert first == second
    assert any(first)


def test_an_empty_record_finds_nothing_and_an_empty_finding_matches_nothing(earlier):
    assert RepeatIndex.build([]).matches([OUT_OF_CELL, ""]) == [[], []]
    assert earlier.matches([""]) == [[]]
    assert RepeatIndex().score("", OUT_OF_CELL) == 0.0


def test_matches_are_best_first_and_above_the_threshold(earlier):
    for found in earlier.matches([OUT_OF_CELL, USE_OF_FORCE]):
        scores = [m.score for m in found]
        assert scores == sorted(scores, reverse=True)
        assert all(s >= THRESHOLD for s in scores)


def test_the_threshold_chosen_on_half_the_labelled_pairs_holds_on_the_other_half(reference):
    """Precision and recall of the threshold, chosen by F1 on the development half of the pairs
    (demo templates and hand-labelled real findings), measured on the held-out half."""
    pairs = load_pairs()
    scored = {"dev": [], "test": []}
    for pair in pairs:
        scored[split_of(pair)].append((reference.score(pair["text_a"], pair["text_b"]), pair["same"]))
    assert min(len(v) for v in scored.values()) > 150
    chosen = choose_threshold(scored["dev"])
    held_out = figures(scored["test"], chosen.threshold)
    assert held_out.precision >= 0.80
    assert held_out.recall >= 0.90


def test_the_labelled_pairs_include_real_findings_and_hard_negatives():
    pairs = load_pairs()
    real = [p for p in pairs if p["source"].startswith("real:")]
    assert sum(p["same"] for p in real) >= 25 and sum(not p["same"] for p in real) >= 25
    assert all(set(p) == {"text_a", "text_b", "same", "source"} for p in pairs)

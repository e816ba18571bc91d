"""Parity: the in-memory engine gives exactly what the SQL definition (findings.sql_query) gives,
for random filter combinations and searches: the ordered ids, the count, every facet's counts,
and counts by one and two dimensions. The suite runs on SQLite and on PostgreSQL, so this is the
test that both databases answer every page and API call with the same findings and numbers.

A search must match the same findings on both databases, which their own full-text engines do
not (stemmers and stop words differ): the reference here is SQL's filters plus a word matcher
written out in conftest (reference_terms), and the engine is held to it."""

import random
from datetime import date

import pytest
from django.http import QueryDict

from scrutiny.findings import sql_query
from scrutiny.findings.answers import Answers
from scrutiny.findings.models import Finding
from scrutiny.findings.query import FACETS, Vocabulary, parse, public_findings

from .conftest import reference_terms

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True, params=["whole bitmaps, reading the order", "row by row, sorting"])
def engine_way(request, monkeypatch):
    """Each test twice: facets counted over whole bitmaps and pages found by reading the display
    order (a broad query at a million), then row by row and by sorting the scope (a rare word, a
    narrow filter, a long export); at the test's size the engine's own thresholds mix the two."""
    from scrutiny.findings import answers

    everything = request.param.startswith("row")
    monkeypatch.setattr(answers, "SPARSE_SHARE", float("inf") if everything else 0)
    monkeypatch.setattr(answers, "SORT_SHARE", float("inf") if everything else 0)
    return request.param
SEARCHES = [
    "force", "prisoners", "managers", "chaplaincy", "cafe", "café", "zygomorphic", "restrained",
    "use force", "staff reviewed", "kitchen food", "nothing-like-this", "The", "2024", "visits_hall",
]


def random_address(chance: random.Random, vocabulary: Vocabulary, search: bool) -> str:
    choices = {
        "body": ["hmip", "cqc", "imb", "hmips", "ciw", "ofsted"],
        "setting": ["adult-prison", "yoi", "police-custody", "secure-hospital", "social-care"],
        "nation": ["england", "wales", "scotland", "northern-ireland"],
        "year": [str(y) for y in range(2011, 2026)],
        "period": [f"{y}-{(y + 1) % 100:02d}" for y in range(2011, 2025)],
        "kind": ["recommendation", "good_practice", "concern", "key_concern", "point_of_note"],
        "status": ["not_assessed", "achieved", "no_progress", "some_progress"],
        "theme": list(vocabulary.themes)[:14],
        "population": list(vocabulary.populations)[:6],
    }
    pairs = []
    for facet in chance.sample(FACETS, chance.choice([0, 1, 1, 2, 3])):
        pairs += [(facet, v) for v in chance.sample(choices[facet], chance.choice([1, 1, 2]))]
    if chance.random() < 0.2:
        pairs.append(("from", date(2014 + chance.randrange(6), chance.randrange(1, 13), 1).isoformat()))
    if chance.random() < 0.2:
        pairs.append(("to", date(2018 + chance.randrange(6), chance.randrange(1, 13), 1).isoformat()))
    if search:
        pairs.append(("q", chance.choice(SEARCHES)))
    return "&".join(f"{k}={v}" for k, v in pairs)


def matching_ids(query) -> set[int]:
    """The reference answer for a search: SQL's filters, then every word of q in the text."""
    words = reference_terms(query.q)
    found = query._filtered(public_findings()).values_list("id", "text")
    return {i for i, text in found if words <= reference_terms(text)}


def assert_same_facets(query, answers):
    for name in FACETS:
        assert answers.facet_counts(name) == sql_query.facet_counts(query, name), (name, query.query_string())


def test_parity_of_filters_order_counts_and_facets(varied_findings):
    vocabulary = Vocabulary.load()
    chance = random.Random(7)
    assert Finding.objects.count() > 150
    for _ in range(60):
        query = parse(QueryDict(random_address(chance, vocabulary, search=False)), vocabulary)
        answers = Answers(query)
        expected = sql_query.ids(query, 0, 10_000)
        assert answers.ids(0, 10_000) == expected, query.query_string()
        assert answers.count() == sql_query.count(query) == len(expected)
        assert answers.ids(3, 9) == expected[3:9]
        in_batches = Answers(query)  # as an export asks: batch after batch, each carrying on
        assert [i for start in range(0, len(expected) + 7, 7) for i in in_batches.ids(start, start + 7)] == expected
        assert_same_facets(query, answers)
        assert answers.counts("year") == sql_query.counts(query, "year")
        assert answers.counts("theme", "setting") == sql_query.counts(query, "theme", "setting")
        assert answers.counts("period", "kind") == sql_query.counts(query, "period", "kind")
        assert answers.counts("theme", "population") == sql_query.counts(query, "theme", "population")
        assert answers.counts("year", "theme", "setting") == sql_query.counts(query, "year", "theme", "setting")
        assert answers.counts("population", "kind", "theme") == sql_query.counts(query, "population", "kind", "theme")


def test_parity_of_searches_matches_counts_and_facets(varied_findings, monkeypatch):
    vocabulary = Vocabulary.load()
    chance = random.Random(11)
    # The SQL oracle's full-text step replaced by the reference word matcher (see the docstring).
    monkeypatch.setattr(sql_query, "containing", lambda found, q: found.filter(id__in=matching_ids(parse({"q": q}))))
    seen_hits = 0
    for _ in range(50):
        query = parse(QueryDict(random_address(chance, vocabulary, search=True)), vocabulary)
        answers = Answers(query)
        expected = matching_ids(query)
        everything = answers.ids(0, 10_000)
        assert set(everything) == expected and len(everything) == len(expected), query.query_string()
        assert answers.count() == len(expected)
        assert answers.ids(0, 5) == everything[:5] and answers.ids(2, 7) == everything[2:7]
        assert_same_facets(query, answers)
        assert answers.counts("year", "theme") == sql_query.counts(query, "year", "theme")
        seen_hits += bool(expected)
    assert seen_hits > 20  # the searches were not all empty


def test_search_ranks_the_findings_that_use_a_word_most_first(varied_findings):
    from factories import FindingFactory

    dense = FindingFactory(text="Force. Force was used; force again.")
    query = parse(QueryDict("q=force"))
    ranked = Answers(query).ids(0, 3)
    assert ranked[0] == dense.id
    matched_rows, matched_scores = Answers(query).matched
    from scrutiny.findings import engine

    snapshot = engine.current()
    score_of = dict(zip(snapshot.columns["id"][matched_rows].tolist(), matched_scores.tolist()))
    scores = [score_of[i] for i in Answers(query).ids(0, 100)]
    assert len(scores) > 3 and all(a >= b for a, b in zip(scores, scores[1:]))


def test_the_page_through_the_query_uses_the_engine_and_agrees_with_sql(varied_findings, settings):
    address = QueryDict("setting=adult-prison&kind=recommendation&kind=concern")
    fast = parse(address)
    fast_facets = [(f.name, [(v.value, v.count) for v in f.values]) for f in fast.facets()]
    fast_answers = (fast.count(), fast.ids(0, 20), fast.counts("year", "theme"))
    settings.SCRUTINY_QUERY_ENGINE = "sql"
    slow = parse(address)
    assert [(f.name, [(v.value, v.count) for v in f.values]) for f in slow.facets()] == fast_facets
    assert (slow.count(), slow.ids(0, 20), slow.counts("year", "theme")) == fast_answers

"""The one query path: filters read from the address, facet counts, search, and what is never shown."""

from datetime import date

import pytest
from django.http import QueryDict

from scrutiny.findings.query import parse, public_findings
from factories import FindingFactory, ReportFactory, body

pytestmark = pytest.mark.django_db


def query(address: str):
    return parse(QueryDict(address))


def counts(facet_name: str, address: str = "") -> dict[str, int]:
    facets = {f.name: f for f in query(address).facets()}
    return {v.value: v.count for v in facets[facet_name].values}


@pytest.fixture
def two_bodies():
    """HMIP: three recommendations and a good practice; CQC: two recommendations."""
    hmip = ReportFactory(body=body("hmip"), published=date(2024, 6, 4))
    cqc = ReportFactory(body=body("cqc"), published=date(2025, 2, 2))
    FindingFactory.create_batch(3, report=hmip, kind="recommendation", themes=["use-of-force", "violence"])
    FindingFactory(report=hmip, kind="good_practice", themes=["family-contact"])
    FindingFactory.create_batch(2, report=cqc, kind="recommendation", themes=["use-of-force"])
    return hmip, cqc


def test_a_facet_counts_findings_under_every_other_filter_but_not_its_own(two_bodies):
    assert counts("body", "kind=recommendation") == {"cqc": 2, "hmip": 3}
    assert counts("kind", "body=hmip") == {"recommendation": 3, "good_practice": 1}


def test_choosing_two_values_of_a_facet_finds_either(two_bodies):
    assert query("body=hmip&body=cqc").findings().count() == 6
    assert counts("body", "body=hmip") == {"cqc": 2, "hmip": 4}  # its own choice does not narrow it


def test_a_finding_with_several_themes_is_counted_once_per_theme_and_once_in_the_results(two_bodies):
    assert counts("theme") == {"use-of-force": 5, "violence": 3, "family-contact": 1}
    both = query("theme=use-of-force&theme=violence")
    assert both.findings().count() == 5
    assert counts("body", "theme=use-of-force&theme=violence") == {"hmip": 3, "cqc": 2}


def test_year_is_the_calendar_year_and_period_the_april_to_march_year(two_bodies):
    assert counts("year") == {"2024": 4, "2025": 2}
    # June 2024 and February 2025 are both in the reporting year 2024-25.
    assert counts("period") == {"2024-25": 6}
    assert query("period=2024-25").findings().count() == 6
    assert query("year=2025").findings().count() == 2


def test_search_finds_words_by_their_stem_within_the_filters():
    report = ReportFactory(body=body("hmip"))
    FindingFactory(report=report, text="Too many men were restrained while under the influence of drugs.")
    FindingFactory(report=report, text="The kitchen should be refurbished.")
    FindingFactory(report=ReportFactory(body=body("cqc")), text="Restraint was recorded well.")
    assert query("q=restraining").findings().count() == 1  # porter: restraining → restrain
    assert {f.text[:10] for f in query("q=restrained&body=hmip").findings()} == {"Too many m"}
    assert counts("body", "q=kitchen") == {"hmip": 1}


@pytest.mark.parametrize("typed", ['"kitchen', "kitchen AND", "kitch*", "NEAR(kitchen)", "-kitchen", "'; DROP TABLE x; --", ":"])
def test_search_treats_search_syntax_as_plain_words(typed):
    FindingFactory(text="The kitchen should be refurbished.")
    found = query("q=" + typed.replace("&", "%26")).findings()
    assert found.count() in (0, 1)  # answers, whatever the words, and never raises


def test_unknown_values_are_ignored_and_reported():
    parsed = query("body=nope&body=hmip&year=20x4&period=2024-26&kind=gripe&theme=food&status=done&colour=red")
    assert parsed.selected == {"body": ["hmip"], "theme": ["food"]}
    assert {(i.parameter, i.value) for i in parsed.ignored} == {
        ("body", "nope"), ("year", "20x4"), ("period", "2024-26"), ("kind", "gripe"), ("status", "done"),
    }


def test_unpublished_findings_and_reports_are_never_counted():
    shown = ReportFactory(body=body("hmip"))
    FindingFactory(report=shown, themes=["food"])
    FindingFactory(report=shown, is_published=False, themes=["food"])
    draft = ReportFactory(body=body("cqc"), draft=True)
    # Even if a finding's own flag was left on, a draft report hides it.
    FindingFactory(report=draft, is_published=True, themes=["food"])
    assert public_findings().count() == 1
    assert counts("body") == {"hmip": 1}
    assert counts("theme") == {"food": 1}
    assert query("body=cqc").findings().count() == 0


def test_the_address_of_a_query_keeps_its_filters_and_can_drop_one():
    parsed = query("theme=food&body=hmip&body=cqc&q=kitchen")
    assert parsed.query_string() == "body=hmip&body=cqc&theme=food&q=kitchen"
    assert parsed.query_string(without=("body", "cqc")) == "body=hmip&theme=food&q=kitchen"
    assert parsed.query_string(keep_q=False, page=2) == "body=hmip&body=cqc&theme=food&page=2"

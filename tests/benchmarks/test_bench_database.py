"""The bench database: a small one built by the same code as the million, read back with sqlite3."""

import sqlite3
from datetime import date

import pytest

from scrutiny.benchmarks.build import ensure_database
from scrutiny.benchmarks.multiply import RARE_WORDS
from scrutiny.benchmarks.serve import plan_queries

FINDINGS = 3000
TEMPLATE_REPORTS = 9  # as the command tests ask, so the package's cache holds one template


@pytest.fixture(scope="module")
def database(bench_cache):
    return ensure_database(FINDINGS, seed=2026, cache=bench_cache, template_reports=TEMPLATE_REPORTS, say=lambda _: None)


@pytest.fixture(scope="module")
def con(database):
    with sqlite3.connect(f"file:{database.path}?mode=ro", uri=True) as connection:
        yield connection


def values(con, sql):
    return [row[0] for row in con.execute(sql)]


def test_it_holds_the_number_of_findings_asked_for(con):
    assert values(con, "SELECT count(*) FROM findings_finding") == [FINDINGS]


def test_publication_dates_run_from_2009_to_2026_and_grow(con):
    first, last = con.execute("SELECT min(published), max(published) FROM reports_report").fetchone()
    assert date(2009, 4, 1) <= date.fromisoformat(first) and date.fromisoformat(last) <= date(2026, 10, 31)
    per_year = dict(con.execute("SELECT year, count(*) FROM findings_finding GROUP BY year"))
    assert sum(per_year.get(y, 0) for y in range(2022, 2026)) > 1.5 * sum(per_year.get(y, 0) for y in range(2010, 2014))


def test_findings_spread_over_bodies_settings_nations_kinds_and_places(con):
    assert values(con, "SELECT count(DISTINCT body_id) FROM findings_finding")[0] >= 15
    assert values(con, "SELECT count(DISTINCT nation_id) FROM findings_finding")[0] == 4
    assert values(con, "SELECT count(DISTINCT setting_id) FROM findings_finding")[0] >= 8
    assert values(con, "SELECT count(DISTINCT kind) FROM findings_finding")[0] >= 6
    assert values(con, "SELECT count(DISTINCT establishment_id) FROM reports_report_establishments")[0] >= 50
    # No body, setting or kind takes most of the findings.
    for column in ("body_id", "setting_id", "kind"):
        largest = values(con, f"SELECT count(*) FROM findings_finding GROUP BY {column} ORDER BY 1 DESC LIMIT 1")[0]
        assert largest < FINDINGS / 2, column


def test_reports_hold_twenty_to_forty_findings(con):
    sizes = values(con, "SELECT count(*) FROM findings_finding f JOIN reports_report r ON r.id = f.report_id "
                        "WHERE r.reference LIKE '%-bench-%' GROUP BY r.id")
    assert sum(20 <= n <= 40 for n in sizes) >= len(sizes) - 1  # the last report takes what is left


def test_findings_carry_themes_and_a_few_drafts_stay_hidden(con):
    assert values(con, "SELECT count(DISTINCT finding_id) FROM findings_tag")[0] > FINDINGS / 2
    hidden = values(con, "SELECT count(*) FROM findings_finding f JOIN reports_report r ON r.id = f.report_id "
                         "WHERE r.is_published = 0 AND f.is_published = 1")
    assert hidden == [0]


def test_a_common_word_is_in_about_fifteen_percent_and_rare_words_in_a_few(database, con):
    plan = plan_queries(database.path)
    assert 0.10 <= plan.common_count / plan.published <= 0.20
    assert 3 <= plan.rare_count <= FINDINGS / 100
    # The search index is the one the triggers keep: it finds exactly the findings with the word.
    for word in RARE_WORDS:
        indexed = values(con, f"SELECT count(*) FROM findings_finding_fts WHERE findings_finding_fts MATCH '{word}'")
        stored = values(con, f"SELECT count(*) FROM findings_finding WHERE text LIKE '%{word}%'")
        assert indexed == stored and stored[0] >= 3


def test_the_queries_are_chosen_to_the_plan(database):
    plan = plan_queries(database.path)
    assert 0.2 <= plan.broad.count / plan.published <= 0.45
    assert 0 < plan.narrow.count < plan.published / 100


def test_a_second_call_reuses_the_cached_file(database, bench_cache):
    again = ensure_database(FINDINGS, seed=2026, cache=bench_cache, template_reports=TEMPLATE_REPORTS, say=lambda _: None)
    assert again.path == database.path and again.built_seconds is None

"""The annual report pack's figures equal what the dashboard's own pages say for the same
reporting year: /findings.json (the findings page as data, with its facet counts), /top-themes.csv,
/trends.csv and /follow-up; drafts never count; a bad year is refused and an empty year says so."""

import json

import pytest

from annual_report.corpus import build as build_corpus
from scrutiny.annual_report import pack
from scrutiny.api.exports import read_csv

pytestmark = pytest.mark.django_db
YEAR = "2025-26"


@pytest.fixture
def corpus():
    return build_corpus()


def body_of(response) -> bytes:
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def findings_page(client, query: str) -> dict:
    return json.loads(body_of(client.get(f"/findings.json?{query}")))


def figure(built, heading: str):
    return next(f for s in built.sections for f in s.figures if f.heading == heading)


def as_counts(fig) -> dict:
    return {row[0]: row[1] for row in fig.table.rows}


@pytest.mark.parametrize("facet, heading", [("kind", "Findings by kind"), ("theme", "Findings by theme"),
                                             ("setting", "Findings by setting"), ("nation", "Findings by nation")])
def test_each_breakdown_equals_the_findings_page_for_the_year(client, corpus, facet, heading):
    page = findings_page(client, f"period={YEAR}")
    expected = {v["label"]: v["count"] for v in page["facets"][facet]}
    assert as_counts(figure(pack.build(YEAR), heading)) == expected
    assert expected  # the year has findings of each dimension


def test_the_year_has_the_findings_the_page_counts_and_no_draft(client, corpus):
    page = findings_page(client, f"period={YEAR}")
    assert page["count"] == 11  # 4 + 3 + 2 + 2 published; the draft's 3 are not there
    summary = next(s for s in pack.build(YEAR).sections if s.key == "summary")
    assert f"with {page['count']} findings" in summary.paragraphs[0]
    assert "4 published reports from 4 bodies" in summary.paragraphs[0]


@pytest.mark.parametrize("of, heading", [("concerns", "Top themes of concern in 2025-26"),
                                          ("good-practice", "Top themes of good practice in 2025-26")])
def test_top_themes_equal_the_top_themes_download(client, corpus, of, heading):
    about, rows = read_csv(body_of(client.get(f"/top-themes.csv?of={of}&period={YEAR}")).decode("utf-8"))
    expected = [[row["Theme"], int(row["Findings"])] for row in rows]
    assert [row[:2] for row in figure(pack.build(YEAR), heading).table.rows] == expected
    if of == "good-practice":
        # Published good practice only: the draft's three on family contact are not counted.
        assert expected[0] == ["Family contact", 2] or ["Family contact", 2] in expected


def test_change_from_the_previous_year_equals_the_trend_by_reporting_year(client, corpus):
    about, rows = read_csv(body_of(client.get("/trends.csv")).decode("utf-8"))
    trend = {row["Reporting year (April to March)"]: row for row in rows}
    table = figure(pack.build(YEAR), "This year against the last").table
    by_measure = {row[0]: row[1:] for row in table.rows}
    assert by_measure["All findings"][:2] == [int(trend["2024-25"]["All findings"]), int(trend[YEAR]["All findings"])] == [4, 11]
    assert by_measure["Concerns of every kind"][:2] == [int(trend["2024-25"]["Concerns"]), int(trend[YEAR]["Concerns"])]
    assert by_measure["Good practice"][:2] == [int(trend["2024-25"]["Good practice"]), int(trend[YEAR]["Good practice"])]
    assert by_measure["All findings"][2] == "+175.0%"


def test_reports_per_body_equal_the_coverage_page(client, corpus):
    about, rows = read_csv(body_of(client.get(f"/coverage.csv?period={YEAR}")).decode("utf-8"))
    expected = {row["Body"]: [int(row["Published reports"]), int(row["Published findings"])] for row in rows}
    got = {row[0]: row[1:] for row in figure(pack.build(YEAR), "Reports per body").table.rows}
    assert got == expected
    assert sum(n for n, _f in got.values()) == 4


def test_the_finding_raised_again_this_year_is_among_the_most_repeated(client, corpus):
    table = figure(pack.build(YEAR), "The most repeated findings").table
    assert len(table.rows) == 1
    text, times, first, where = table.rows[0]
    assert text.startswith("Prisoners should be able to spend") or times == 2
    assert (times, first, where) == (2, "2024", "HMP Kelderbrook")


def test_follow_up_status_equals_the_follow_up_page(client, corpus):
    page = client.get(f"/follow-up?period={YEAR}").content.decode()
    assert "Some progress" in page
    table = figure(pack.build(YEAR), "Follow-up status").table
    assert {row[0]: row[1] for row in table.rows if row[1]} == {"Some progress": 1}


def test_a_year_written_wrongly_is_refused_with_how_to_write_it():
    for wrong in ("2025-2026", "2025-27", "25-26", "", "2025"):
        with pytest.raises(pack.BadYear, match="written like"):
            pack.build(wrong)


def test_a_year_with_no_data_still_makes_a_pack_that_says_so(corpus):
    empty = pack.build("2030-31")
    assert not empty.has_data
    assert "No published report or finding is held for the reporting year 2030-31" in empty.sections[0].paragraphs[0]
    assert [s.key for s in empty.sections] == ["summary", "method"]
    assert not [f for s in empty.sections for f in s.figures]


def test_the_method_note_says_a_rise_may_be_a_rise_in_data(corpus):
    method = pack.build(YEAR).sections[-1]
    assert method.heading == "Method note"
    text = " ".join(method.paragraphs)
    assert "a rise in findings may be a rise in data" in text
    assert "4 published reports" in text  # the coverage sentence, for this year

"""The analysis views: their numbers equal findings counted one by one in Python, periods split
where the NPM splits them (31 March / 1 April), filters round-trip through the address, charts
are well-formed SVG, and a bad value in an address is reported, not an error."""

import json
import xml.etree.ElementTree as ElementTree
from collections import Counter
from datetime import date

import pytest

from factories import FindingFactory, ReportFactory, body, setting
from scrutiny.api.exports import read_csv
from scrutiny.findings.models import CONCERN_KINDS, Finding
from scrutiny.reports.models import Report, reporting_year_label, reporting_year_of

pytestmark = pytest.mark.django_db
SVG = "{http://www.w3.org/2000/svg}"

# (body, setting, published, [(kind, themes), …])
REPORTS = [
    ("hmip", "police-custody", date(2024, 4, 1), [("recommendation", ["segregation", "use-of-force"]), ("concern", ["segregation"]),
                                                  ("good_practice", ["early-days"]), ("recommendation", ["healthcare"])]),
    ("hmip", "police-custody", date(2025, 3, 31), [("key_concern", ["segregation"]), ("recommendation", ["legal-rights"]),
                                                   ("good_practice", ["legal-rights"])]),
    ("icva", "police-custody", date(2025, 4, 1), [("concern", ["healthcare"]), ("point_of_note", [])]),
    ("hmip", "adult-prison", date(2024, 3, 31), [("priority_concern", ["violence"]), ("recommendation", ["time-out-of-cell"])]),
    ("imb", "adult-prison", date(2024, 11, 20), [("concern", ["time-out-of-cell", "living-conditions"]), ("concern", ["violence"]),
                                                 ("recommendation", ["segregation"]), ("good_practice", ["family-contact"]),
                                                 ("recommendation", ["time-out-of-cell"])]),
]


@pytest.fixture
def corpus():
    for body_slug, setting_slug, published, findings in REPORTS:
        report = ReportFactory(body=body(body_slug), setting=setting(setting_slug), published=published)
        for position, (kind, themes) in enumerate(findings, start=1):
            FindingFactory(report=report, position=position, kind=kind, themes=themes)
    # A draft in police custody in 2024-25, full of segregation: it must change nothing.
    draft = ReportFactory(body=body("hmip"), setting=setting("police-custody"), published=date(2024, 9, 9), draft=True)
    for position in range(1, 6):
        FindingFactory(report=draft, position=position, kind="concern", themes=["segregation"])


def public():
    """Published findings, counted in Python rather than by the query under test."""
    return [f for f in Finding.objects.select_related("report", "setting").prefetch_related("tags__theme")
            if f.is_published and f.report.is_published]


def themes_of(finding) -> list[str]:
    return [tag.theme.slug for tag in finding.tags.all()]


def csv_of(client, address):
    response = client.get(address)
    assert response.status_code == 200, address
    return read_csv(b"".join(response.streaming_content).decode("utf-8"))


def test_trends_by_theme_equal_the_findings_counted_one_by_one(client, corpus):
    expected = Counter()
    for finding in public():
        for theme in themes_of(finding):
            expected[(reporting_year_label(reporting_year_of(finding.report.published)), theme)] += 1
    about, rows = csv_of(client, "/trends.csv?by=theme")
    assert about["licence"].startswith("Open Government Licence")
    assert "by=theme" in about["source"]
    got = Counter()
    for row in rows:
        for column, value in row.items():
            if column not in ("Reporting year (April to March)", "All findings") and int(value):
                got[(row["Reporting year (April to March)"], column)] = int(value)
    named = {"Segregation, seclusion and separation": "segregation"}
    assert got[("2024-25", "Segregation, seclusion and separation")] == expected[("2024-25", "segregation")] == 4
    totals = Counter(reporting_year_label(reporting_year_of(f.report.published)) for f in public())
    assert {row["Reporting year (April to March)"]: int(row["All findings"]) for row in rows} == dict(totals)
    assert named  # the theme is shown by its name, not its slug


def test_reporting_years_split_between_31_march_and_1_april(client, corpus):
    _about, rows = csv_of(client, "/trends.csv")
    by_year = {row["Reporting year (April to March)"]: row for row in rows}
    # 31 March 2024 → 2023-24; 1 April 2024 and 31 March 2025 → 2024-25; 1 April 2025 → 2025-26.
    assert int(by_year["2023-24"]["All findings"]) == 2
    assert int(by_year["2024-25"]["All findings"]) == 4 + 3 + 5
    assert int(by_year["2025-26"]["All findings"]) == 2
    assert int(by_year["2024-25"]["Good practice"]) == 3
    concerns = sum(1 for f in public() if f.kind in CONCERN_KINDS and reporting_year_of(f.report.published) == 2024)
    assert int(by_year["2024-25"]["Concerns"]) == concerns
    _about, calendar = csv_of(client, "/trends.csv?interval=year")
    by_calendar = {row["Calendar year"]: int(row["All findings"]) for row in calendar}
    assert by_calendar == {"2024": 2 + 4 + 5, "2025": 3 + 2}


def test_a_custom_range_of_dates_counts_only_reports_published_within_it(client, corpus):
    _about, rows = csv_of(client, "/trends.csv?from=2025-03-31&to=2025-04-01")
    assert {row["Reporting year (April to March)"]: int(row["All findings"]) for row in rows} == {"2024-25": 3, "2025-26": 2}
    response = client.get("/top-themes?from=2025-03-31&to=2025-03-31")
    assert "published from 31 March 2025 to 31 March 2025" in response.content.decode()


def test_top_themes_of_concern_in_police_custody_name_the_top_theme_with_its_share(client, corpus):
    response = client.get("/top-themes?setting=police-custody&period=2024-25")
    page = response.content.decode()
    concerns = [f for f in public() if f.kind in CONCERN_KINDS and f.setting.slug == "police-custody"
                and reporting_year_of(f.report.published) == 2024]
    segregation = sum("segregation" in themes_of(f) for f in concerns)
    share = round(100 * segregation / len(concerns), 1)
    assert (segregation, len(concerns)) == (3, 5)
    assert (f"Segregation, seclusion and separation was the most frequent theme of concern in police custody in 2024-25: "
            f"{segregation} findings, {share:g}% of all {len(concerns)}.") in page
    # Good practice is ranked on its own.
    assert "most frequent theme of good practice in police custody in 2024-25" in page
    _about, rows = csv_of(client, "/top-themes.csv?setting=police-custody&period=2024-25")
    assert rows[0]["Theme"] == "Segregation, seclusion and separation"
    assert int(rows[0]["Findings"]) == 3 and float(rows[0]["Share of all concerns (%)"]) == share


def test_compare_sets_each_settings_share_beside_the_other(client, corpus):
    response = client.get("/compare.json?setting=police-custody&setting=adult-prison")
    body_json = json.loads(b"".join(response.streaming_content))
    rows = {row["Theme"]: row for row in body_json["rows"]}
    concerns = [f for f in public() if f.kind in CONCERN_KINDS]
    for slug, name in (("police-custody", "Police custody"), ("adult-prison", "Adult prison")):
        mine = [f for f in concerns if f.setting.slug == slug]
        on_time = sum("time-out-of-cell" in themes_of(f) for f in mine)
        assert rows["Time out of cell"][f"{name}: findings"] == on_time
        assert rows["Time out of cell"][f"{name}: share (%)"] == round(100 * on_time / len(mine), 1)
        assert rows["All findings of the setting"][f"{name}: findings"] == len(mine)
    page = client.get("/compare?setting=police-custody&setting=adult-prison").content.decode()
    assert "In police custody the most frequent theme was Segregation, seclusion and separation" in page


def test_coverage_counts_published_reports_by_body_and_reporting_year(client, corpus):
    _about, rows = csv_of(client, "/coverage.csv")
    got = {(row["Body"], row["Reporting year (April to March)"]): (int(row["Published reports"]), int(row["Published findings"]))
           for row in rows}
    expected = Counter()
    for report in Report.objects.filter(is_published=True).select_related("body"):
        expected[(report.body.name, reporting_year_label(reporting_year_of(report.published)))] += 1
    assert {k: v[0] for k, v in got.items()} == dict(expected)
    assert got[("HM Inspectorate of Prisons", "2024-25")] == (2, 7)  # the draft counts nowhere
    page = client.get("/trends?setting=police-custody").content.decode()
    assert "A rise in findings may be a rise in data" in page
    assert 'id="trends-coverage"' in page


def test_the_chart_downloads_as_a_standalone_svg_with_its_title_and_description(client, corpus):
    for address in ("/trends.svg?theme=segregation", "/trends.svg?by=theme", "/top-themes.svg?of=good-practice",
                    "/compare.svg?setting=police-custody&setting=adult-prison"):
        response = client.get(address)
        assert response.status_code == 200, address
        assert response["Content-Type"].startswith("image/svg+xml")
        root = ElementTree.fromstring(response.content)
        assert root.tag == f"{SVG}svg" and root.get("role") == "img"
        assert root.find(f"{SVG}title").text and root.find(f"{SVG}desc").text
        assert "font-family" in root.attrib
    desc = ElementTree.fromstring(client.get("/trends.svg?theme=segregation").content).find(f"{SVG}desc").text
    assert "From 2023-24 to 2024-25" not in desc and "2024-25" in desc


def test_filters_round_trip_through_the_address_and_the_links_to_other_views(client, corpus):
    address = "/trends?by=setting&interval=year&setting=police-custody&theme=segregation&from=2024-01-01"
    page = client.get(address).content.decode()
    same = "setting=police-custody&amp;theme=segregation&amp;from=2024-01-01"
    for view in ("/top-themes?", "/compare?", "/coverage?", "/findings?"):
        assert view + same in page
    assert "/trends.csv?by=setting&amp;interval=year&amp;" + same in page
    assert 'value="police-custody" checked' in page and 'value="2024-01-01"' in page
    assert 'name="by" type="radio" value="setting" checked' in page


def test_unknown_values_in_the_address_are_reported_not_errors(client, corpus):
    response = client.get("/trends?by=sideways&theme=no-such-theme&period=2024&interval=decade")
    assert response.status_code == 200
    page = response.content.decode()
    for shown in ("by=sideways", "theme=no-such-theme", "period=2024", "interval=decade"):
        assert shown in page
    assert client.get("/compare?of=everything").status_code == 200
    assert client.get("/coverage.svg").status_code == 404
    assert client.get("/trends.pdf").status_code == 404


def test_the_recommendation_counter_counts_the_current_filter(client, corpus):
    recommendations = sum(1 for f in public() if f.kind == "recommendation" and f.setting.slug == "adult-prison")
    for address in ("/findings?setting=adult-prison", "/trends?setting=adult-prison", "/top-themes?setting=adult-prison",
                    "/compare?setting=adult-prison", "/coverage?setting=adult-prison"):
        page = client.get(address).content.decode()
        assert f'<strong class="npm-numeric">{recommendations}</strong> recommendations' in page, address


def test_an_empty_filter_says_so_and_draws_no_chart(client, corpus):
    page = client.get("/trends?body=cqc").content.decode()
    assert "No published finding matches these filters." in page
    assert client.get("/trends.svg?body=cqc").status_code == 404


def svg_in(page: str) -> ElementTree.Element:
    start = page.index('<svg xmlns="http://www.w3.org/2000/svg" class="npm-chart"')
    return ElementTree.fromstring(page[start:page.index("</svg>", start) + len("</svg>")])


def test_establishment_and_body_pages_draw_their_timeline_from_their_table(client, corpus):
    report = Report.objects.filter(body__slug="imb").get()
    place = report.establishments.get()
    chart = svg_in(client.get(f"/establishments/{place.slug}").content.decode())
    assert chart.get("role") == "img" and "Findings at HMP" in chart.find(f"{SVG}title").text
    assert "5 published findings from 2024 to 2024" in chart.find(f"{SVG}desc").text
    chart = svg_in(client.get("/bodies/hmip").content.decode())
    hmip = [f for f in public() if f.body_id == body("hmip").id]
    assert f"{len(hmip)} published findings from 2024 to 2025" in chart.find(f"{SVG}desc").text


def test_charts_stay_well_formed_with_awkward_labels():
    from scrutiny.analysis import charts

    label = 'Theme <b>"quoted"</b> & a very long name that will not fit on one line of the chart at all'
    series = [charts.Series(label, [1, 2, 3]), charts.Series("Other", [0, 0, 1], is_other=True)]
    drawn = [
        charts.line_chart("a", label, label, ["2023-24", "2024-25", "2025-26"], series, "Source\nhttp://x/?a=1&b=2"),
        charts.bar_chart("b", label, label, [charts.Bar(label, 3, "(50%)")], "Source"),
        charts.grouped_bar_chart("c", label, label, [label, "Short"], [charts.Series("X", [1.5, 0]), charts.Series("Y", [0, 2])], "S"),
        charts.column_chart("d", label, label, ["2024", "2025"], [charts.Series("A", [1, 0]), charts.Series("B", [2, 5])], "S"),
    ]
    for svg in drawn:
        root = ElementTree.fromstring(svg)
        assert root.find(f"{SVG}title").text == label
    assert charts.nice_ticks(47) == [0, 10, 20, 30, 40, 50]
    assert charts.nice_ticks(0) == [0, 1]

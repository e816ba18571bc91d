"""The analysis pages in Chromium: the research officer's journey from the home page to police
custody against prisons in 2024-25 (with and without JavaScript), and axe on every analysis page
type and on the pages that now carry a timeline."""

from datetime import date

import pytest
from axe_playwright_python.sync_playwright import Axe

from factories import EstablishmentFactory, FindingFactory, ReportFactory, body, setting

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture
def custody_and_prisons():
    """Police custody and adult prisons over three reporting years, with themes of concern and of
    good practice; a report published on 1 April 2025 falls in 2025-26, not 2024-25."""
    suite = EstablishmentFactory(name="Ashcombe Vale custody suite", setting=setting("police-custody"))
    prison = EstablishmentFactory(name="HMP Thornmere")
    plan = [
        (suite, "police-custody", "hmip", date(2024, 5, 14), [("recommendation", ["segregation"]), ("concern", ["segregation", "healthcare"]),
                                                              ("key_concern", ["legal-rights"]), ("good_practice", ["early-days"])]),
        (suite, "police-custody", "icva", date(2025, 1, 9), [("concern", ["segregation"]), ("recommendation", ["healthcare"])]),
        (suite, "police-custody", "hmip", date(2025, 4, 1), [("recommendation", ["use-of-force"])]),
        (prison, "adult-prison", "hmip", date(2024, 9, 3), [("priority_concern", ["violence"]), ("recommendation", ["time-out-of-cell"]),
                                                            ("recommendation", ["segregation"]), ("good_practice", ["family-contact"])]),
        (prison, "adult-prison", "imb", date(2023, 7, 21), [("concern", ["time-out-of-cell"]), ("concern", ["living-conditions"])]),
    ]
    for place, setting_slug, body_slug, published, findings in plan:
        report = ReportFactory(body=body(body_slug), setting=setting(setting_slug), published=published, establishments=[place])
        for position, (kind, themes) in enumerate(findings, start=1):
            FindingFactory(report=report, position=position, kind=kind, themes=themes)
    return {"suite": suite}


def three_clicks(page):
    """Home → top themes → police custody in 2024-25 → compared with adult prisons."""
    page.goto("/")
    page.get_by_role("link", name="Top themes of concern and good practice").click()
    page.get_by_label("Police custody").check()
    page.get_by_label("2024-25").check()
    page.get_by_role("button", name="Apply filters").first.click()
    page.get_by_role("link", name="Compare with Adult prison").click()


def test_the_research_officers_three_clicks_from_home_to_police_custody_against_prisons(page, custody_and_prisons, screenshot):
    page.goto("/")
    page.get_by_role("link", name="Top themes of concern and good practice").click()
    assert page.url.endswith("/top-themes")
    page.get_by_label("Police custody").check()
    page.get_by_label("2024-25").check()
    page.get_by_role("button", name="Apply filters").first.click()
    summary = page.locator("#top-concerns-summary").inner_text()
    # 2024-25 police custody concerns: 3 (HMIP) + 2 (ICVA); segregation in 3 of them.
    assert summary == ("Segregation, seclusion and separation was the most frequent theme of concern in police custody "
                       "in 2024-25: 3 findings, 60% of all 5. Next was Healthcare (2).")
    screenshot(page, "analysis-top-themes")
    page.get_by_role("link", name="Compare with Adult prison").click()
    assert "setting=police-custody" in page.url and "setting=adult-prison" in page.url and "period=2024-25" in page.url
    assert page.locator("h1").inner_text().startswith("Themes of concern by setting in 2024-25")
    table = page.locator("#compare-table")
    segregation = table.locator("tr", has_text="Segregation, seclusion and separation").locator("td").all_inner_texts()
    assert segregation == ["3", "60.0%", "1", "33.3%"]
    assert page.locator("svg.npm-chart title").first.text_content().startswith("Themes of concern by setting")
    screenshot(page, "analysis-compare")


def test_the_journey_works_without_javascript(page_without_javascript, custody_and_prisons):
    three_clicks(page_without_javascript)
    assert "In police custody the most frequent theme was Segregation" in page_without_javascript.locator("#compare-summary").inner_text()


ANALYSIS_PAGES = {
    "trends": "/trends",
    "trends-by-theme": "/trends?by=theme&interval=year&setting=police-custody&theme=nope",
    "top-themes": "/top-themes?setting=police-custody&period=2024-25",
    "compare": "/compare?setting=police-custody&setting=adult-prison",
    "coverage": "/coverage",
    "findings-with-counter": "/findings?setting=police-custody",
    "establishment-timeline": "/establishments/{suite}",
    "body-timeline": "/bodies/hmip",
}


@pytest.mark.parametrize("name", ANALYSIS_PAGES)
def test_each_analysis_page_has_no_accessibility_violations(page, custody_and_prisons, screenshot, name):
    response = page.goto(ANALYSIS_PAGES[name].format(suite=custody_and_prisons["suite"].slug))
    assert response.status == 200
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}, "resultTypes": ["violations"]})
    screenshot(page, f"analysis-{name}")
    assert results.violations_count == 0, results.generate_report()
    assert page.locator("h1").count() == 1


def test_printing_hides_the_filters_and_keeps_the_chart_and_its_table(page, custody_and_prisons):
    page.goto("/trends?by=setting")
    page.emulate_media(media="print")
    assert not page.locator(".npm-filter").is_visible()
    assert not page.locator(".govuk-service-navigation").is_visible()
    assert page.locator("svg.npm-chart").is_visible() and page.locator("#trends-table").is_visible()
    chart_width = page.locator("svg.npm-chart").bounding_box()["width"]
    assert chart_width > 0.9 * page.locator("main").bounding_box()["width"]

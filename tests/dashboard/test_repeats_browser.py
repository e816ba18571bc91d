"""Repeats in Chromium: the finding page's repeats and the most repeated view (each tab) have no
accessibility violations that axe-core can find (WCAG 2.2 AA), and a reader can go from the view
to a finding and on to the earlier finding it repeats, by keyboard links alone."""

from datetime import date

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from factories import EstablishmentFactory, FindingFactory, ReportFactory, body
from scrutiny.repeats.services import rebuild

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture
def repeated():
    place = EstablishmentFactory(name="HMP Glenrothy")
    findings = []
    for year, text in [
        (2017, "Prisoners should have at least 10 hours out of cell a day."),
        (2021, "The prison should ensure that all prisoners spend at least ten hours a day unlocked."),
        (2025, "All prisoners should spend at least ten hours a day out of their cells."),
    ]:
        report = ReportFactory(body=body("hmip"), published=date(year, 5, 2), establishments=[place])
        findings.append(FindingFactory(report=report, text=text, themes=["time-out-of-cell"]))
    elsewhere = ReportFactory(body=body("imb"), published=date(2022, 3, 3), establishments=[EstablishmentFactory(name="HMP Fenwick Moor")])
    FindingFactory(report=elsewhere, text="Prisoners should spend at least ten hours a day out of their cells.")
    rebuild()
    return {"place": place, "findings": findings}


PAGES = {
    "finding-with-repeats": lambda w: f"/findings/{w['findings'][2].id}",
    "first-of-a-repeat": lambda w: f"/findings/{w['findings'][0].id}",
    "most-repeated": lambda w: "/repeats",
    "most-repeated-by-establishment": lambda w: "/repeats?by=establishment",
    "most-repeated-by-theme-filtered": lambda w: f"/repeats?by=theme&establishment={w['place'].slug}&theme=nope",
    "most-repeated-nothing": lambda w: "/repeats?setting=police-custody",
}


def test_repeat_pages_have_no_accessibility_violations(page, repeated, screenshot):
    for name, address in PAGES.items():
        response = page.goto(address(repeated))
        assert response.status == 200, name
        results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}, "resultTypes": ["violations"]})
        screenshot(page, f"repeats-{name}")
        assert results.violations_count == 0, f"{name}: {results.generate_report()}"
        assert page.locator("h1").count() == 1, name


def test_from_the_navigation_to_the_earliest_time_a_finding_was_raised(page, repeated):
    first, _, latest = repeated["findings"]
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Most repeated").click()
    page.get_by_role("link", name="By establishment").click()
    expect(page.get_by_role("table").get_by_role("row", name="HMP Glenrothy 1 3 3 2025")).to_have_count(1)
    page.get_by_role("link", name="HMP Glenrothy").click()
    page.get_by_role("link", name=latest.text[:40]).click()
    assert page.url.endswith(f"/findings/{latest.id}#repeats")
    assert page.locator("#raised-times").inner_text() == "Raised 3 times since 2017"
    shared = page.locator("#shared-concern-list")
    assert "HMP Fenwick Moor" in shared.inner_text() and "IMB" in shared.inner_text()
    page.locator("#repeat-earlier").get_by_role("link").last.press("Enter")
    assert page.url.endswith(f"/findings/{first.id}")
    assert "First raised here in 2017" in page.locator("#raised-times").inner_text()

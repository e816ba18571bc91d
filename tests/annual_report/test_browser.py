"""The annual report pack and the good-practice thematic in Chromium: no WCAG 2.2 AA violation
found by axe, one h1, each chart an image with a name, and the contents links reach their section."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from annual_report.corpus import build as build_corpus

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PAGES = {"pack": "/annual-report/2025-26", "empty-pack": "/annual-report/2031-32",
         "thematic": "/annual-report/good-practice/family-contact?period=2025-26"}


@pytest.fixture
def corpus():
    return build_corpus()


@pytest.mark.parametrize("name", PAGES)
def test_each_output_page_has_no_accessibility_violations(page, corpus, screenshot, name):
    response = page.goto(PAGES[name])
    assert response.status == 200
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}, "resultTypes": ["violations"]})
    screenshot(page, f"annual-report-{name}")
    assert results.violations_count == 0, results.generate_report()
    assert page.locator("h1").count() == 1


def test_the_contents_lead_to_each_section_and_each_chart_is_named(page, corpus):
    page.goto(PAGES["pack"])
    charts = page.get_by_role("img")
    expect(charts.first).to_be_visible()
    assert page.get_by_role("img", name="Findings by kind").count() == 1
    page.get_by_role("link", name="Change from the previous year").click()
    expect(page).to_have_url(f"{page.url.split('#')[0]}#change")
    expect(page.get_by_role("heading", name="Change from the previous year", level=2)).to_be_in_viewport()

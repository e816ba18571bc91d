"""The pages in a real browser: no accessibility violations that axe-core can find (WCAG 2.2 AA),
a keyboard-only journey, and the same journey with JavaScript turned off."""

import re
from datetime import date

import pytest
from axe_playwright_python.sync_playwright import Axe

from factories import EstablishmentFactory, FindingFactory, ReportFactory, body
from keyboard import tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
FOCUS_YELLOW = "rgb(255, 221, 0)"


@pytest.fixture
def findings_in_two_places():
    """Two bodies, two places, two years, several kinds and themes: enough to fill every facet."""
    kelderbrook = EstablishmentFactory(name="HMP Kelderbrook", aliases=["HMP & YOI Kelderbrook"])
    loughmore = EstablishmentFactory(name="HMP Loughmore")
    inspection = ReportFactory(body=body("hmip"), establishments=[kelderbrook], published=date(2024, 6, 4))
    review = ReportFactory(body=body("imb"), establishments=[loughmore], published=date(2025, 2, 2),
                           report_type="annual-report", title="Annual report of the IMB at HMP Loughmore")
    kinds = ["priority_concern", "recommendation", "recommendation", "good_practice", "area_for_improvement", "point_of_note"]
    themes = [["use-of-force"], ["food", "living-conditions"], ["family-contact"], ["violence", "use-of-force"], ["staffing"], []]
    for report in (inspection, review):
        for position, (kind, tags) in enumerate(zip(kinds, themes), start=1):
            text = "The kitchen should be refurbished and food served at proper mealtimes." if "food" in tags else None
            FindingFactory(report=report, position=position, kind=kind, number=str(position), themes=tags,
                           populations=["children"] if position == 2 else [], **({"text": text} if text else {}))
    return {"establishment": kelderbrook, "report": inspection, "finding": inspection.findings.get(position=2)}


PAGES = {
    "home": lambda d: "/",
    "findings": lambda d: "/findings",
    "findings-filtered": lambda d: "/findings?body=hmip&body=imb&kind=recommendation&theme=food&q=kitchen&year=nope",
    "finding": lambda d: f"/findings/{d['finding'].id}",
    "reports": lambda d: "/reports",
    "report": lambda d: f"/reports/{d['report'].id}",
    "establishments": lambda d: "/establishments",
    "establishment": lambda d: f"/establishments/{d['establishment'].slug}",
    "bodies": lambda d: "/bodies",
    "body": lambda d: "/bodies/hmip",
    "about": lambda d: "/about",
    "publications": lambda d: "/publications",
    "accessibility": lambda d: "/accessibility",
    "not-found": lambda d: "/findings/999999",
}


@pytest.mark.parametrize("name", PAGES)
def test_each_kind_of_page_has_no_accessibility_violations(page, findings_in_two_places, screenshot, name):
    response = page.goto(PAGES[name](findings_in_two_places))
    assert response.status == (404 if name == "not-found" else 200)
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}, "resultTypes": ["violations"]})
    screenshot(page, name)
    assert results.violations_count == 0, results.generate_report()
    assert page.locator("h1").count() == 1
    assert page.locator("main#main-content").count() == 1
    assert "Reporting Dashboard" in page.title()


def test_the_styles_and_script_load_and_nothing_is_fetched_from_elsewhere(page, live_server, findings_in_two_places):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    failed = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.goto("/findings")
    page.wait_for_load_state("networkidle")
    assert failed == []
    assert all(url.startswith(live_server.url) for url in requested), requested
    # The ES module ran: GOV.UK Frontend marks the components it has started.
    assert page.locator("body.govuk-frontend-supported").count() == 1
    assert page.evaluate("getComputedStyle(document.querySelector('h1')).fontFamily").startswith("system-ui")


def test_a_keyboard_user_can_skip_filter_and_open_a_finding(page, findings_in_two_places):
    page.goto("/findings")
    skip = tab_to(page, lambda f: True, limit=1)
    assert skip["text"] == "Skip to main content"
    assert skip["background"] == FOCUS_YELLOW  # focus is visible
    page.keyboard.press("Enter")
    # The hash change lands a moment after the key press on a busy machine: wait for it rather than read at once.
    page.wait_for_url(re.compile(r"#main-content$"))

    tab_to(page, lambda f: f["name"] == "body" and f["value"] == "hmip")
    page.keyboard.press("Space")
    tab_to(page, lambda f: f["tag"] == "BUTTON" and f["text"].strip() == "Apply filters")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/findings\?.*body=hmip"))
    assert page.get_by_role("heading", name="6 findings").count() == 1

    link = tab_to(page, lambda f: re.fullmatch(r"/findings/\d+", f["href"]) is not None)
    assert link["background"] == FOCUS_YELLOW
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/findings/\d+$"))
    assert page.get_by_text("HM Inspectorate of Prisons").count() >= 1


def test_filtering_and_searching_work_without_javascript(page_without_javascript, findings_in_two_places):
    page = page_without_javascript
    page.goto("/findings")
    assert page.locator("body.js-enabled").count() == 0
    page.get_by_role("checkbox", name=re.compile(r"^Recommendation \(")).check()
    page.get_by_label("Search the findings").fill("kitchens")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r"kind=recommendation"))
    assert "q=kitchens" in page.url
    count = page.locator("#results-count").inner_text()
    assert re.match(r"\d+ findings? matching “kitchens”", count)
    # Remove the kind filter with its link: the search stays.
    page.get_by_role("link", name=re.compile("Remove this filter: Kind of finding: Recommendation")).click()
    page.wait_for_url(lambda url: "kind=" not in url)
    assert "q=kitchens" in page.url
    # The navigation is a plain list of links when the menu button cannot work.
    page.set_viewport_size({"width": 375, "height": 800})
    assert page.get_by_role("link", name="Establishments").is_visible()

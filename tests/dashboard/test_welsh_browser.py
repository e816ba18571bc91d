"""Every public page type in Chromium, in English and in Welsh: no accessibility violations that
axe-core finds (WCAG 2.2 AA), and keyboard-only journeys through the Welsh pages."""

import re
from datetime import date

import pytest
from axe_playwright_python.sync_playwright import Axe

from factories import EstablishmentFactory, FindingFactory, ReportFactory, body, setting
from keyboard import tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
FOCUS_YELLOW = "rgb(255, 221, 0)"


@pytest.fixture
def two_places():
    """Two bodies, two places, two years, with kinds, themes, a repeat and a follow-up verdict."""
    kelderbrook = EstablishmentFactory(name="HMP Kelderbrook", setting=setting("adult-prison"))
    suite = EstablishmentFactory(name="Ashcombe Vale custody suite", setting=setting("police-custody"))
    first = ReportFactory(body=body("hmip"), setting=setting("adult-prison"), establishments=[kelderbrook], published=date(2023, 6, 4))
    later = ReportFactory(body=body("hmip"), setting=setting("adult-prison"), establishments=[kelderbrook], published=date(2025, 2, 2),
                          report_type="review-of-progress", title="Review of progress at HMP Kelderbrook")
    custody = ReportFactory(body=body("icva"), setting=setting("police-custody"), establishments=[suite], published=date(2024, 9, 3))
    kitchen = "The kitchen should be refurbished and food served at proper mealtimes."
    earlier = FindingFactory(report=first, position=1, kind="recommendation", number="1", text=kitchen, themes=["food"])
    # The other findings say what they say: the factory's rotating texts include a kitchen one,
    # which made the search below count 3 whenever the rotation landed on it.
    FindingFactory(report=first, position=2, kind="good_practice", themes=["family-contact"],
                   text="Families could book visits easily.")
    FindingFactory(report=later, position=1, kind="recommendation", number="1", text=kitchen, themes=["food"],
                   status="some_progress", assesses=earlier)
    FindingFactory(report=custody, position=1, kind="concern", themes=["segregation"], populations=["children"],
                   text="Children were held in segregation for too long.")
    return {"place": kelderbrook, "report": first, "finding": earlier}


PAGES = {
    "home": "/",
    "findings": "/findings",
    "findings-filtered": "/findings?body=hmip&kind=recommendation&theme=food&q=kitchen&year=nope",
    "finding": "/findings/{finding}",
    "reports": "/reports",
    "report": "/reports/{report}",
    "establishments": "/establishments",
    "establishment": "/establishments/{place}",
    "bodies": "/bodies",
    "body": "/bodies/hmip",
    "repeats": "/repeats",
    "repeats-by-theme": "/repeats?by=theme",
    "follow-up": "/follow-up",
    "about": "/about",
    "publications": "/publications",
    "accessibility": "/accessibility",
    "privacy": "/privacy",
    "sign-in": "/accounts/sign-in",
    "trends": "/trends?by=theme",
    "top-themes": "/top-themes",
    "compare": "/compare",
    "coverage": "/coverage",
    "not-found": "/findings/999999",
}


def address(name: str, data: dict, welsh: bool) -> str:
    path = PAGES[name].format(finding=data["finding"].id, report=data["report"].id, place=data["place"].slug)
    return "/cy" + path if welsh else path


@pytest.mark.parametrize("language", ["en", "cy"])
def test_every_public_page_type_has_no_accessibility_violations_in_both_languages(page, two_places, screenshot, language):
    problems = {}
    for name in PAGES:
        response = page.goto(address(name, two_places, language == "cy"))
        assert response.status == (404 if name == "not-found" else 200), name
        assert page.locator("html").get_attribute("lang") == ("cy" if language == "cy" else "en-GB"), name
        results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}, "resultTypes": ["violations"]})
        if results.violations_count:
            problems[name] = results.generate_report()
        if language == "cy":
            screenshot(page, f"welsh-{name}")
    assert not problems, "\n".join(f"{name}: {report}" for name, report in problems.items())


def test_a_keyboard_user_reaches_the_skip_link_the_language_switch_and_the_search(page, two_places):
    page.goto("/cy/findings?kind=recommendation")
    skip = tab_to(page, lambda f: True, limit=1)
    assert skip["text"] == "Neidio i’r prif gynnwys" and skip["background"] == FOCUS_YELLOW
    switch = tab_to(page, lambda f: f["lang"] == "en", limit=5)
    assert switch["text"] == "English" and switch["href"] == "/findings?kind=recommendation"
    assert switch["background"] == FOCUS_YELLOW
    # A facet, then the removal of the filter already chosen, then the search box.
    tab_to(page, lambda f: f["name"] == "theme" and f["value"] == "food")
    removal = tab_to(page, lambda f: "kind=" not in f["href"] and f["href"].startswith("/cy/findings") and "Dileu’r hidlydd" in f["text"])
    assert removal["background"] == FOCUS_YELLOW
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url.endswith("/cy/findings"))

    # A search by keyboard alone: Tab to the box, type, Enter.
    tab_to(page, lambda f: f["name"] == "q")
    page.keyboard.type("kitchen")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/cy/findings\?.*q=kitchen"))
    assert re.fullmatch(r"2 canfyddiad yn cyfateb i “kitchen”", page.locator("#results-count").inner_text().strip())

    # The switch keeps the search: English, same address without /cy.
    page.goto(page.url)
    tab_to(page, lambda f: True, limit=1)
    switch = tab_to(page, lambda f: f["lang"] == "en", limit=5)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"^[^?]*//[^/]+/findings\?.*q=kitchen"))
    assert page.locator("html").get_attribute("lang") == "en-GB"
    assert re.fullmatch(r"2 findings matching “kitchen”", page.locator("#results-count").inner_text().strip())


def test_the_welsh_home_page_searches_without_javascript(page_without_javascript, two_places):
    page = page_without_javascript
    page.goto("/cy/")
    page.get_by_label("Chwilio’r canfyddiadau").fill("kitchen")
    page.get_by_role("button", name="Chwilio").click()
    page.wait_for_url(re.compile(r"/cy/findings\?q=kitchen"))
    assert page.locator("html").get_attribute("lang") == "cy"
    page.get_by_role("checkbox", name=re.compile(r"^Argymhelliad \(")).check()
    page.get_by_role("button", name="Rhoi’r hidlwyr ar waith").first.click()
    page.wait_for_url(re.compile(r"kind=recommendation"))
    assert "q=kitchen" in page.url

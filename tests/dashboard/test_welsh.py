"""The dashboard in Welsh: every page under /cy/, a switch between the languages on every page,
Welsh dates, and a catalogue with a Welsh string for every English one."""

import html
import re
from datetime import date
from pathlib import Path

import pytest

from factories import EstablishmentFactory, FindingFactory, ReportFactory, body

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    page = response.content.decode()
    page = re.sub(r"<script.*?</script>", " ", page, flags=re.S)
    page = re.sub(r"</?(?:a|span|strong|abbr|code)\b[^>]*>", "", page)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def language_switch(response) -> dict:
    found = re.search(r'<a href="([^"]*)" class="npm-header__language" lang="([^"]+)" hreflang="([^"]+)">([^<]+)</a>',
                      response.content.decode())
    assert found, "no language switch in the header"
    href, lang, hreflang, name = found.groups()
    return {"href": html.unescape(href), "lang": lang, "hreflang": hreflang, "name": name}


@pytest.fixture
def kelderbrook():
    place = EstablishmentFactory(name="HMP Kelderbrook")
    report = ReportFactory(body=body("hmip"), establishments=[place], published=date(2024, 6, 4))
    FindingFactory(report=report, position=1, kind="recommendation", number="1",
                   text="The kitchen should be refurbished.", themes=["food"])
    return place, report


def test_a_browser_asking_for_welsh_is_sent_from_the_home_page_to_the_welsh_one(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="cy-GB,cy;q=0.9,en;q=0.8")
    assert response.status_code == 302 and response["Location"] == "/cy/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9,cy;q=0.5").status_code == 200
    assert client.get("/").status_code == 200


def test_choosing_english_from_a_welsh_page_is_not_overruled_by_the_browser(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="cy", HTTP_REFERER="http://testserver/cy/")
    assert response.status_code == 200
    assert '<html lang="en-GB"' in response.content.decode()


def test_only_the_home_page_follows_the_browser_language(client):
    assert client.get("/findings", HTTP_ACCEPT_LANGUAGE="cy").status_code == 200


def test_welsh_pages_say_they_are_in_welsh(client, kelderbrook):
    place, report = kelderbrook
    for address in ["/cy/", "/cy/findings", f"/cy/reports/{report.id}", f"/cy/establishments/{place.slug}"]:
        response = client.get(address)
        assert response.status_code == 200, address
        assert '<html lang="cy"' in response.content.decode(), address


def test_the_language_switch_keeps_the_page_and_its_query_string(client, kelderbrook):
    english = language_switch(client.get("/findings?kind=recommendation&theme=food&page=1"))
    assert english == {"href": "/cy/findings?kind=recommendation&theme=food&page=1",
                       "lang": "cy", "hreflang": "cy", "name": "Cymraeg"}
    welsh = language_switch(client.get(english["href"]))
    assert welsh == {"href": "/findings?kind=recommendation&theme=food&page=1",
                     "lang": "en", "hreflang": "en", "name": "English"}


def test_the_switch_on_the_welsh_home_page_leads_to_the_english_one(client):
    assert language_switch(client.get("/cy/"))["href"] == "/"


def test_links_on_a_welsh_page_stay_in_welsh(client, kelderbrook):
    page = client.get("/cy/findings").content.decode()
    assert 'href="/cy/reports"' in page and 'href="/reports"' not in page


def test_dates_are_written_in_welsh_on_welsh_pages(client, kelderbrook):
    place, report = kelderbrook
    assert "4 June 2024" in text_of(client.get(f"/reports/{report.id}"))
    welsh = text_of(client.get(f"/cy/reports/{report.id}"))
    assert "4 Mehefin 2024" in welsh and "June" not in welsh


def test_numbers_are_grouped_the_same_way_in_both_languages():
    from django.utils import translation

    from scrutiny.dashboard.jinja import number

    with translation.override("cy"):
        assert number(1234567) == "1,234,567"
    assert number(1234) == "1,234"


# --- the catalogue -------------------------------------------------------------------------------

CATALOGUE = Path(__file__).resolve().parents[2] / "src/scrutiny/locale/cy/LC_MESSAGES/django.po"


def welsh_catalogue():
    from babel.messages.pofile import read_po

    with CATALOGUE.open("rb") as po:
        return read_po(po)


def test_every_message_in_the_welsh_catalogue_has_a_welsh_translation():
    untranslated = [m.id for m in welsh_catalogue() if m.id and not (all(m.string) if isinstance(m.string, tuple) else m.string)]
    assert untranslated == []


def test_the_welsh_translations_keep_every_placeholder_and_link():
    placeholder = re.compile(r"%\((\w+)\)s|<a |</a>|<code>|<strong>")
    for message in welsh_catalogue():
        if not message.id:
            continue
        english = message.id if isinstance(message.id, tuple) else (message.id,)
        welsh = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(placeholder.findall(english[-1])) - {"num"}
        for form in welsh:
            assert wanted <= set(placeholder.findall(form)), message.id


def test_the_compiled_catalogue_is_not_older_than_its_source():
    compiled = CATALOGUE.with_suffix(".mo")
    assert compiled.exists() and compiled.stat().st_mtime >= CATALOGUE.stat().st_mtime, "run make translations"


def test_the_public_templates_have_no_string_missing_from_the_catalogue():
    """Extract every app's templates again (the public pages and the staff ones beside them): every
    string they mark is in the committed catalogue, so an app added later cannot slip through."""
    from babel.messages.extract import extract_from_dir

    known = {m.id if isinstance(m.id, str) else m.id[0] for m in welsh_catalogue()}
    package = CATALOGUE.parents[3]
    method_map = [("**/jinja2/**.html", "jinja2")]
    options = {"**/jinja2/**.html": {"extensions": "jinja2.ext.i18n,jinja2.ext.do", "newstyle_gettext": "true"}}
    folders = sorted(path.parent.name for path in package.glob("*/jinja2"))
    assert {"dashboard", "repeats", "tracker", "key_issues", "correspondence", "custody_deaths", "reviews",
            "business_plan", "annual_report", "bulletin"} <= set(folders)
    missing = []
    for folder in folders:
        for filename, _line, message, _comments, _context in extract_from_dir(package / folder, method_map, options):
            msgid = message if isinstance(message, str) else message[0]
            if msgid not in known:
                missing.append((filename, msgid))
    assert missing == []


# --- the pages in Welsh --------------------------------------------------------------------------

ENGLISH_INTERFACE = [
    "Findings", "Search", "Reporting year", "Recommendation counter", "Apply filters", "Selected filters",
    "Reports", "Establishments", "Bodies", "Published", "Not recorded", "Skip to main content", "Privacy",
    "Accessibility statement", "There is a problem", "Kind of finding", "Year published", "published",
]


@pytest.fixture
def welsh_reading(kelderbrook):
    place, report = kelderbrook
    later = ReportFactory(body=body("hmip"), establishments=[place], published=date(2025, 2, 2), title="Report two")
    FindingFactory(report=later, position=1, kind="good_practice", text="Visits were child friendly.", themes=["family-contact"])
    return place, report, report.findings.first()


def test_no_english_interface_words_on_any_welsh_public_page(client, welsh_reading):
    place, report, finding = welsh_reading
    addresses = ["/cy/", "/cy/findings", "/cy/findings?kind=recommendation&theme=food&q=kitchen&year=nope",
                 f"/cy/findings/{finding.id}", "/cy/reports", f"/cy/reports/{report.id}", "/cy/establishments",
                 f"/cy/establishments/{place.slug}", "/cy/bodies", "/cy/bodies/hmip", "/cy/repeats", "/cy/repeats?by=theme",
                 "/cy/follow-up", "/cy/about", "/cy/accessibility", "/cy/privacy", "/cy/accounts/sign-in", "/cy/findings/999999"]
    for address in addresses:
        response = client.get(address)
        assert response.status_code in (200, 404), address
        # The findings are quoted as published (in English here) and report titles are data.
        words = text_of(response)
        for quoted in ["The kitchen should be refurbished.", "Visits were child friendly.", report.title, "Report two"]:
            words = words.replace(quoted, "")
        found = [phrase for phrase in ENGLISH_INTERFACE if re.search(rf"\b{phrase}\b", words)]
        assert found == [], f"{address}: {found}"


# The NPM's own publications: their interface words, none of them data the pages show when empty.
PUBLICATIONS_INTERFACE = [
    "Publications", "Publications and records", "Policy Tracker", "Key issues", "Correspondence register",
    "Deaths in prison custody", "Independent reviews", "Business plan", "Download this list", "Date sent",
    "Subject", "No letters have been published yet.", "No key issue is published yet.", "Stage", "Deadline",
    "Clear filters", "Subscribe to the tracker's dates", "No independent review is published yet.", "Recommendations",
    "fewer than 5", "Deaths by calendar year", "Jurisdiction", "Calendar of actions", "Activity", "Months",
    "NPM bulletin", "No bulletins have been published yet.",
]


def test_the_npm_publications_are_in_welsh_under_cy(client):
    for address in ["/cy/publications", "/cy/tracker", "/cy/key-issues", "/cy/correspondence", "/cy/independent-reviews",
                    "/cy/deaths-in-custody", "/cy/bulletin"]:
        response = client.get(address)
        assert response.status_code == 200, address
        assert '<html lang="cy"' in response.content.decode(), address
        words = text_of(response)
        found = [phrase for phrase in PUBLICATIONS_INTERFACE if re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", words)]
        assert found == [], f"{address}: {found}"


def test_the_welsh_publications_page_names_each_record_in_welsh(client):
    from scrutiny.business_plan.models import Plan

    # The business plan is listed once one is published (its page answers 404 before).
    Plan.objects.create(slug="2026-27", title="NPM business plan 2026-27", first_month=date(2026, 4, 1), last_month=date(2027, 3, 1))
    words = text_of(client.get("/cy/publications"))
    for welsh in ["Traciwr Polisi", "Materion allweddol", "Gohebiaeth", "Marwolaethau yn nalfa’r carchar",
                  "Adolygiadau annibynnol", "Adroddiad blynyddol", "Cynllun busnes"]:
        assert welsh in words


def test_a_welsh_findings_page_names_kinds_themes_and_facets_in_welsh(client, welsh_reading):
    page = text_of(client.get("/cy/findings?theme=food"))
    for welsh in ["Math o ganfyddiad", "Argymhelliad", "Bwyd a maeth", "Blwyddyn adrodd (Ebrill i Fawrth)", "Hidlwyr a ddewiswyd"]:
        assert welsh in page
    assert "1 canfyddiad" in page


def test_an_unknown_filter_is_explained_in_welsh(client):
    page = text_of(client.get("/cy/findings?theme=nope&year=nope"))
    assert "nid oes thema “nope”" in page and "mae blwyddyn yn bedwar digid" in page


def test_a_term_without_a_welsh_name_shows_its_english_one(client, kelderbrook):
    from scrutiny.catalogue.models import Theme

    Theme.objects.filter(slug="food").update(name="Food", name_cy="")
    assert "Food" in text_of(client.get("/cy/findings?theme=food"))


def test_english_pages_are_unchanged_by_welsh_names(client, kelderbrook):
    page = text_of(client.get("/findings?theme=food"))
    assert "Food and nutrition" in page and "Bwyd a maeth" not in page

"""The dashboard in Welsh: every page under /cy/, a switch between the languages on every page,
Welsh dates, and a catalogue with a Welsh string for every English one."""

import html
import re
from datetime import date

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

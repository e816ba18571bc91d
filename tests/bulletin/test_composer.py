"""The bulletin composer: its sections in the bulletin's order, suggestions that say what the
dashboard says for the same month, the e-mail and plain-text outputs, the staff pages and the
command."""

import json
import re
from datetime import date
from html.parser import HTMLParser

import pytest
from django.test import Client

from bulletin.world import MARKER, NOVEMBER, SITE, november_bulletin, published_month, unpublished_things
from factories import sign_in, staff_member
from scrutiny.api.exports import read_csv
from scrutiny.bulletin import commands, render, suggest
from scrutiny.bulletin.models import Bulletin, Section

pytestmark = pytest.mark.django_db

NOVEMBER_HEADINGS = [
    "Welcome", "National subgroups", "Events", "Blog", "What the dashboard shows this month",
    "Spotlight reports from NPM bodies", "Latest news from NPM bodies", "Upcoming events and activities",
    "External resources of interest",
]
MONTH_FILTER = "from=2025-11-01&to=2025-11-30"


def body_of(response) -> bytes:
    assert response.status_code == 200, response.status_code
    return b"".join(response.streaming_content) if response.streaming else response.content


def filled(bulletin: Bulletin) -> Bulletin:
    for section in bulletin.ordered_sections():
        if section.is_empty:
            section.text = f"Some news for {section.shown_heading}."
            section.save()
    return bulletin


# --- sections ------------------------------------------------------------------------------------

def test_a_new_bulletin_has_the_november_2025_sections_in_their_order():
    bulletin = november_bulletin(published=False)
    assert [s.shown_heading for s in bulletin.ordered_sections()] == NOVEMBER_HEADINGS
    assert bulletin.title == "NPM Bulletin – November 2025"


def test_every_output_prints_the_sections_in_the_bulletins_order_and_leaves_empty_ones_out(client):
    bulletin = november_bulletin()
    email = render.email_html(bulletin, SITE)
    text = render.plain_text(bulletin, SITE)
    page = body_of(client.get("/bulletin/2025-11")).decode()
    # Only the two sections written so far appear, in order, in all three.
    for output in (email, text, page):
        assert output.index("Welcome") < output.index("External resources of interest")
        assert "National subgroups" not in output and "Spotlight reports" not in output
    filled(bulletin)
    email = render.email_html(bulletin, SITE)
    headings = re.findall(r"<h2[^>]*>(.*?)</h2>", email)
    assert headings == NOVEMBER_HEADINGS + ["Thank you for reading!"]
    text = render.plain_text(bulletin, SITE)
    assert [h for h in NOVEMBER_HEADINGS if h in text] == NOVEMBER_HEADINGS
    assert sorted(NOVEMBER_HEADINGS, key=text.index) == NOVEMBER_HEADINGS


def test_section_text_is_markdown_with_anything_dangerous_taken_out():
    bulletin = november_bulletin(published=False)
    news = Section.objects.get(bulletin=bulletin, key="news")
    news.text = "**CJI and IMBNI met.** <script>alert(1)</script> [Read it](https://example.org/news) <a href=\"javascript:alert(2)\" onclick=\"x()\">bad</a>"
    news.save()
    email = render.email_html(bulletin, SITE)
    assert "<strong" in email and "CJI and IMBNI met." in email
    assert "alert" not in email and "onclick" not in email and "javascript:" not in email
    assert 'href="https://example.org/news"' in email


# --- suggestions equal the dashboard ---------------------------------------------------------------

def test_the_dashboard_section_counts_what_findings_json_counts_for_the_month(client):
    published_month()
    unpublished_things()
    page = json.loads(body_of(client.get(f"/findings.json?{MONTH_FILTER}")))
    figures = suggest.month_figures(NOVEMBER, SITE)
    assert figures.findings == page["count"] == 6 + 4 + 2  # the three November reports; no draft, no withdrawn finding
    by_kind = {v["label"]: v["count"] for v in page["facets"]["kind"] if v["count"]}
    assert {label: n for label, n, _ in figures.by_kind} == by_kind
    by_body = {v["label"]: v["count"] for v in page["facets"]["body"] if v["count"]}
    assert {name: findings for name, _, findings, _ in figures.by_body} == by_body
    assert {name: reports for name, reports, _, _ in figures.by_body} == {
        "HM Inspectorate of Prisons": 1, "Care Quality Commission": 1, "Lay Observers": 1}
    assert figures.reports == 3


def test_each_link_of_the_dashboard_section_opens_a_findings_page_with_the_number_it_gives(client):
    published_month()
    figures = suggest.month_figures(NOVEMBER, SITE)
    links = [(figures.findings, figures.findings_address)] + [(n, a) for _, n, a in figures.by_kind] + [
        (n, a) for _, _, n, a in figures.by_body] + [(n, a) for _, n, a in figures.top_concerns]
    for number, address in links:
        assert address.startswith(f"{SITE}/findings?") and MONTH_FILTER.split("&")[0] in address
        query = address.split("?", 1)[1]
        assert json.loads(body_of(client.get(f"/findings.json?{query}")))["count"] == number, address


def test_the_top_themes_of_concern_are_those_of_the_top_themes_download(client):
    published_month()
    unpublished_things()
    about, rows = read_csv(body_of(client.get(f"/top-themes.csv?of=concerns&{MONTH_FILTER}")).decode("utf-8"))
    expected = [(row["Theme"], int(row["Findings"])) for row in rows][:suggest.TOP_THEMES]
    figures = suggest.month_figures(NOVEMBER, SITE)
    assert [(theme, n) for theme, n, _ in figures.top_concerns] == expected
    assert expected[:3] == [("Healthcare", 4), ("Staffing", 4), ("Use of force and restraint", 3)]  # October's five are another month's
    assert figures.top_themes_address == f"{SITE}/top-themes?{MONTH_FILTER}"


def test_the_dashboard_suggestion_reads_as_a_paragraph_with_its_figures():
    published_month()
    text = suggest.dashboard_section(NOVEMBER, SITE).text
    assert text.startswith("In November 2025 the Reporting Dashboard added 3 published reports with 12 findings.")
    assert f"[See the top themes of concern for November 2025]({SITE}/top-themes?{MONTH_FILTER})" in text
    assert "- [Priority concern: 3]" in text


def test_a_month_with_nothing_published_says_so():
    assert "No reports were published" in suggest.dashboard_section(date(2031, 1, 1), SITE).text


def test_spotlight_reports_are_the_months_new_reports_with_the_most_serious_concerns():
    world = published_month()
    unpublished_things()
    entries = suggest.spotlight_section(NOVEMBER, SITE).entries
    assert [e.title for e in entries] == [
        "HM Inspectorate of Prisons – Report on an inspection of HMP Kelderbrook",  # 3 priority concerns
        "Independent Monitoring Boards – Annual report of the IMB at HMP Ashcombe Vale",  # loaded in November
        "Care Quality Commission – The state of health care and adult social care in England 2024/25",
    ]
    assert entries[0].link == f"{SITE}/reports/{world['prison'].id}"
    assert entries[0].summary == "6 findings, including 3 priority concerns."
    assert entries[0].date == date(2025, 11, 4)


def test_upcoming_events_come_from_published_tracker_dates_and_the_published_plan():
    world = published_month()
    unpublished_things()
    entries = suggest.upcoming_section(NOVEMBER, SITE).entries
    assert [(e.date, e.title) for e in entries] == [
        (date(2025, 11, 28), "NPM All Mandate-Holder Conference, online"),
        (date(2025, 12, 9), "Children and Young Persons Policing Charter: Committee evidence session"),
        (None, "Good practice thematic series"),  # under way in December
    ]
    assert entries[1].link == f"{SITE}/tracker/{world['item'].slug}"
    assert entries[0].link == f"{SITE}/business-plan?plan=2025-26"


def test_no_suggestion_carries_anything_unpublished_or_internal():
    published_month()
    unpublished_things()
    for key in suggest.SUGGESTERS:
        made = suggest.suggest(key, NOVEMBER, SITE)
        words = made.text + " ".join(f"{e.title} {e.summary} {e.link}" for e in made.entries)
        assert MARKER not in words, key
        assert "at risk" not in words.lower() and "Lead" not in words, key  # the plan's working stays in


# --- the e-mail and the plain text ------------------------------------------------------------------

class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags_of(html: str) -> list[tuple[str, dict]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def test_the_email_is_self_contained_with_every_style_inline():
    bulletin = filled(november_bulletin())
    blog = Section.objects.get(bulletin=bulletin, key="blog")
    blog.text = ("In this month’s blog, Sarah reflects on the Team Day.\n\n"
                 "![The India Buildings in Liverpool](https://example.org/india-buildings.jpg)\n\n![](https://example.org/rule.png)")
    blog.save()
    email = render.email_html(bulletin, SITE)
    tags = tags_of(email)
    names = [name for name, _ in tags]
    assert not {"style", "link", "script"} & set(names)
    images = [attrs for name, attrs in tags if name == "img"]
    assert len(images) == 2 and all("alt" in attrs for attrs in images)
    assert images[0]["alt"] == "The India Buildings in Liverpool"
    html = dict(tags)["html"]
    assert html["lang"] == "en-GB"
    assert "<title>NPM Bulletin – November 2025</title>" in email
    assert all(attrs.get("role") == "presentation" for name, attrs in tags if name == "table")
    assert 'style="' in email and "font-family: Arial" in email  # inlined, not dropped
    assert "max-width: 600px" in email
    assert all(attrs["href"].startswith(("https://", "http://")) for name, attrs in tags if name == "a")
    assert "@font-face" not in email and "url(" not in email


def test_the_plain_text_is_wrapped_and_writes_its_links_out():
    bulletin = november_bulletin()
    subgroups = Section.objects.get(bulletin=bulletin, key="subgroups")
    subgroups.text = ("The Northern Ireland Subgroup continues to focus on the Justice Bill and ongoing concerns about "
                      "available accommodation for children given bail. [Register for the conference here]"
                      "(https://example.org/conference-registration-2025-with-a-long-address).\n\n"
                      "- Maria Luísa Romero, Chair of the UN Subcommittee\n- Ben Buckland, APT")
    subgroups.save()
    text = render.plain_text(bulletin, SITE)
    long_lines = [line for line in text.splitlines() if len(line) > 72]
    assert all("https://" in line and " " not in line.strip() for line in long_lines), long_lines
    assert "Register for the conference here" in text
    assert "(https://example.org/conference-registration-2025-with-a-long-address)" in text.replace("\n", " ")
    assert "- Maria Luísa Romero, Chair of the UN Subcommittee\n- Ben Buckland, APT" in text
    assert "https://www.npcc.police.uk/charter" in text  # an entry's link
    assert f"{SITE}/bulletin/2025-11" in text
    assert "<" not in text


# --- the command --------------------------------------------------------------------------------------

def run(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="scrutiny")
    commands.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    return args.func(args)


@pytest.mark.parametrize("fmt", ["email", "text"])
def test_the_command_writes_the_bulletin_in_each_format(tmp_path, fmt, capsys):
    bulletin = november_bulletin()
    out = tmp_path / f"bulletin.{fmt}"
    assert run(["bulletin", "render", "--month", "2025-11", "--format", fmt, "--out", str(out), "--site", SITE]) == 0
    written = out.read_text(encoding="utf-8")
    expected = render.email_html(bulletin, SITE) if fmt == "email" else render.plain_text(bulletin, SITE)
    assert written == expected
    assert "NPM Bulletin – November 2025" in capsys.readouterr().out


def test_the_command_refuses_a_month_without_a_bulletin_and_writes_nothing(tmp_path, capsys):
    out = tmp_path / "none.html"
    assert run(["bulletin", "render", "--month", "2025-13", "--format", "email", "--out", str(out)]) == commands.PROBLEM
    assert run(["bulletin", "render", "--month", "2024-01", "--format", "email", "--out", str(out)]) == commands.PROBLEM
    assert not out.exists()
    assert "write it like 2025-11" in capsys.readouterr().err


# --- the staff pages ------------------------------------------------------------------------------------

@pytest.fixture
def editor_client():
    return sign_in(Client(), staff_member("editor"))


def test_an_editor_starts_a_bulletin_suggests_a_section_edits_it_and_keeps_it(editor_client):
    published_month()
    response = editor_client.post("/manage/bulletin", {"month": "2025-11"})
    assert response.status_code == 302 and response["Location"].endswith("/manage/bulletin/2025-11")
    suggested = editor_client.get("/manage/bulletin/2025-11/sections/spotlight?suggest=1").content.decode()
    assert "Report on an inspection of HMP Kelderbrook" in suggested
    section = Section.objects.get(bulletin__month=NOVEMBER, key="spotlight")
    assert section.is_empty  # a suggestion is not saved until the person saves it
    response = editor_client.post("/manage/bulletin/2025-11/sections/spotlight", {
        "heading": "", "text": "Three reports this month.",
        "entry-TOTAL_FORMS": "2", "entry-INITIAL_FORMS": "0",
        "entry-0-title": "HM Inspectorate of Prisons – ‘Just passing time’", "entry-0-link": "https://example.org/jpt",
        "entry-0-summary": "Far too few activity spaces.", "entry-0-date": "2025-11-04",
        "entry-1-title": "A suggestion the editor drops", "entry-1-remove": "on",
    })
    assert response.status_code == 302
    kept = list(section.entries.all())
    assert [(e.title, e.link, e.date) for e in kept] == [
        ("HM Inspectorate of Prisons – ‘Just passing time’", "https://example.org/jpt", date(2025, 11, 4))]
    assert Section.objects.get(pk=section.pk).text == "Three reports this month."


def test_an_entry_without_a_title_is_refused_and_nothing_is_saved(editor_client):
    november_bulletin(published=False)
    response = editor_client.post("/manage/bulletin/2025-11/sections/news", {
        "heading": "", "text": "News.", "entry-TOTAL_FORMS": "1", "entry-INITIAL_FORMS": "0",
        "entry-0-title": "", "entry-0-link": "https://example.org/x",
    })
    assert response.status_code == 400
    assert "Give the entry a title" in response.content.decode()
    assert Section.objects.get(bulletin__month=NOVEMBER, key="news").is_empty


def test_publishing_puts_the_bulletin_on_the_archive_and_unpublishing_takes_it_off(editor_client):
    november_bulletin(published=False)
    assert Client().get("/bulletin/2025-11").status_code == 404
    editor_client.post("/manage/bulletin/2025-11/publish", {"publish": "yes"})
    assert Client().get("/bulletin/2025-11").status_code == 200
    assert "NPM Bulletin – November 2025" in Client().get("/bulletin").content.decode()
    editor_client.post("/manage/bulletin/2025-11/publish", {"publish": "no"})
    assert Client().get("/bulletin/2025-11").status_code == 404


def test_the_previews_show_the_email_and_the_text_to_staff(editor_client):
    november_bulletin(published=False)
    email = editor_client.get("/manage/bulletin/2025-11/email")
    assert email.status_code == 200 and email["Content-Type"].startswith("text/html")
    assert "'unsafe-inline'" in email["Content-Security-Policy"] and "script-src 'none'" in email["Content-Security-Policy"]
    text = editor_client.get("/manage/bulletin/2025-11/text")
    assert text["Content-Type"].startswith("text/plain") and "Welcome to the NPM" in text.content.decode()


def test_the_public_page_offers_the_email_file_as_a_download(client):
    november_bulletin()
    response = client.get("/bulletin/2025-11/email.html")
    assert response["Content-Disposition"] == 'attachment; filename="npm-bulletin-2025-11.html"'
    assert b"Welcome to the NPM" in response.content and b"<style" not in response.content

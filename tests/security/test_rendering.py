"""Report text is untrusted: a report may print markup, script or template syntax in a finding,
its title or the name of a place, and every dashboard page that shows it shows it as text.

Two reports go through the real ingest: an HTML page written by hand and a Word report from the
demo generator, each with findings holding the payloads below (and the generated one with them in
its title and establishment as well, since metadata comes from sidecars and upload forms). Every
page that shows them is then read back: the payload's words are on the page as text, no element
or attribute came from them, and no template expression in them was evaluated.
"""

import json
from html import escape

import pytest
from selectolax.lexbor import LexborHTMLParser

from scrutiny.findings.models import Finding
from scrutiny.reports.ingest import Ingester
from scrutiny.reports.models import Report

pytestmark = pytest.mark.django_db

# Each payload is a whole finding, so that it is read back word for word.
PAYLOADS = [
    "Staff should stop <script>alert(1)</script> at once.",
    'Managers should review <img src=x onerror="alert(2)"> every week.',
    'Leaders should publish <a href="javascript:alert(3)">the plan</a> to all staff.',
    "Governors should ban javascript:alert(4) links from the intranet.",
    "The kitchen should serve {{ 1234*5678 }} meals and {{ 7*7 }} snacks.",
    "Officers should log {% for x in range(3) %}{{ x }}{% endfor %} searches.",
    "Reception should close \"><svg onload=alert(5)> quote marks and </textarea><script>alert(6)</script> tags.",
    "Wings should hold ';alert(7);// and ${alert(8)} in their records.",
]
# What the template expressions above would print if evaluated, with the words around them (a bare
# "012" also turns up in an address such as /findings/2012 once the database has grown).
EVALUATED = ["serve 7006652 meals", "and 49 snacks", "log 012 searches"]
TITLE = 'Report on <script>alert("title")</script> {{ 7*7 }}'
PLACE = 'HMP <img src=x onerror="alert(9)"> Ashcombe'


def html_report(path):
    items = "".join(f"<li>{escape(text)}</li>" for text in PAYLOADS)
    # Markup in the report itself, not as text: the reader takes words from it, never elements.
    raw = '<li>Visits should <script>alert("raw")</script><img src=x onerror=alert("raw")>resume in full.</li>'
    path.write_text(
        "<html><body><h1>Report on HMP Thornmere</h1><h2>Recommendations</h2>"
        f"<ol>{items}{raw}</ol></body></html>",
        encoding="utf-8",
    )
    meta = {"body": "hmip", "published": "2024-05-01", "type": "monitoring-visit", "establishment": "HMP Thornmere"}
    path.with_name(f"{path.stem}.meta.json").write_text(json.dumps(meta))
    return path


def word_report(outdir):
    """A generated HMIP report in Word, its first findings replaced by the payloads."""
    from scrutiny_demo.corpus import compose, metadata
    from scrutiny_demo.document import Paragraph
    from scrutiny_demo.layout import paginate
    from scrutiny_demo.writers.docx import write_docx

    family, commission, report, _ = compose(3, 1)
    planted = [b for b in report.blocks if isinstance(b, Paragraph) and b.finding][: len(PAYLOADS)]
    for paragraph, payload in zip(planted, PAYLOADS):
        paragraph.text = paragraph.finding.text = payload
    report.meta["title"] = TITLE
    paged = paginate(report)
    path = outdir / "generated.docx"
    info = {"published": commission.published.isoformat(), "title": TITLE, "author": commission.body_name, "name": "generated"}
    write_docx(str(path), report, paged, info)
    meta = metadata(family, commission, report, "docx", paged.page_count, "generated")
    meta["establishment"] = PLACE
    path.with_name("generated.meta.json").write_text(json.dumps(meta))
    return path


@pytest.fixture
def ingested(tmp_path, settings):
    settings.SCRUTINY_FILES_DIR = tmp_path / "files"
    ingester = Ingester(keep_files=False)
    by_hand = ingester.ingest(html_report(tmp_path / "by-hand.html"))
    assert by_hand.status == "new", by_hand.reason
    generated = ingester.ingest(word_report(tmp_path))
    assert generated.status == "new", generated.reason
    return [Report.objects.get(id=by_hand.report_id), Report.objects.get(id=generated.report_id)]


def test_both_reports_are_stored_with_the_payloads_as_finding_text(ingested):
    for report in ingested:
        texts = set(report.findings.values_list("text", flat=True))
        assert set(PAYLOADS) <= texts, report.file_name
    by_hand = ingested[0].findings.get(text__startswith="Visits should")
    assert by_hand.text == "Visits should resume in full."  # the report's own markup gave words only
    assert ingested[1].title == TITLE
    assert ingested[1].establishments.get().name == PLACE


def pages_showing(reports) -> list[str]:
    payload_findings = Finding.objects.filter(report__in=reports, text__in=PAYLOADS)
    generated = reports[1]
    return [
        "/findings",
        "/findings?q=alert",
        "/findings?q=snacks",
        "/findings?q=" + PAYLOADS[0].replace(" ", "+"),
        *(f"/findings/{finding.id}" for finding in payload_findings),
        *(f"/reports/{report.id}" for report in reports),
        "/reports",
        f"/establishments/{generated.establishments.get().slug}",
        "/establishments",
    ]


def assert_shown_as_text(address: str, page: str) -> None:
    tree = LexborHTMLParser(page)
    for script in tree.css("script"):
        assert "alert(" not in script.text(), f"{address}: a script element from report text"
    for element in tree.css("*"):
        for name, value in element.attributes.items():
            value = value or ""
            assert not name.startswith("on"), f"{address}: <{element.tag} {name}> from report text"
            assert not value.strip().lower().startswith("javascript:"), f"{address}: a javascript: address"
            if element.tag in ("img", "svg"):
                assert value != "x", f"{address}: an <{element.tag}> from report text"
    for evaluated in EVALUATED:
        assert evaluated not in page, f"{address}: a template expression in report text was evaluated"
    assert "&lt;script&gt;" in page or "&lt;img" in page or "{{" in page, f"{address}: shows no payload"


@pytest.mark.parametrize("which", ["list", "search", "finding", "report", "place"])
def test_every_page_that_shows_the_payloads_shows_them_as_text(client, ingested, which):
    addresses = {
        "list": lambda a: a in ("/findings", "/reports", "/establishments"),
        "search": lambda a: a.startswith("/findings?q="),
        "finding": lambda a: a.startswith("/findings/"),
        "report": lambda a: a.startswith("/reports/"),
        "place": lambda a: a.startswith("/establishments/"),
    }[which]
    checked = 0
    for address in filter(addresses, pages_showing(ingested)):
        response = client.get(address)
        assert response.status_code == 200, address
        assert_shown_as_text(address, response.content.decode())
        checked += 1
    assert checked


def test_a_finding_page_shows_each_payload_word_for_word(client, ingested):
    for finding in Finding.objects.filter(text__in=PAYLOADS):
        page = LexborHTMLParser(client.get(f"/findings/{finding.id}").content.decode())
        quoted = page.css_first("blockquote.npm-quote")
        assert quoted.text(strip=True) == finding.text  # escaped once: not &lt; on the screen
        if finding.report.title == TITLE:
            assert page.css_first("h1 + *") is not None
            assert TITLE in page.body.text()
            assert PLACE in page.body.text()


def test_search_results_show_the_payload_words_as_text(client, ingested):
    page = LexborHTMLParser(client.get("/findings?q=snacks").content.decode())
    shown = [p.text(strip=True) for p in page.css(".npm-finding__text")]
    assert shown == [PAYLOADS[4]] * 2  # from both reports, braces and all


def test_a_report_title_and_place_name_are_shown_word_for_word_in_titles_and_headings(client, ingested):
    generated = ingested[1]
    place = generated.establishments.get()
    for address, heading in [(f"/reports/{generated.id}", TITLE), (f"/establishments/{place.slug}", PLACE)]:
        page = LexborHTMLParser(client.get(address).content.decode())
        assert page.css_first("title").text().startswith(heading + " – "), address
        assert page.css_first("h1").text(strip=True) == heading, address
    listed = LexborHTMLParser(client.get("/reports").content.decode()).body.text()
    assert TITLE in listed and PLACE in listed

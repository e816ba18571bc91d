"""The pack and the good-practice thematic on the dashboard: public pages with their downloads,
the same numbers as /findings for the same filter, every good-practice finding cited, a bad year
or theme answered 'not found'."""

import io
import json

import docx
import pytest

from annual_report.corpus import DRAFT_TEXT, build as build_corpus

pytestmark = pytest.mark.django_db
YEAR = "2025-26"


@pytest.fixture
def corpus():
    return build_corpus()


def test_the_pack_page_shows_each_chart_with_its_table_and_links_its_files(client, corpus):
    response = client.get(f"/annual-report/{YEAR}")
    assert response.status_code == 200
    page = response.content.decode()
    assert f"<h1 class=\"govuk-heading-xl\">UK National Preventive Mechanism: annual report pack {YEAR}</h1>" in page
    assert page.count('class="npm-chart"') >= 8
    assert f'href="/annual-report/{YEAR}.docx"' in page and f'href="/annual-report/{YEAR}.pdf"' in page
    assert DRAFT_TEXT not in page


def test_the_pack_downloads_as_word_and_pdf(client, corpus):
    word = client.get(f"/annual-report/{YEAR}.docx")
    assert word.status_code == 200 and "attachment" in word["Content-Disposition"]
    assert docx.Document(io.BytesIO(word.content)).paragraphs[0].style.name == "Title"
    pdf = client.get(f"/annual-report/{YEAR}.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert client.get(f"/annual-report/{YEAR}.exe").status_code == 404


@pytest.mark.parametrize("address", ["/annual-report/2025-2026", "/annual-report/twenty", "/annual-report/2025-27.pdf",
                                     "/annual-report/good-practice/no-such-theme?period=2025-26",
                                     "/annual-report/good-practice/family-contact?period=2025"])
def test_a_bad_year_or_theme_is_not_found(client, corpus, address):
    assert client.get(address).status_code == 404


def test_the_annual_report_address_goes_to_the_last_full_reporting_year(client):
    response = client.get("/annual-report")
    assert response.status_code == 302 and response["Location"].startswith("/annual-report/20")


def test_the_thematic_counts_equal_the_findings_page_for_the_same_filter(client, corpus):
    listing = json.loads(client.get(f"/findings.json?kind=good_practice&theme=family-contact&period={YEAR}").content)
    page = client.get(f"/annual-report/good-practice/family-contact?period={YEAR}").content.decode()
    assert listing["count"] == 2
    assert f"{listing['count']} published good-practice findings on Family contact in {YEAR}" in page
    for setting in listing["facets"]["setting"]:
        assert f"{setting['label']} <span class=\"govuk-caption-m\">{setting['count']} finding" in page


def test_each_good_practice_finding_is_cited_with_its_report_page_and_link(client, corpus):
    page = client.get(f"/annual-report/good-practice/family-contact?period={YEAR}").content.decode()
    assert "Video calls let prisoners speak to their children every evening." in page
    assert "The visits hall had a play area run by a children&#39;s charity." in page
    assert "Family days were held every month" not in page  # 2024-25, another year
    assert DRAFT_TEXT not in page  # a draft's good practice
    assert "Report on an unannounced inspection of HMP Kelderbrook" in page
    assert "page " in page and 'href="https://example.org/reports/' in page
    assert 'href="http://testserver/findings/' in page
    assert page.find("Adult prison <span") > 0


def test_the_thematic_downloads_as_word_with_its_citations(client, corpus):
    response = client.get(f"/annual-report/good-practice/family-contact.docx?period={YEAR}")
    assert response.status_code == 200
    document = docx.Document(io.BytesIO(response.content))
    styles = [(p.style.name, p.text) for p in document.paragraphs]
    assert styles[0] == ("Title", f"Good practice on Family contact, {YEAR}")
    assert ("Heading 1", "Adult prison (2)") in styles
    assert [t for s, t in styles if s == "Heading 2"] == ["HM Inspectorate of Prisons (1)", "HM Inspectorate of Prisons for Scotland (1)"]
    sources = [t for s, t in styles if t.startswith("Source: ")]
    assert len(sources) == 2 and all(", page " in t for t in sources)
    assert document.core_properties.language == "en-GB"
    links = [rel.target_ref for rel in document.part.rels.values() if rel.reltype.endswith("/hyperlink")]
    assert len(links) == 2 and all(link.startswith("https://example.org/reports/") for link in links)

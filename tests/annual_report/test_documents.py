"""The pack as files, made by the command people run: a Word document with real styles, tables
whose header row repeats, pictures with alt text, title and language; a PDF whose text reads in
the order of the pack, with its language, title, bookmarks and structure tree; an HTML file."""

import io
import re

import docx
import pypdfium2
import pytest
from docx.oxml.ns import qn

from annual_report.corpus import DRAFT_TEXT, build as build_corpus
from scrutiny.cli import main

pytestmark = pytest.mark.django_db
YEAR = "2025-26"
SECTIONS = ["Summary", "Reports per body", "Findings by kind, theme, setting and nation", "Top themes of concern and of good practice",
            "Change from the previous year", "The most repeated findings", "Follow-up", "Method note"]


@pytest.fixture
def corpus():
    return build_corpus()


def made(tmp_path, fmt: str, *extra) -> bytes:
    out = tmp_path / f"pack.{fmt}"
    assert main(["report", "annual", "--year", YEAR, "--format", fmt, "--out", str(out), *extra]) == 0
    return out.read_bytes()


def test_the_word_pack_uses_real_headings_lists_captions_and_its_properties(tmp_path, corpus):
    document = docx.Document(io.BytesIO(made(tmp_path, "docx")))
    styles = [(p.style.name, p.text) for p in document.paragraphs]
    assert styles[0] == ("Title", f"UK National Preventive Mechanism: annual report pack {YEAR}")
    assert [text for style, text in styles if style == "Heading 1"] == SECTIONS
    assert ("Heading 2", "Findings by theme") in styles
    assert any(style == "List Bullet" and text.startswith("Good practice: 3") for style, text in styles)
    assert any(style == "Caption" for style, _text in styles)
    assert document.core_properties.title.endswith(YEAR)
    assert document.core_properties.language == "en-GB"
    default_lang = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert default_lang.get(qn("w:val")) == "en-GB"
    assert DRAFT_TEXT not in "\n".join(text for _style, text in styles)


def test_every_word_table_has_a_repeating_header_row_and_every_chart_alt_text(tmp_path, corpus):
    document = docx.Document(io.BytesIO(made(tmp_path, "docx")))
    assert len(document.tables) >= 10
    for table in document.tables:
        assert table.style.name == "Table Grid"
        first = table.rows[0]._tr.trPr
        assert first is not None and first.find(qn("w:tblHeader")) is not None, table.rows[0].cells[0].text
        assert all(run.bold for cell in table.rows[0].cells for run in cell.paragraphs[0].runs)
    kinds = next(t for t in document.tables if t.rows[0].cells[0].text == "Kind of finding")
    assert [c.text for c in kinds.rows[1].cells] == ["Recommendation", "3", "27.3%"]
    pictures = document.inline_shapes
    assert len(pictures) >= 8
    for picture in pictures:
        described = picture._inline.docPr
        assert described.get("descr") and described.get("title")
    assert any("Recommendation" in p._inline.docPr.get("descr") or "most findings" in p._inline.docPr.get("descr") for p in pictures)


def test_the_pdf_reads_in_the_order_of_the_pack_with_its_language_and_title(tmp_path, corpus):
    data = made(tmp_path, "pdf")
    pdf = pypdfium2.PdfDocument(data)
    text = "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    flat = " ".join(text.split())
    places = [flat.find(heading) for heading in SECTIONS]
    assert -1 not in places and places == sorted(places), list(zip(SECTIONS, places))
    assert "Recommendation 3 27.3%" in flat  # a table row, its cells in reading order
    assert DRAFT_TEXT.split(":")[1].strip()[:30] not in flat
    assert pdf.get_metadata_dict()["Title"] == f"UK National Preventive Mechanism: annual report pack {YEAR}"
    assert b"/Lang (en-GB)" in data
    assert b"/StructTreeRoot" in data and re.search(rb"/MarkInfo\s*<<\s*/Marked true", data)
    for tag in (b"/S /H1", b"/S /H2", b"/S /P", b"/S /Table", b"/S /TR", b"/S /TH", b"/S /TD", b"/S /Figure"):
        assert tag in data, tag
    assert b"/DisplayDocTitle true" in data
    assert b"/Outlines" in data


def test_the_html_file_carries_the_charts_and_their_tables(tmp_path, corpus):
    page = made(tmp_path, "html").decode()
    assert '<html lang="en-GB">' in page
    charts = page.split('<figure class="npm-chart-figure"><svg')[1:]
    assert len(charts) >= 8
    for after in charts:  # every chart is followed by its table, before the next heading
        assert after.find("<table") < after.find("<h3") or "<h3" not in after
        assert 'role="img"' in after[:300] and "<title" in after[:1000]
    assert "<script" not in page
    assert DRAFT_TEXT not in page


def test_a_bad_year_gets_a_clear_error_and_no_file(tmp_path, corpus, capsys):
    out = tmp_path / "pack.pdf"
    assert main(["report", "annual", "--year", "2025/26", "--format", "pdf", "--out", str(out)]) == 2
    assert "is not a reporting year" in capsys.readouterr().err
    assert not out.exists()


def test_a_year_with_no_data_still_makes_each_format(tmp_path, corpus, capsys):
    for fmt in ("docx", "pdf", "html"):
        out = tmp_path / f"empty.{fmt}"
        assert main(["report", "annual", "--year", "2031-32", "--format", fmt, "--out", str(out)]) == 0
        assert "the pack says so" in capsys.readouterr().out
    words = " ".join(p.text for p in docx.Document(str(tmp_path / "empty.docx")).paragraphs)
    assert "No published report or finding is held for the reporting year 2031-32" in words
    pdf = pypdfium2.PdfDocument(str(tmp_path / "empty.pdf"))
    assert "No published report or finding" in " ".join(pdf[0].get_textpage().get_text_range().split())

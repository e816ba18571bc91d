"""PDF reports: running headers and footers are not text of the report, and a finding that runs
over a page break is one finding that starts on the earlier page."""

from scrutiny.core.document import HEADING
from scrutiny.core.extract import extract_findings
from scrutiny.core.text import read_document

from .made_files import pdf_report

TITLE = "Report on an unannounced inspection of HMP Example"
LONG_RECOMMENDATION = (
    "11.2 The governor should ensure that every prisoner arriving at the establishment is seen by a "
    "member of healthcare staff on the first night, that any risk of self-harm is recorded and shared "
    "with residential staff, and that the induction programme is delivered in full within the first "
    "week of custody so that new arrivals know how to obtain help, make applications and contact their "
    "families (paragraph 4.12)."
)


def report_with_a_finding_across_pages(tmp_path):
    parts = [("heading", "1. Introduction")]
    parts += [("paragraph", f"1.{n} The inspection looked at outcomes for prisoners in the establishment "
                            "and at the work of staff across each area of the prison.") for n in range(1, 4)]
    parts += [("page", ""), ("heading", "11. Recommendations"),
              ("paragraph", "11.1 Showers on the first-night wing should be repaired (paragraph 3.12).")]
    # push the long recommendation to the foot of the page so it breaks onto the next one
    parts += [("move_to", "250"), ("paragraph", LONG_RECOMMENDATION),
              ("paragraph", "11.3 The library should open in the evenings (paragraph 6.4).")]
    return pdf_report(tmp_path / "example.pdf", TITLE, parts)


def test_running_header_and_footer_are_dropped(tmp_path):
    document = read_document(report_with_a_finding_across_pages(tmp_path))
    texts = [block.text for block in document.blocks]
    assert document.page_count == 3
    assert not any(TITLE in text for text in texts)
    assert not any(text.strip().isdigit() for text in texts)


def test_a_finding_broken_by_a_page_is_joined_and_keeps_its_first_page(tmp_path):
    document = read_document(report_with_a_finding_across_pages(tmp_path))
    findings = extract_findings(document)
    assert [f.number for f in findings] == ["11.1", "11.2", "11.3"]
    broken = findings[1]
    assert broken.text == LONG_RECOMMENDATION.removeprefix("11.2 ")
    assert broken.page == 2
    assert findings[2].page == 3


def test_headings_are_found_by_their_type(tmp_path):
    document = read_document(report_with_a_finding_across_pages(tmp_path))
    headings = [block.text for block in document.blocks if block.kind == HEADING]
    assert headings == ["1. Introduction", "11. Recommendations"]


def test_a_long_docx_saved_without_any_page_breaks_has_unknown_pages(tmp_path):
    from docx import Document as WordDocument

    from scrutiny.core.text import read_document

    word = WordDocument()
    word.add_heading("Recommendations", level=1)
    for n in range(1, 40):
        word.add_paragraph(f"{n}. The governor should make sure that every prisoner can shower daily and that "
                           "cells are cleaned and repaired before they are used again (paragraph 3.12).")
    word.save(tmp_path / "unpaginated.docx")
    document = read_document(tmp_path / "unpaginated.docx")
    assert document.page_count is None
    assert {block.page for block in document.blocks} == {None}

"""Independent review reports written as their authors write them (Word and PDF), for the
extraction tests: a title page, a foreword, chapters of narrative with numbered paragraphs, and a
chapter of numbered recommendations that runs over a page break. Fictional, and written here
without any of the extractor's patterns."""

from pathlib import Path

TITLE = "Independent Review of Family Contact in Scottish Prisons"
FOREWORD = [
    "I was asked by the Cabinet Secretary for Justice and Veterans in March 2024 to review how people "
    "in prison keep in touch with their families, and what gets in the way.",
    "Over nine months the review team visited eleven establishments and heard from 212 families, "
    "143 people in custody and 96 members of staff.",
]
NARRATIVE = [
    ("2. What we heard", [
        "2.1 Families told us that the cost of travel was the largest single barrier to visiting.",
        "2.2 Video calls, introduced during the pandemic, were valued but often cancelled at short notice.",
        "2.3 Staff in visits halls were described as welcoming in most establishments we visited.",
    ]),
]
# (number, text): the recommendations as the report prints them.
RECOMMENDATIONS = [
    ("1", "The Scottish Prison Service should guarantee every person in custody at least one video call a week, free of charge."),
    ("2", "The Scottish Government should fund travel costs for families on low incomes visiting any establishment."),
    ("3", "Visiting times should be published at least four weeks in advance and not changed without notice."),
    ("4", "Every establishment should have a family centre run in partnership with a voluntary organisation."),
    ("5", "The Scottish Prison Service should publish annual data on visits and video calls by establishment."),
    ("6", "Children visiting a parent should never be searched in a way that involves touching."),
]
# The report puts a page break after this many recommendations, so they span two pages.
BREAK_AFTER = 4


def write_docx(path: Path) -> Path:
    from docx import Document
    from docx.enum.text import WD_BREAK

    document = Document()
    document.add_heading(TITLE, 0)
    document.add_paragraph("Report to Scottish Ministers, June 2025")
    document.add_page_break()
    document.add_heading("1. Foreword", 1)
    for paragraph in FOREWORD:
        document.add_paragraph(paragraph)
    document.add_page_break()
    for heading, paragraphs in NARRATIVE:
        document.add_heading(heading, 1)
        for paragraph in paragraphs:
            document.add_paragraph(paragraph)
    document.add_page_break()
    document.add_heading("3. Recommendations", 1)
    document.add_paragraph("The review makes six recommendations, set out below.")
    for i, (number, text) in enumerate(RECOMMENDATIONS, 1):
        paragraph = document.add_paragraph(f"Recommendation {number}: {text}")
        if i == BREAK_AFTER:
            paragraph.add_run().add_break(WD_BREAK.PAGE)
    document.add_heading("Annex A: Terms of reference", 1)
    document.add_paragraph("The review will consider the arrangements for family contact in all prisons in Scotland.")
    document.save(path)
    return path


def write_pdf(path: Path) -> Path:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_margins(20, 20, 20)

    def line(text: str, size: int = 11, style: str = "", height: float = 6) -> None:
        pdf.set_font("helvetica", style, size)
        pdf.multi_cell(0, height, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)

    pdf.add_page()
    line(TITLE, 22, "B", 11)
    line("Report to Scottish Ministers, June 2025")
    pdf.add_page()
    line("1. Foreword", 16, "B", 9)
    for paragraph in FOREWORD:
        line(paragraph)
    for heading, paragraphs in NARRATIVE:
        line(heading, 16, "B", 9)
        for paragraph in paragraphs:
            line(paragraph)
    pdf.add_page()
    line("3. Recommendations", 16, "B", 9)
    line("The review makes six recommendations, set out below.")
    for i, (number, text) in enumerate(RECOMMENDATIONS, 1):
        line(f"{number}. {text}")
        if i == BREAK_AFTER:
            pdf.add_page()
    line("Annex A: Terms of reference", 16, "B", 9)
    line("The review will consider the arrangements for family contact in all prisons in Scotland.")
    pdf.output(str(path))
    return path

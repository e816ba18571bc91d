"""Packs as Word documents (python-docx) that a screen reader and Word's accessibility checker can
follow: real styles (Title, Heading 1 and 2, List Bullet, Caption), real tables whose header row
repeats on each page, every chart a picture with alt text followed by its table, and the document's
title and language (en-GB) in its properties and default style."""

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from scrutiny.annual_report.images import bar_chart_png

LANGUAGE = "en-GB"
TABLE_STYLE = "Table Grid"


def new_document(title: str, subject: str):
    document = Document()
    properties = document.core_properties
    properties.title = title
    properties.subject = subject
    properties.language = LANGUAGE
    properties.author = "UK National Preventive Mechanism"
    _default_language(document)
    return document


def _default_language(document) -> None:
    """Word reads a run's language from the default run properties: set en-GB there, so spelling
    and screen readers use British English."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    r_pr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    lang.set(qn("w:val"), LANGUAGE)


def cell_text(value, column) -> str:
    if column.kind == "percent":
        return f"{value:.1f}%"
    if column.kind == "count" and isinstance(value, (int, float)):
        return f"{value:,}"
    return str(value)


def add_table(document, table) -> None:
    """A pack Table: its caption (Word's Caption style) above, a header row that repeats across
    pages and is read as the header, numbers right-aligned."""
    document.add_paragraph(table.caption, style="Caption")
    grid = document.add_table(rows=1, cols=len(table.columns))
    grid.style = TABLE_STYLE
    grid.alignment = WD_TABLE_ALIGNMENT.LEFT
    header = grid.rows[0]
    _repeat_as_header(header)
    for cell, column in zip(header.cells, table.columns):
        cell.paragraphs[0].add_run(column.name).bold = True
    for row in table.rows:
        cells = grid.add_row().cells
        for cell, value, column in zip(cells, row, table.columns):
            cell.text = cell_text(value, column)
            if column.kind != "label":
                cell.paragraphs[0].alignment = 2  # right
    _cant_split_rows(grid)


def _repeat_as_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    tr_pr.append(marker)


def _cant_split_rows(grid) -> None:
    for row in grid.rows:
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:cantSplit"))


def add_chart(document, chart) -> None:
    """The chart as a picture with its alt text (title and description), and a caption."""
    document.add_picture(io.BytesIO(bar_chart_png(chart)), width=Cm(16))
    picture = document.inline_shapes[-1]
    doc_pr = picture._inline.docPr
    doc_pr.set("title", chart.title)
    doc_pr.set("descr", chart.description)
    document.add_paragraph(chart.title + " (chart; its numbers are in the table below)", style="Caption")


def add_bullets(document, bullets) -> None:
    for bullet in bullets:
        document.add_paragraph(bullet, style="List Bullet")


def pack_docx(pack) -> bytes:
    document = new_document(pack.title, f"Annual report pack, reporting year {pack.year}")
    document.add_paragraph(pack.title, style="Title")
    document.add_paragraph(f"Reporting year {pack.year} (April {pack.year[:4]} to March {int(pack.year[:4]) + 1}). "
                           f"Made on {pack.made.day} {pack.made:%B %Y} from the Reporting Dashboard ({pack.address}).")
    for section in pack.sections:
        document.add_heading(section.heading, level=1)
        for paragraph in section.paragraphs:
            document.add_paragraph(paragraph)
        add_bullets(document, section.bullets)
        for figure in section.figures:
            document.add_heading(figure.heading, level=2)
            if figure.summary:
                document.add_paragraph(figure.summary)
            if figure.chart:
                add_chart(document, figure.chart)
            for note in figure.notes:
                document.add_paragraph(note).runs[0].font.size = Pt(9)
            if figure.table.rows:
                add_table(document, figure.table)
    return saved(document)


def saved(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()

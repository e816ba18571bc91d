"""Word documents that keep the pagination of the PDF layout.

Word itself saves `<w:lastRenderedPageBreak/>` where it last broke a page inside a
paragraph; we write the same marks (and explicit page breaks between pages), so a reader of
the DOCX can recover the page on which each finding starts.
"""

import datetime
import io
import zipfile

from scrutiny_demo.document import ContentsEntry, Heading, PageBreak, Paragraph, Report, Table
from scrutiny_demo.layout import PagedReport, paragraph_words

FIXED_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
FACE_NAMES = {"helvetica": "Arial", "times": "Times New Roman"}


def write_docx(path, report: Report, paged: PagedReport, info: dict) -> None:
    from docx import Document
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(25.4)
    section.top_margin, section.bottom_margin = Mm(28), Mm(27.5)
    section.different_first_page_header_footer = True
    normal = document.styles["Normal"]
    normal.font.name = FACE_NAMES[report.font]
    normal.font.size = Pt(report.body_size)

    section.header.paragraphs[0].text = report.running_header
    footer = section.footer.paragraphs[0]
    footer.add_run(f"{report.footer_title}  ")
    page_field = OxmlElement("w:fldSimple")
    page_field.set(qn("w:instr"), "PAGE")
    field_run = OxmlElement("w:r")
    field_text = OxmlElement("w:t")
    field_text.text = "1"
    field_run.append(field_text)
    page_field.append(field_run)
    footer._p.append(page_field)

    def page_break_run(paragraph):
        run = paragraph.add_run()
        br = OxmlElement("w:br")
        br.set(qn("w:type"), "page")
        run._r.append(br)

    def rendered_break(run):
        run._r.insert(0, OxmlElement("w:lastRenderedPageBreak"))

    page, last_paragraph = 1, None
    for index, block in enumerate(report.blocks):
        if isinstance(block, PageBreak):
            continue
        start = paged.block_start_page.get(index, page)
        while start > page:
            if last_paragraph is None:
                last_paragraph = document.add_paragraph()
            page_break_run(last_paragraph)
            last_paragraph = None  # a second break needs a paragraph of its own
            page += 1

        if isinstance(block, Heading):
            last_paragraph = document.add_paragraph(block.printed, style=f"Heading {block.level}")
        elif isinstance(block, ContentsEntry):
            entry = document.add_paragraph()
            entry.paragraph_format.tab_stops.add_tab_stop(Mm(159), WD_TAB_ALIGNMENT.RIGHT)
            entry.paragraph_format.left_indent = Mm(8 * (block.heading.level - 1))
            number = paged.heading_page.get(id(block.heading), "")
            entry.add_run(f"{block.heading.printed}\t{number}")
            last_paragraph = entry
        elif isinstance(block, Table):
            table = document.add_table(rows=0, cols=len(block.header), style="Table Grid")
            for r, row in enumerate([block.header, *block.rows]):
                cells = table.add_row().cells
                for cell, value in zip(cells, row):
                    cell.text = str(value)
                    if r == 0:
                        for run in cell.paragraphs[0].runs:
                            run.bold = True
            last_paragraph = None
        elif isinstance(block, Paragraph):
            paragraph = document.add_paragraph(style="List Bullet" if block.bullet else None)
            fmt = paragraph.paragraph_format
            if block.indent:
                fmt.left_indent = Mm(8.5 * block.indent)
            if block.number:
                fmt.left_indent = Mm(8.5 * block.indent + 13.4)
                fmt.first_line_indent = Mm(-13.4)
                paragraph.add_run(f"{block.number}\t")
            if block.align == "centre":
                fmt.alignment = 1
            breaks = paged.paragraph_breaks.get(index, [])
            for words, style, breaks_here in word_runs(paragraph_words(block), breaks):
                run = paragraph.add_run(words)
                run.bold = style == "bold"
                run.italic = style == "italic"
                if block.size:
                    run.font.size = Pt(block.size)
                for _ in range(breaks_here):
                    rendered_break(run)
                page += breaks_here
            last_paragraph = paragraph

    when = datetime.datetime.fromisoformat(info["published"] + "T09:00:00")
    properties = document.core_properties
    properties.title = info["title"]
    properties.author = info["author"]
    properties.last_modified_by = info["author"]
    properties.created = properties.modified = properties.last_printed = when
    properties.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    write_stable_zip(path, buffer.getvalue())


def word_runs(words, breaks):
    """Group words into runs of one style, starting a new run at every page break.

    Yields (text, style, number of rendered page breaks before the run). A run carries its
    leading space so the paragraph's text reads exactly as printed.
    """
    runs, current, style, pending = [], [], None, 0
    break_at = {}
    for word_index in breaks:
        break_at[word_index] = break_at.get(word_index, 0) + 1
    for index, word in enumerate(words):
        starts_page = break_at.get(index, 0)
        if current and (word.style != style or starts_page):
            runs.append((" ".join(current), style, pending))
            current, pending = [], 0
            current.append("")  # keeps the space between this run and the previous one
        current.append(word.text)
        style = word.style
        pending += starts_page
    if current:
        runs.append((" ".join(current), style, pending))
    return runs


def write_stable_zip(path, data: bytes) -> None:
    """Rewrite the package with fixed entry dates, so the same report gives the same bytes."""
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(path, "w") as target:
        for entry in source.infolist():
            stable = zipfile.ZipInfo(entry.filename, date_time=FIXED_ZIP_DATE)
            stable.compress_type = zipfile.ZIP_DEFLATED
            stable.external_attr = 0o600 << 16
            target.writestr(stable, source.read(entry.filename))

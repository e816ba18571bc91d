"""Layouts the real-passages development split does not show, but the bodies do publish: labels
("Recommendation 12:", "Recommendation 3."), lettered and misprinted numbers, addressee groups
("To the Minister"), ordered lists, verdicts on the item's own line or in a table, and the other
kinds (requirements, areas for improvement, key concerns, causes of concern, action points,
notable positive practice).

The documents in unseen_layouts/ are written for these tests in the style of the real passages (a
publisher line, a title and date line, the chapter heading, sub-headings, short introductions,
then the items); gold.jsonl marks their findings by the real-passages conventions. Only the HTML
is kept: the DOCX and PDF are made from it here, the way the real passages were (Word's default
styles; an A4 PDF with the page number in the footer)."""

from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from scrutiny.core.scoring import read_jsonl, score_directories

HERE = Path(__file__).parent / "unseen_layouts"
GOLD = HERE / "gold.jsonl"
FONTS = Path("/usr/share/fonts/truetype/dejavu")


def parts_of(html_path: Path) -> list[tuple]:
    """The page as a flat list: (tag, text, extra)."""
    tree = LexborHTMLParser(html_path.read_text(encoding="utf-8"))
    parts = []

    def text(node):
        return " ".join(node.text(deep=True).split())

    def walk(node, in_header=False):
        for child in node.iter():
            tag = child.tag
            if tag in ("h1", "h2", "h3"):
                parts.append((tag, text(child), None))
            elif tag == "p":
                style = "meta" if in_header else (child.attributes.get("class") or "")
                if child.css_first("strong") is not None and text(child.css_first("strong")) == text(child):
                    style = "strong"
                parts.append(("p", text(child), style))
            elif tag in ("ul", "ol"):
                number = int(child.attributes.get("start") or 1)
                for item in child.css("li"):
                    parts.append(("li", text(item), number if tag == "ol" else None))
                    number += 1
            elif tag == "table":
                rows = [[text(cell) for cell in row.css("th, td")] for row in child.css("tr")]
                parts.append(("table", "", rows))
            else:
                walk(child, in_header or tag == "header")

    walk(tree.body)
    return parts


def write_docx(parts, path: Path) -> None:
    import docx

    document = docx.Document()
    for tag, text, extra in parts:
        if tag == "h1":
            document.add_paragraph(text, style="Title")
        elif tag in ("h2", "h3"):
            document.add_paragraph(text, style="Heading 1" if tag == "h2" else "Heading 2")
        elif tag == "li":
            document.add_paragraph(text, style="List Number" if extra else "List Bullet")
        elif tag == "table":
            table = document.add_table(rows=len(extra), cols=len(extra[0]))
            for row, cells in zip(table.rows, extra):
                for cell, value in zip(row.cells, cells):
                    cell.text = value
        else:
            paragraph = document.add_paragraph()
            run = paragraph.add_run(text)
            if extra == "meta":
                run.font.size = docx.shared.Pt(9.5)
            elif extra == "indent":
                run.italic = True
                paragraph.paragraph_format.left_indent = docx.shared.Cm(0.8)
            elif extra == "strong":
                run.bold = True
    document.save(str(path))


def write_pdf(parts, path: Path) -> None:
    from fpdf import FPDF

    class Page(FPDF):
        def footer(self):
            self.set_y(-15)
            self.set_font("sans", size=9)
            self.cell(0, 6, str(self.page_no()), align="C")

    pdf = Page(format="A4")
    pdf.set_margins(22, 24, 22)
    pdf.set_auto_page_break(True, margin=24)
    for style, name in (("", "DejaVuSerif"), ("B", "DejaVuSerif-Bold"), ("I", "DejaVuSerif-Italic")):
        pdf.add_font("serif", style, str(FONTS / f"{name}.ttf"))
    for style, name in (("", "DejaVuSans"), ("B", "DejaVuSans-Bold")):
        pdf.add_font("sans", style, str(FONTS / f"{name}.ttf"))
    pdf.add_page()
    width = pdf.epw
    for tag, text, extra in parts:
        if tag in ("h1", "h2", "h3"):
            size = {"h1": 17, "h2": 14, "h3": 11.5}[tag]
            pdf.ln(3)
            pdf.set_font("sans", "B", size)
            pdf.multi_cell(width, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif tag == "li":
            pdf.set_font("serif", size=11)
            pdf.set_x(pdf.l_margin + 4)
            pdf.cell(6, 5.6, f"{extra}." if extra else "\u2022")
            pdf.multi_cell(width - 10, 5.6, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
        elif tag == "table":
            pdf.set_font("serif", size=10)
            with pdf.table(col_widths=(12, 90, 48), first_row_as_headings=True) as table:
                for cells in extra:
                    row = table.row()
                    for value in cells:
                        row.cell(value)
            pdf.ln(3)
        else:
            if extra == "meta":
                pdf.set_font("sans", size=9.5)
            elif extra == "indent":
                pdf.set_font("serif", "I", 11)
                pdf.set_x(pdf.l_margin + 8)
            else:
                pdf.set_font("serif", "B" if extra == "strong" else "", 11)
            pdf.multi_cell(pdf.epw - (8 if extra == "indent" else 0), 5.6, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2.5)
    pdf.output(str(path))


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    folder = tmp_path_factory.mktemp("unseen_layouts")
    for html_path in sorted(HERE.glob("*.html")):
        (folder / html_path.name).write_bytes(html_path.read_bytes())
        parts = parts_of(html_path)
        write_docx(parts, folder / f"{html_path.stem}.docx")
        write_pdf(parts, folder / f"{html_path.stem}.pdf")
    return score_directories([folder], gold_file=GOLD)


def test_every_document_has_gold():
    docs = {item["doc"] for item in read_jsonl(GOLD)}
    assert docs == {path.stem for path in HERE.glob("*.html")}


@pytest.mark.parametrize("fmt", ["html", "docx", "pdf"])
def test_findings_in_unseen_layouts_are_found(scores, fmt):
    score = scores[fmt]
    assert score.documents == len(list(HERE.glob("*.html")))
    assert score.overall.f1() >= 0.95, score.weak_documents


@pytest.mark.parametrize("fmt", ["html", "docx", "pdf"])
def test_numbers_kinds_and_verdicts_in_unseen_layouts(scores, fmt):
    agreement = scores[fmt].agreement
    for name in ("number", "kind", "status"):
        right, asked = agreement[name]
        assert asked and right / asked >= 0.95, (name, right, asked)

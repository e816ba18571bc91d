"""The annual report pack as an accessible PDF, with fpdf2.

fpdf2 2.8 writes a StructTreeRoot and /MarkInfo, but tags only images with alt text, links and
outline titles, all flat under /Document: text, headings and tables are left untagged. So this
module keeps its own structure tree (NestedStructure, on fpdf2's StructElem and parent tree)
and marks every piece of content it writes: H1 and H2 headings, P paragraphs, L/LI lists,
Figure (a chart drawn with fpdf2's shapes, with its alt text) and Table > TR > TH/TD, in the
order they are written, so the reading order is the content order. A table's header row repeated
on a new page is marked as an artifact, as a screen reader should not read it twice. Also: the
document's language (en-GB), title (shown in the viewer's title bar), bookmarks for every
heading, and an embedded Unicode font so the text extracts as written.

This relies on fpdf2's structure classes (StructElem, StructureTreeBuilder) and one private
method; it is not a validated PDF/UA file.
"""

from contextlib import contextmanager

from fpdf import FPDF, ViewerPreferences
from fpdf.structure_tree import StructElem, StructureTreeBuilder

from scrutiny.analysis.charts import COLOURS, MUTED
from scrutiny.annual_report.images import BOLD, REGULAR, font_path
from scrutiny.annual_report.word import cell_text

LANGUAGE = "en-GB"
LINE = 5.2  # mm, body text line height


class NestedStructure(StructureTreeBuilder):
    """fpdf2's structure tree, with elements nested under others (Table > TR > TD, L > LI) and the
    marked-content ids counted per page over every element, nested or not."""

    def __init__(self) -> None:
        super().__init__()
        self.next_mcid: dict[int, int] = {}
        self.pages: dict = {}  # page number → PDFPage, set by the document

    def next_mcid_for_page(self, page_number: int) -> int:
        return self.next_mcid.get(page_number, 0)

    def add_marked_content(self, page_number, struct_type, mcid=None, title=None, alt_text=None, parent=None):
        spid = self.spid_per_page_number.setdefault(page_number, len(self.spid_per_page_number))
        parent = parent or self.doc_struct_elem
        element = StructElem(struct_type=struct_type, parent=parent, kids=[] if mcid is None else [mcid],
                             page_number=page_number, title=title, alt=alt_text)
        parent.k.append(element)
        if parent is not self.doc_struct_elem:
            element.pg = self.pages[page_number]  # fpdf2 sets /Pg only on the Document's children
        if mcid is not None:
            self.next_mcid[page_number] = mcid + 1
            self.struct_tree_root.parent_tree.nums[spid].append(element)
        return element, spid

    def __iter__(self):
        yield self.struct_tree_root
        yield self.doc_struct_elem
        yield self.struct_tree_root.parent_tree
        stack = list(reversed(self.doc_struct_elem.k))
        while stack:
            element = stack.pop()
            yield element
            stack.extend(reversed([kid for kid in element.k if isinstance(kid, StructElem)]))


class TaggedPDF(FPDF):
    def __init__(self, title: str):
        super().__init__(format="A4")
        self.struct_builder = NestedStructure()
        self.set_title(title)
        self.set_lang(LANGUAGE)
        self.set_author("UK National Preventive Mechanism")
        self.set_creator("Scrutiny – Reporting Dashboard")
        self.viewer_preferences = ViewerPreferences(display_doc_title=True)
        self.set_auto_page_break(True, margin=18)
        regular, bold = font_path(REGULAR), font_path(BOLD)
        if regular and bold:
            self.add_font("Body", "", str(regular))
            self.add_font("Body", "B", str(bold))
            self.family = "Body"
        else:  # no TrueType font on the machine: the core font, Latin-1 only
            self.family = "Helvetica"
        self.set_font(self.family, size=11)

    def text_of(self, text: str) -> str:
        if self.family == "Helvetica":
            return text.replace("–", "-").replace("“", '"').replace("”", '"').replace("’", "'").replace("…", "...").encode("latin-1", "replace").decode("latin-1")
        return text

    def add_page(self, *args, **kwargs):
        super().add_page(*args, **kwargs)
        self.struct_builder.pages[self.page] = self.pages[self.page]

    def footer(self):
        with self.artifact():
            self.set_y(-12)
            self.set_font(self.family, size=8)
            self.set_text_color(MUTED)
            self.cell(0, 5, self.text_of(f"{self.title} – page {self.page_no()}"), align="C")
            self.set_text_color(0)

    @contextmanager
    def artifact(self):
        self._out("/Artifact BMC")
        yield
        self._out("EMC")

    def element(self, struct_type: str, parent=None, alt: str | None = None):
        """A structure element with no content of its own (Table, TR, L)."""
        element, _spid = self.struct_builder.add_marked_content(self.page, struct_type, parent=parent, alt_text=alt)
        return element

    @contextmanager
    def tagged(self, struct_type: str, parent=None, alt: str | None = None):
        """Content marked as one structure element; it must not cross a page (callers check)."""
        mcid = self.struct_builder.next_mcid_for_page(self.page)
        element, spid = self.struct_builder.add_marked_content(self.page, struct_type, mcid=mcid, parent=parent, alt_text=alt)
        self.pages[self.page].struct_parents = spid
        self._set_min_pdf_version("1.4")
        self._out(f"{struct_type} <</MCID {mcid}>> BDC")
        yield element
        self._out("EMC")

    def room_for(self, height: float) -> None:
        if self.y + height > self.page_break_trigger:
            self.add_page()

    def paragraph(self, text: str, size: float = 11, bold: bool = False, struct_type: str = "/P", parent=None, after: float = 2.5) -> None:
        self.set_font(self.family, "B" if bold else "", size)
        text = self.text_of(text)
        line = size * 0.47
        self.room_for(self.multi_cell(self.epw, line, text, dry_run=True, output="HEIGHT"))
        with self.tagged(struct_type, parent=parent):
            self.multi_cell(self.epw, line, text, new_x="LMARGIN", new_y="NEXT")
        self.ln(after)

    def heading(self, text: str, level: int) -> None:
        size = {0: 20, 1: 16, 2: 13}[level]
        self.room_for(size * 0.47 * 2 + 20)  # a heading is not left alone at the foot of a page
        self.ln(2)
        self.start_section(self.text_of(text), level=level)
        self.paragraph(text, size=size, bold=True, struct_type=f"/H{level + 1}", after=2)

    def bullets(self, items: list[str]) -> None:
        if not items:
            return
        self.set_font(self.family, "", 11)
        listed = self.element("/L")
        for item in items:
            text = self.text_of("•  " + item)
            self.room_for(self.multi_cell(self.epw - 4, LINE, text, dry_run=True, output="HEIGHT"))
            self.set_x(self.l_margin + 4)
            with self.tagged("/LI", parent=listed):
                self.multi_cell(self.epw - 4, LINE, text, new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def chart(self, chart) -> None:
        """A bar chart drawn with rectangles and text, marked as one Figure with its alt text."""
        row, label_width = 7.0, 58.0
        height = 10 + row * len(chart.bars) + 4
        self.room_for(height)
        top, left = self.y, self.l_margin
        plot_left = left + label_width + 2
        plot_width = self.epw - label_width - 2 - 28
        peak = max((b.value for b in chart.bars), default=0) or 1
        with self.tagged("/Figure", alt=self.text_of(chart.title + ". " + chart.description)):
            self.set_font(self.family, "B", 11)
            self.set_xy(left, top)
            self.cell(self.epw, 6, self.text_of(chart.title))
            self.set_font(self.family, "", 8.5)
            red, green, blue = (int(COLOURS[0][i:i + 2], 16) for i in (1, 3, 5))
            self.set_fill_color(red, green, blue)
            for i, bar in enumerate(chart.bars):
                y = top + 9 + i * row
                self.set_xy(left, y)
                self.cell(label_width, row - 1, self.text_of(_fit(self, bar.label, label_width)), align="R")
                width = max(plot_width * bar.value / peak, 0.3 if bar.value else 0)
                if width:
                    self.rect(plot_left, y + 0.5, width, row - 2, style="F")
                self.set_xy(plot_left + width + 1, y)
                self.cell(26, row - 1, self.text_of(f"{bar.value:,g}" + (" " + bar.note if bar.note else "")))
        self.set_xy(left, top + height)

    def table(self, table) -> None:
        """A pack Table: caption, a header row repeated (as an artifact) on each new page, wrapped cells."""
        widths = _widths(self, table)
        self.set_font(self.family, "B", 9)
        first = [cell_text(value, column) for value, column in zip(table.rows[0], table.columns)] if table.rows else []
        # The caption stays with the header row and the first row.
        self.room_for(8 + self._row_height([c.name for c in table.columns], widths) + (self._row_height(first, widths) if first else 0))
        self.paragraph(table.caption, size=10, bold=True, struct_type="/Caption", after=1)
        self.set_font(self.family, "", 9)
        grid = self.element("/Table")
        header = [c.name for c in table.columns]
        self._row(grid, header, widths, header=True)
        for row in table.rows:
            cells = [cell_text(value, column) for value, column in zip(row, table.columns)]
            needed = self._row_height(cells, widths)
            if self.y + needed > self.page_break_trigger:
                self.add_page()
                with self.artifact():
                    self._draw_row(header, widths, bold=True, numeric=[False] * len(widths))
            self._row(grid, cells, widths, numeric=[c.kind != "label" for c in table.columns])
        self.ln(4)

    def _row_height(self, cells, widths) -> float:
        return max(self.multi_cell(w, 4.6, self.text_of(text), dry_run=True, output="HEIGHT", padding=(0.8, 1.2))
                   for text, w in zip(cells, widths))

    def _row(self, grid, cells, widths, header=False, numeric=None) -> None:
        numeric = numeric or [False] * len(cells)
        self.room_for(self._row_height(cells, widths))
        tr = self.element("/TR", parent=grid)
        self._draw_row(cells, widths, bold=header, numeric=numeric, tr=tr, cell_type="/TH" if header else "/TD")

    def _draw_row(self, cells, widths, bold=False, numeric=(), tr=None, cell_type=None) -> None:
        self.set_font(self.family, "B" if bold else "", 9)
        height = self._row_height(cells, widths)
        top, x = self.y, self.l_margin
        for i, (text, width) in enumerate(zip(cells, widths)):
            self.rect(x, top, width, height)
            self.set_xy(x, top)
            align = "R" if numeric and numeric[i] else "L"
            if tr is None:
                self.multi_cell(width, 4.6, self.text_of(text), align=align, padding=(0.8, 1.2))
            else:
                with self.tagged(cell_type if i or cell_type == "/TH" else "/TH", parent=tr):
                    self.multi_cell(width, 4.6, self.text_of(text), align=align, padding=(0.8, 1.2))
            x += width
        self.set_xy(self.l_margin, top + height)


def _fit(pdf, text: str, width: float) -> str:
    if pdf.get_string_width(text) <= width - 1:
        return text
    while text and pdf.get_string_width(text + "…") > width - 1:
        text = text[:-1]
    return text.rstrip() + "…"


def _widths(pdf, table) -> list[float]:
    """Label columns get the room their text needs (within reason); numbers a narrow column."""
    count = len(table.columns)
    numeric = [c.kind != "label" or all(len(str(r[i])) < 12 for r in table.rows) for i, c in enumerate(table.columns)]
    narrow = 24.0
    wide = [i for i in range(count) if not numeric[i]] or [0]
    rest = pdf.epw - narrow * (count - len(wide))
    return [rest / len(wide) if i in wide else narrow for i in range(count)]


def pack_pdf(pack) -> bytes:
    pdf = TaggedPDF(pack.title)
    pdf.add_page()
    pdf.heading(pack.title, 0)
    pdf.paragraph(f"Reporting year {pack.year} (April {pack.year[:4]} to March {int(pack.year[:4]) + 1}). "
                  f"Made on {pack.made.day} {pack.made:%B %Y} from the Reporting Dashboard ({pack.address}).")
    for section in pack.sections:
        pdf.heading(section.heading, 1)
        for text in section.paragraphs:
            pdf.paragraph(text)
        pdf.bullets(section.bullets)
        for figure in section.figures:
            pdf.heading(figure.heading, 2)
            if figure.summary:
                pdf.paragraph(figure.summary)
            if figure.chart:
                pdf.chart(figure.chart)
            for note in figure.notes:
                pdf.paragraph(note, size=9)
            if figure.table.rows:
                pdf.table(figure.table)
    return bytes(pdf.output())

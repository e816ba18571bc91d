"""Pages a report the way a word processor would: lines, page breaks, running heads.

Both the PDF and the DOCX writer follow these pages, so a finding's gold page is the page it
really starts on in either file, and paragraphs that run over a page do so at the same word.
"""

from dataclasses import dataclass, field

from scrutiny_demo.document import ContentsEntry, Heading, PageBreak, Paragraph, Report, Table
from scrutiny_demo.fonts import FontMetrics

PAGE_WIDTH, PAGE_HEIGHT = 595.28, 841.89  # A4 in points
LEFT, RIGHT, TOP, BOTTOM = 72.0, 72.0, 80.0, 78.0
TEXT_WIDTH = PAGE_WIDTH - LEFT - RIGHT
HANG = 38.0  # the column that holds paragraph numbers
BULLET_HANG = 16.0
INDENT_STEP = 24.0
HEADING_SIZES = {1: 16.0, 2: 13.0, 3: 11.5, 4: 10.5}
LIST_SPACING = 1.1  # in body sizes: the gap above each finding
FOOT_SLACK = 6.0  # in body sizes: how ragged the foot of a page may be below a finding


@dataclass
class Word:
    text: str
    style: str


@dataclass
class Line:
    """One printed line: (x offset, style, size, text) segments and the words it starts at."""

    segments: list
    height: float
    first_word: int = 0
    space_before: float = 0.0


@dataclass
class PagedReport:
    pages: list = field(default_factory=list)  # per page, a list of drawing operations
    block_start_page: dict = field(default_factory=dict)  # block index -> 1-based page
    paragraph_breaks: dict = field(default_factory=dict)  # block index -> [word index, ...]
    heading_page: dict = field(default_factory=dict)  # id(heading) -> page

    @property
    def page_count(self) -> int:
        return len(self.pages)


class Typesetter:
    def __init__(self, report: Report):
        self.report = report
        self.size = report.body_size
        self.leading = 1.32
        self.metrics = {s: FontMetrics(report.font, s) for s in ("regular", "bold", "italic")}

    # --- lines -----------------------------------------------------------------------------
    def wrap(self, words, width, size, x0=0.0):
        """Greedy line filling; returns lists of (word index, word) per line."""
        lines, current, used = [], [], 0.0
        for index, word in enumerate(words):
            metrics = self.metrics[word.style]
            w = metrics.width(word.text) * size
            gap = metrics.space * size if current else 0.0
            if current and used + gap + w > width:
                lines.append(current)
                current, used, gap = [], 0.0, 0.0
            current.append((index, word))
            used += gap + w
        if current:
            lines.append(current)
        return lines

    def segments(self, line_words, size, x0):
        """Join words of the same style into segments with their x offsets."""
        segments, x, run_style, run_text, run_x = [], x0, None, [], x0
        for _, word in line_words:
            metrics = self.metrics[word.style]
            if run_style is not None and word.style != run_style:
                segments.append((run_x, run_style, size, " ".join(run_text)))
                run_text, run_x = [], x
            if run_style is None:
                run_x = x
            run_style = word.style
            run_text.append(word.text)
            x += (metrics.width(word.text) + metrics.space) * size
        if run_text:
            segments.append((run_x, run_style, size, " ".join(run_text)))
        return segments

    def paragraph_lines(self, paragraph: Paragraph) -> list[Line]:
        size = paragraph.size or self.size
        words = paragraph_words(paragraph)
        indent = paragraph.indent * INDENT_STEP
        marker = "\u2022" if paragraph.bullet else paragraph.number
        hang = BULLET_HANG if paragraph.bullet else (HANG if paragraph.number else 0.0)
        width = TEXT_WIDTH - indent - hang
        wrapped = self.wrap(words, width, size)
        if not wrapped:  # a spacer: blank vertical space, as authors press Enter on a cover
            return [Line([], size * self.leading)]
        lines = []
        for n, line_words in enumerate(wrapped):
            x0 = indent + hang
            if paragraph.align == "centre":
                used = sum(
                    (self.metrics[w.style].width(w.text) + self.metrics[w.style].space) * size
                    for _, w in line_words
                )
                x0 = max(0.0, (TEXT_WIDTH - used) / 2)
            segments = self.segments(line_words, size, x0)
            if n == 0 and marker:
                segments.insert(0, (indent, "bold" if paragraph.bullet else "regular", size, marker))
            lines.append(Line(segments, size * self.leading, first_word=line_words[0][0]))
        if lines:
            # Findings are set as a list with a blank line between items; narrative runs closer.
            lines[0].space_before = size * (LIST_SPACING if paragraph.finding is not None else 0.55)
        return lines

    def heading_lines(self, heading: Heading) -> list[Line]:
        size = HEADING_SIZES[heading.level]
        words = [Word(t, "bold") for t in heading.printed.split()]
        lines = [
            Line(self.segments(ws, size, 0.0), size * 1.25, first_word=ws[0][0])
            for ws in self.wrap(words, TEXT_WIDTH, size)
        ]
        lines[0].space_before = size * (1.1 if heading.level > 1 else 0.6)
        return lines

    def table_rows(self, table: Table) -> list[Line]:
        size = self.size - 1.0
        rows = []
        for r, row in enumerate([table.header, *table.rows]):
            style = "bold" if r == 0 else "regular"
            x, segments, depth = 0.0, [], 1
            for cell, fraction in zip(row, table.widths):
                width = fraction * TEXT_WIDTH
                wrapped = self.wrap([Word(t, style) for t in str(cell).split()], width - 8, size)
                for n, ws in enumerate(wrapped):
                    for seg in self.segments(ws, size, x + 4):
                        segments.append((seg[0], seg[1], seg[2], seg[3], n))
                depth = max(depth, len(wrapped))
                x += width
            rows.append(Line(segments, depth * size * 1.25 + 6, space_before=0.0))
        return rows


def paragraph_words(paragraph: Paragraph) -> list[Word]:
    """The paragraph as styled words: the bold label first, then the text."""
    words = [Word(t, "bold") for t in paragraph.label.split()] if paragraph.label else []
    words += [Word(t, paragraph.emphasis) for t in paragraph.text.split()]
    return words


class Pager:
    """Places lines on pages, keeping headings with what follows and avoiding orphans."""

    def __init__(self, report: Report):
        self.report = report
        self.typesetter = Typesetter(report)
        self.paged = PagedReport()
        self.contents_slots = []
        self.new_page()

    def new_page(self):
        self.paged.pages.append([])
        self.y = TOP

    @property
    def page_number(self):
        return len(self.paged.pages)

    @property
    def room(self):
        return PAGE_HEIGHT - BOTTOM - self.y

    def at_top(self):
        return self.y == TOP

    def draw_line(self, line: Line, size_for_baseline: float):
        if not self.at_top():
            self.y += line.space_before
        baseline = self.y + size_for_baseline
        for x, style, size, text in line.segments:
            self.paged.pages[-1].append(("text", LEFT + x, baseline, style, size, text))
        self.y += line.height

    def place_all(self) -> PagedReport:
        blocks = self.report.blocks
        for index, block in enumerate(blocks):
            if isinstance(block, PageBreak):
                if not self.at_top():
                    self.new_page()
                continue
            if isinstance(block, Heading):
                self.place_heading(index, block, blocks[index + 1 : index + 2])
            elif isinstance(block, Paragraph):
                self.place_paragraph(index, block)
            elif isinstance(block, Table):
                self.place_table(index, block)
            elif isinstance(block, ContentsEntry):
                self.place_contents_entry(index, block)
        self.fill_contents()
        self.add_running_heads()
        return self.paged

    def place_heading(self, index, heading, following):
        lines = self.typesetter.heading_lines(heading)
        needed = sum(l.height + l.space_before for l in lines) + 2.5 * self.typesetter.size * 1.32
        if following and isinstance(following[0], Table):
            needed += 40
        if needed > self.room and not self.at_top():
            self.new_page()
        self.paged.block_start_page[index] = self.page_number
        self.paged.heading_page[id(heading)] = self.page_number
        for line in lines:
            self.draw_line(line, HEADING_SIZES[heading.level])

    def place_paragraph(self, index, paragraph):
        lines = self.typesetter.paragraph_lines(paragraph)
        size = paragraph.size or self.typesetter.size
        # Narrative keeps two lines together at the foot of a page, as Word's orphan control
        # does; findings are typed with it switched off, so some start on the last line.
        keep = 1 if paragraph.finding is not None else 2
        first = sum(l.height for l in lines[:keep]) + lines[0].space_before
        # A page may run one line long to start a finding that then continues overleaf.
        long = lines[0].height if paragraph.finding is not None and len(lines) > 1 else 0.0
        if first > self.room + long and not self.at_top():
            self.new_page()
        self.paged.block_start_page[index] = self.page_number
        carry = self.carry_over(lines) if paragraph.finding is not None else 0
        breaks = []
        for n, line in enumerate(lines):
            room = self.room + (long if n == 0 else 0)
            fits = line.height + (0 if self.at_top() else line.space_before) <= room
            if (not fits or n == len(lines) - carry) and not self.at_top():
                self.new_page()
                breaks.append(line.first_word)
            self.draw_line(line, size)
        if breaks:
            self.paged.paragraph_breaks[index] = breaks

    def carry_over(self, lines) -> int:
        """How many closing lines of a finding to carry to the next page although they fit.

        The page bottom is ragged: a finding that would end within FOOT_SLACK of the foot
        breaks before its last line (its last two, when it has four lines or more), as a
        word processor does when a paragraph is kept with what follows it. Findings that
        simply do not fit run over on their own.
        """
        if len(lines) < 2 or self.at_top():
            return 0
        needed = sum(l.height for l in lines) + lines[0].space_before
        if needed > self.room or self.room - needed >= FOOT_SLACK * self.typesetter.size:
            return 0
        return 2 if len(lines) >= 4 else 1

    def place_table(self, index, table):
        rows = self.typesetter.table_rows(table)
        if rows[0].height + (rows[1].height if len(rows) > 1 else 0) > self.room:
            self.new_page()
        self.paged.block_start_page[index] = self.page_number
        self.y += 6
        size = self.typesetter.size - 1.0
        for r, row in enumerate(rows):
            if row.height > self.room and not self.at_top():
                self.new_page()
            top = self.y
            ops = self.paged.pages[-1]
            if r == 0:
                ops.append(("rect", LEFT, top, TEXT_WIDTH, row.height, 0.88))
            for x, style, sz, text, line_no in row.segments:
                baseline = top + 3 + sz + line_no * sz * 1.25
                ops.append(("text", LEFT + x, baseline, style, sz, text))
            ops.append(("rule", LEFT, top + row.height, LEFT + TEXT_WIDTH, top + row.height))
            self.y += row.height
        self.y += size

    def place_contents_entry(self, index, entry):
        size = self.typesetter.size
        if size * 1.6 > self.room:
            self.new_page()
        self.paged.block_start_page[index] = self.page_number
        indent = (entry.heading.level - 1) * INDENT_STEP
        baseline = self.y + size
        page_ops = self.paged.pages[-1]
        page_ops.append(("text", LEFT + indent, baseline, "regular", size, entry.heading.printed))
        self.contents_slots.append((page_ops, len(page_ops), baseline, entry.heading))
        page_ops.append(None)  # the page number, known once every chapter is placed
        self.y += size * 1.6

    def fill_contents(self):
        metrics = self.typesetter.metrics["regular"]
        size = self.typesetter.size
        for page_ops, slot, baseline, heading in self.contents_slots:
            number = str(self.paged.heading_page.get(id(heading), ""))
            x = LEFT + TEXT_WIDTH - metrics.width(number) * size
            page_ops[slot] = ("text", x, baseline, "regular", size, number)

    def add_running_heads(self):
        metrics = self.typesetter.metrics["regular"]
        for number, ops in enumerate(self.paged.pages, start=1):
            if number == 1:
                continue  # the cover carries no running head
            ops.insert(0, ("text", LEFT, 46.0, "regular", 8.0, self.report.running_header))
            footer = f"{self.report.footer_title}  {number}"
            x = LEFT + TEXT_WIDTH - metrics.width(footer) * 8.5
            ops.append(("text", x, PAGE_HEIGHT - 44.0, "regular", 8.5, footer))


def paginate(report: Report) -> PagedReport:
    paged = Pager(report).place_all()
    for index, block in enumerate(report.blocks):
        if isinstance(block, Paragraph) and block.finding is not None:
            block.finding.page = finding_start_page(paged, index, block)
    return paged


def finding_start_page(paged: PagedReport, index: int, paragraph: Paragraph) -> int:
    """The page of the finding's first word (its label may sit on the page before)."""
    page = paged.block_start_page[index]
    first_text_word = len(paragraph.label.split()) if paragraph.label else 0
    for break_word in paged.paragraph_breaks.get(index, []):
        if break_word <= first_text_word:
            page += 1
    return page

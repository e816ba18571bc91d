"""PDF → blocks: drop running headers and footers, find headings by type size and weight, join
lines into paragraphs and paragraphs that run on across a page break."""

import re
import statistics
from collections import Counter

from scrutiny.core.document import HEADING, LIST_ITEM, PARAGRAPH, Block, Document
from scrutiny.core.text.pdf_lines import Line, PageLines, read_pdf_pages

PAGE_NUMBER = re.compile(
    r"^(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$|^[-\u2013]\s*\d{1,4}\s*[-\u2013]$|^[ivxlc]{1,6}$",
    re.IGNORECASE,
)
# A new numbered item: "11.3 The ...", "1. The ...", "(a) The ...", "Recommendation 12: ...".
ITEM_START = re.compile(
    r"^(?:\d{1,3}(?:\.\d{1,3}){0,3}\.?|\(?[a-z]{1,3}\)|\(\d{1,3}\))\s+\S"
    r"|^(?:Recommendation|Concern|Key concern|Priority concern|Area for improvement|Requirement)"
    r"s?\s*(?:\d+\s*)?:",  # not \s*\d*\s*, which tries every split of a long run of spaces
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"[.!?:;)\]\"'\u201d\u2019]$")
EDGE_LINES = 2


def read_pdf(path, name: str) -> Document:
    pages = read_pdf_pages(path)
    strip_running_lines(pages)
    lines = [line for page in pages for line in page.lines]
    style = TypeStyle(lines)
    blocks = line_blocks(lines, style)
    number_heading_levels(blocks, style)
    return Document(name=name, format="pdf", blocks=blocks, page_count=len(pages))


def running_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", text.lower())).strip()


def edge_lines(page: PageLines) -> list[Line]:
    ordered = sorted(page.lines, key=lambda line: -line.top)
    return ordered[:EDGE_LINES] + ordered[-EDGE_LINES:]


def is_page_number(line: Line, page: PageLines) -> bool:
    if not PAGE_NUMBER.match(line.text):
        return False
    in_margin = line.top > page.height * 0.9 or line.bottom < page.height * 0.1
    others = [other for other in page.lines if other is not line]
    if not others:
        return True
    nearest_gap = min(abs(line.bottom - other.top) for other in others if other.top != line.top) \
        if any(other.top != line.top for other in others) else 0
    return in_margin or nearest_gap > 1.5 * max(line.height, 1)


def strip_running_lines(pages: list[PageLines]) -> None:
    """Headers and footers repeat on most pages (page numbers aside); the report's text does not."""
    counts = Counter()
    for page in pages:
        counts.update({running_key(line.text) for line in edge_lines(page)})
    threshold = max(2, len(pages) // 2)
    repeated = {key for key, count in counts.items() if count >= threshold} if len(pages) > 1 else set()
    for page in pages:
        edges = edge_lines(page)
        extremes = {id(line) for line in edges[:1] + edges[-1:]}
        drop = {
            id(line)
            for line in edges
            if running_key(line.text) in repeated or (id(line) in extremes and is_page_number(line, page))
        }
        page.lines = [line for line in page.lines if id(line) not in drop]


class TypeStyle:
    """What body text looks like in this document, so headings can be told apart from it."""

    def __init__(self, lines: list[Line]):
        sizes = Counter()
        for line in lines:
            sizes[line.size] += len(line.text)
        self.body_size = sizes.most_common(1)[0][0] if sizes else 0
        gaps = [
            upper.bottom - lower.top
            for upper, lower in zip(lines, lines[1:])
            if upper.page == lower.page and upper.size == lower.size == self.body_size
            and 0 <= upper.bottom - lower.top < 3 * max(upper.height, 1)
        ]
        # The gap between lines of one paragraph: the smaller gaps, since where most paragraphs are a
        # line or two (lists of findings) the median is the space between paragraphs.
        self.line_gap = sorted(gaps)[len(gaps) // 5] if gaps else 2.0
        body = [line for line in lines if line.size == self.body_size]
        self.column_right = max((line.right for line in body), default=0)
        self.column_left = min((line.left for line in body), default=0)
        # The foot of the text area: the lowest body line of the fullest page.
        self.text_bottom = min((line.bottom for line in body), default=0)
        self.line_pitch = statistics.median([line.height for line in body]) + self.line_gap if body else 12
        for line in lines:
            line.heading = self.looks_like_heading(line)
        self.heading_sizes = sorted({line.size for line in lines if line.heading}, reverse=True)

    def looks_like_heading(self, line: Line) -> bool:
        if not self.body_size or len(line.text) > 200:
            return False
        if line.size >= self.body_size + 0.5:
            return True
        return line.bold and line.size >= self.body_size - 0.3 and not line.text.endswith((",", ";"))

    def ends_page_early(self, line: Line) -> bool:
        """A page whose text stops two or more lines above the foot: something was carried over."""
        return line.bottom - self.text_bottom >= 2 * self.line_pitch

    def is_short(self, line: Line) -> bool:
        width = self.column_right - self.column_left
        return width > 0 and line.right < self.column_right - 0.2 * width


def line_blocks(lines: list[Line], style: TypeStyle) -> list[Block]:
    """Lines into blocks across the whole document, so a paragraph cut by a page break stays one
    block and keeps the page it starts on."""
    blocks: list[Block] = []
    block_lines: list[Line] = []
    for line in lines:
        if block_lines and starts_new_block(block_lines, line, style):
            blocks.append(make_block(block_lines))
            block_lines = []
        block_lines.append(line)
    if block_lines:
        blocks.append(make_block(block_lines))
    return blocks


def starts_new_block(block_lines: list[Line], line: Line, style: TypeStyle) -> bool:
    previous = block_lines[-1]
    heading = line.heading
    if line.bullet or heading != previous.heading or abs(line.size - previous.size) > 0.4:
        return True
    same_page = line.page == previous.page
    if same_page and line.top > previous.top:  # moved up the page: a new column or a positioned box
        return True
    if same_page and previous.bottom - line.top > style.line_gap + 0.3 * max(line.height, 1):
        return True
    if heading:
        return not same_page
    ends_sentence = bool(SENTENCE_END.search(previous.text))
    if ITEM_START.match(line.text) and (ends_sentence or style.is_short(previous)):
        return True
    if line.left < previous.left - 6:
        return True
    hanging = line.left > block_lines[0].left + 6
    if line.left > previous.left + 6 and len(block_lines) > 1:
        return True
    if not same_page:
        # Over a page break the gap says nothing: a finished sentence ends the paragraph unless
        # the next line carries on a hanging indent or in lower case, or the page stopped short
        # after a line that filled the column (a paragraph's last lines kept together overleaf).
        if not ends_sentence or hanging or line.text[:1].islower():
            return False
        carried_over = style.ends_page_early(previous) and not style.is_short(previous)
        return not carried_over or bool(ITEM_START.match(line.text))
    return ends_sentence and style.is_short(previous) and line.text[:1].isupper()


def join_line_text(lines: list[Line]) -> str:
    text = ""
    for line in lines:
        piece = line.text
        if not text:
            text = piece
        elif text.endswith("\x02"):  # pdfium's mark for a hyphen that only breaks a word
            text = text[:-1] + piece
        elif text.endswith("-") and text[-2:-1].isalpha() and piece[:1].islower():
            text += piece
        else:
            text += " " + piece
    return text.replace("\x02", "-")


def make_block(lines: list[Line]) -> Block:
    first = lines[0]
    if first.heading:
        kind = HEADING
    elif first.bullet:
        kind = LIST_ITEM
    else:
        kind = PARAGRAPH
    block = Block(join_line_text(lines), kind, first.page)
    block.level = first.size  # provisional: replaced by a rank in number_heading_levels
    return block


def number_heading_levels(blocks: list[Block], style: TypeStyle) -> None:
    """Largest type is level 1; a largest size used once, on page 1, is the title (level 0)."""
    sizes = style.heading_sizes
    title_size = None
    if len(sizes) > 1:
        top = [block for block in blocks if block.kind == HEADING and block.level == sizes[0]]
        if len(top) == 1 and top[0].page == 1:
            title_size = sizes[0]
    ranks = [size for size in sizes if size != title_size]
    for block in blocks:
        if block.kind != HEADING:
            block.level = None
        elif block.level == title_size:
            block.level = 0
        else:
            # bold body-size headings sit below every larger size
            block.level = ranks.index(block.level) + 1 if block.level in ranks else len(ranks) + 1

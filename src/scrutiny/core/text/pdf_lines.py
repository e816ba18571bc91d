"""Lines of a PDF page with the little geometry we need: where a line starts and ends, its
font size and weight. One whole-page text call plus a few character look-ups per line keeps
this close to the speed of bare text extraction."""

import ctypes
import re
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from scrutiny.core.document import UnreadableDocument, storable_text

# Browsers and Word draw list bullets as separate glyphs, often after the text of the page.
BULLET_GLYPHS = "\u2022\u25cf\u25aa\u25a0\u25e6\u2023\u2043\u00b7\u2013\u2014-*\uf0b7\uf0a7"
BULLET_ONLY = re.compile(rf"^[{re.escape(BULLET_GLYPHS)}]$")
LEADING_BULLET = re.compile(r"^[\u2022\u25cf\u25aa\u25a0\u25e6\u2023\u2043\u00b7\uf0b7\uf0a7]\s*")


@dataclass(slots=True)
class Line:
    text: str
    page: int
    left: float
    right: float
    top: float
    bottom: float
    size: float
    bold: bool
    bullet: bool = False
    heading: bool = False  # set once the document's body type is known

    @property
    def height(self) -> float:
        return self.top - self.bottom


@dataclass(slots=True)
class PageLines:
    number: int
    width: float
    height: float
    lines: list[Line]


def open_pdf(path):
    with open(path, "rb") as handle:
        head = handle.read(1024)
    if not head:
        raise UnreadableDocument(UnreadableDocument.EMPTY, str(path))
    if b"%PDF" not in head:
        raise UnreadableDocument(UnreadableDocument.NOT_A_PDF, str(path))
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise UnreadableDocument(UnreadableDocument.ENCRYPTED, str(path)) from error
        raise UnreadableDocument(UnreadableDocument.CORRUPT, str(error)) from error


class _CharProbe:
    """Reusable ctypes buffers: allocating them per call would cost more than the calls."""

    def __init__(self):
        self.rect = pdfium_c.FS_RECTF()
        self.rect_ref = ctypes.byref(self.rect)
        self.font_name = ctypes.create_string_buffer(128)
        self.flags = ctypes.c_int()

    def box(self, textpage, index):
        pdfium_c.FPDFText_GetLooseCharBox(textpage, index, self.rect_ref)
        rect = self.rect
        return rect.left, rect.right, rect.top, rect.bottom

    def is_bold(self, textpage, index) -> bool:
        if pdfium_c.FPDFText_GetFontWeight(textpage, index) >= 600:
            return True
        pdfium_c.FPDFText_GetFontInfo(textpage, index, self.font_name, 128, ctypes.byref(self.flags))
        name = self.font_name.value.lower()
        return b"bold" in name or b"black" in name or b"heavy" in name


def read_page_lines(page, number: int, probe: _CharProbe) -> PageLines | None:
    width, height = page.get_size()
    try:
        textpage = page.get_textpage()
    except pdfium.PdfiumError:
        page.close()
        return None
    try:
        # One for one, so positions in the text still find their characters; \x02 is pdfium's
        # mark for a hyphen that only breaks a word, which joining lines needs.
        text = storable_text(textpage.get_text_range(), keep="\x02")
        handle = textpage.raw
        geometry_ok = textpage.count_chars() == len(text)
        lines: list[Line] = []
        bullets: list[tuple[float, float]] = []
        position = 0
        for raw_line in text.split("\r\n"):
            start = position
            position += len(raw_line) + 2
            stripped = raw_line.strip()
            if not stripped:
                continue
            if not geometry_ok:
                lines.append(Line(stripped, number, 0, 0, 0, 0, 0, False))
                continue
            first = start + len(raw_line) - len(raw_line.lstrip())
            last = start + len(raw_line.rstrip()) - 1
            left, _, top, bottom = probe.box(handle, first)
            right = probe.box(handle, last)[1]
            if BULLET_ONLY.match(stripped):
                bullets.append((bottom, top))
                continue
            size = pdfium_c.FPDFText_GetFontSize(handle, first)
            # Lines that fill the column are body text; only the others need the (slower) font look-up.
            might_be_heading = len(stripped) < 60 or right < width * 0.75
            bold = might_be_heading and probe.is_bold(handle, first) and probe.is_bold(handle, last)
            line = Line(stripped, number, left, right, top, bottom, round(size, 1), bold)
            marker = LEADING_BULLET.match(stripped)
            if marker:
                line.text = stripped[marker.end():]
                line.bullet = True
            lines.append(line)
    finally:
        textpage.close()
        page.close()
    for bottom, top in bullets:
        middle = (bottom + top) / 2
        for line in lines:
            if line.bottom <= middle <= line.top:
                line.bullet = True
                break
    return PageLines(number, width, height, [line for line in lines if line.text])


def read_pdf_pages(path) -> list[PageLines]:
    pdf = open_pdf(path)
    try:
        if len(pdf) == 0:
            raise UnreadableDocument(UnreadableDocument.EMPTY, "the PDF has no pages")
        probe = _CharProbe()
        pages = [read_page(pdf, index, probe) for index in range(len(pdf))]
    finally:
        pdf.close()
    if all(page is None for page in pages):
        raise UnreadableDocument(UnreadableDocument.CORRUPT, "no page of the PDF could be read")
    # A damaged page reads as a blank one: the rest of the report keeps its page numbers.
    pages = [page or PageLines(index + 1, 0, 0, []) for index, page in enumerate(pages)]
    if not any(page.lines for page in pages):
        raise UnreadableDocument(UnreadableDocument.NO_TEXT_LAYER, str(path))
    return pages


def read_page(pdf, index: int, probe: _CharProbe) -> PageLines | None:
    """The lines of one page, or None when pdfium cannot load the page or its text."""
    try:
        page = pdf[index]
    except pdfium.PdfiumError:
        return None
    return read_page_lines(page, index + 1, probe)

"""DOCX → blocks, read straight from the package XML (faster than python-docx and it sees page
breaks). Pages come from explicit page breaks and the breaks Word last rendered; headers and
footers live in other parts of the package and are never read."""

import lzma
import re
import zipfile
import zlib

from lxml import etree

from scrutiny.core.document import (
    HEADING, LIST_ITEM, PARAGRAPH, TABLE_CELL, Block, Document, UnreadableDocument, small_number,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HEADING_NAME = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)
LIST_STYLE = re.compile(r"^list (bullet|number|paragraph|continue)", re.IGNORECASE)
SPACES = re.compile(r"\s+")
# What zipfile raises on a damaged package besides BadZipFile: a bad deflate or LZMA stream (a
# bad bzip2 one is an OSError, as is an offset before the start of the file), a stream cut
# short, a compression method or encryption it lacks.
DAMAGED_PACKAGE = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, lzma.LZMAError, OSError, EOFError,
                   NotImplementedError, RuntimeError, ValueError)
# A part is read whole into memory: a zip bomb (a few kB that unpack to gigabytes) is refused by
# the size its package declares, which zipfile holds it to. Real reports' text is a few MB.
MAX_PART_BYTES = 200_000_000


def read_docx(path, name: str) -> Document:
    try:
        with zipfile.ZipFile(path) as package:
            document_xml = read_whole(package, "word/document.xml")
            styles_xml = read_part(package, "word/styles.xml")
            numbering_xml = read_part(package, "word/numbering.xml")
    except KeyError as error:
        raise UnreadableDocument(UnreadableDocument.CORRUPT, "no word/document.xml in the package") from error
    except DAMAGED_PACKAGE as error:
        with open(path, "rb") as handle:
            head = handle.read(8)
        if not head:
            raise UnreadableDocument(UnreadableDocument.EMPTY, str(path)) from error
        if head.startswith(b"\xd0\xcf\x11\xe0"):  # OLE: an encrypted package or a .doc renamed
            raise UnreadableDocument(UnreadableDocument.ENCRYPTED, "password-protected or legacy Word file") from error
        raise UnreadableDocument(UnreadableDocument.CORRUPT, "not a DOCX package, or a damaged one") from error
    try:
        body = etree.fromstring(document_xml).find(f"{W}body")
    except etree.XMLSyntaxError as error:
        raise UnreadableDocument(UnreadableDocument.CORRUPT, str(error)) from error
    reader = BodyReader(Styles(styles_xml), Numbering(numbering_xml))
    if body is not None:
        reader.read(body)
    if not reader.blocks:
        raise UnreadableDocument(UnreadableDocument.EMPTY, "no text in the document")
    page_count = reader.page
    if page_count == 1 and sum(len(block.text) for block in reader.blocks) > ONE_PAGE_OF_TEXT:
        # More than a page of text and not one break, explicit or rendered: the file was not
        # saved by a program that paginates, so its pages are unknown, not all "page 1".
        for block in reader.blocks:
            block.page = None
        page_count = None
    return Document(name=name, format="docx", blocks=reader.blocks, page_count=page_count)


def read_whole(package: zipfile.ZipFile, part: str) -> bytes:
    if package.getinfo(part).file_size > MAX_PART_BYTES:
        raise UnreadableDocument(UnreadableDocument.CORRUPT, f"{part} unpacks to more than {MAX_PART_BYTES:,} bytes")
    return package.read(part)


def read_part(package: zipfile.ZipFile, part: str):
    """An optional part (styles, numbering); missing, damaged or too big, the text is still
    read without it."""
    try:
        return etree.fromstring(read_whole(package, part))
    except (KeyError, UnreadableDocument, etree.XMLSyntaxError, *DAMAGED_PACKAGE):
        return None


def attribute(element, path: str):
    found = element.find(path) if element is not None else None
    return found.get(f"{W}val") if found is not None else None


class Styles:
    """Heading level and list numbering by paragraph style, following `basedOn` chains."""

    def __init__(self, root):
        self.by_id = {}
        if root is not None:
            for style in root.iter(f"{W}style"):
                self.by_id[style.get(f"{W}styleId")] = style

    def heading_level(self, style_id: str | None, depth: int = 0) -> int | None:
        style = self.by_id.get(style_id)
        if style is None or depth > 8:
            return None
        name = (attribute(style, f"{W}name") or style_id or "").strip()
        if name.lower() in ("title", "book title"):
            return 0
        match = HEADING_NAME.match(name)
        if match:
            return int(match.group(1))
        outline = small_number(attribute(style, f"{W}pPr/{W}outlineLvl"))
        if outline is not None and outline < 9:
            return outline + 1
        return self.heading_level(attribute(style, f"{W}basedOn"), depth + 1)

    def is_list(self, style_id: str | None) -> bool:
        style = self.by_id.get(style_id)
        name = attribute(style, f"{W}name") or style_id or ""
        return bool(LIST_STYLE.match(name))

    def numbering(self, style_id: str | None, depth: int = 0):
        style = self.by_id.get(style_id)
        if style is None or depth > 8:
            return None
        num_pr = style.find(f"{W}pPr/{W}numPr")
        if num_pr is not None:
            return attribute(num_pr, f"{W}numId"), attribute(num_pr, f"{W}ilvl") or "0"
        return self.numbering(attribute(style, f"{W}basedOn"), depth + 1)


class Numbering:
    """Word's automatic list numbers, which are not in the text: count them as Word would."""

    def __init__(self, root):
        self.levels = {}
        self.counters = {}
        if root is None:
            return
        abstract = {a.get(f"{W}abstractNumId"): a for a in root.iter(f"{W}abstractNum")}
        for num in root.iter(f"{W}num"):
            definition = abstract.get(attribute(num, f"{W}abstractNumId"))
            if definition is None:
                continue
            levels = {}
            for level in definition.iter(f"{W}lvl"):
                start = small_number(attribute(level, f"{W}start"))
                levels[level.get(f"{W}ilvl")] = (
                    attribute(level, f"{W}numFmt") or "decimal",
                    attribute(level, f"{W}lvlText") or "",
                    1 if start is None else start,
                )
            self.levels[num.get(f"{W}numId")] = levels

    def next_marker(self, num_id: str, ilvl: str) -> tuple[bool, str | None]:
        """(is a list, printed number or None for bullets)."""
        levels = self.levels.get(num_id)
        if not levels or num_id == "0":
            return False, None
        fmt, text, start = levels.get(ilvl, ("bullet", "", 1))
        counters = self.counters.setdefault(num_id, {})
        depth = small_number(ilvl) or 0
        counters[depth] = counters.get(depth, start - 1) + 1
        for deeper in [d for d in counters if d > depth]:
            del counters[deeper]
        if fmt in ("bullet", "none"):
            return True, None

        def value(match):
            level = int(match.group(1)) - 1
            return format_number(counters.get(level, 1), levels.get(str(level), (fmt,))[0])

        marker = re.sub(r"%(\d)", value, text).strip().rstrip(".)").lstrip("(")
        return True, marker or None


def format_number(number: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return chr(ord("a") + (number - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (number - 1) % 26)
    if fmt in ("lowerRoman", "upperRoman") and 0 < number < 4000:
        roman = to_roman(number)
        return roman if fmt == "upperRoman" else roman.lower()
    return str(number)


def to_roman(number: int) -> str:
    numerals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for value, letters in numerals:
        while number >= value:
            out += letters
            number -= value
    return out


# About as much text as one A4 page of a report holds.
ONE_PAGE_OF_TEXT = 4000


class BodyReader:
    def __init__(self, styles: Styles, numbering: Numbering):
        self.styles = styles
        self.numbering = numbering
        self.blocks: list[Block] = []
        self.page = 1
        # Word writes a rendered break right after an explicit one: count the pair once.
        self.break_pending = False

    def read(self, container, in_table: bool = False) -> None:
        for child in container:
            tag = child.tag
            if tag == f"{W}p":
                self.read_paragraph(child, in_table)
            elif tag == f"{W}tbl":
                for cell in child.iter(f"{W}tc"):
                    for paragraph in cell.iter(f"{W}p"):
                        self.read_paragraph(paragraph, True)
            elif tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}ins"):
                self.read(child, in_table)

    def turn_page(self, rendered: bool) -> None:
        if rendered and self.break_pending:
            self.break_pending = False
            return
        self.page += 1
        self.break_pending = not rendered

    def read_paragraph(self, paragraph, in_table: bool) -> None:
        properties = paragraph.find(f"{W}pPr")
        style_id = attribute(properties, f"{W}pStyle")
        if properties is not None and properties.find(f"{W}pageBreakBefore") is not None:
            self.turn_page(rendered=False)
        pieces: list[str] = []
        start_page = None
        for node in paragraph.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}lastRenderedPageBreak", f"{W}del"):
            tag = node.tag
            if tag == f"{W}t":
                if node.text:
                    if start_page is None and node.text.strip():
                        start_page = self.page
                    self.break_pending = False
                    pieces.append(node.text)
            elif tag == f"{W}lastRenderedPageBreak":
                self.turn_page(rendered=True)
            elif tag == f"{W}br" and node.get(f"{W}type") == "page":
                self.turn_page(rendered=False)
            elif tag != f"{W}del":
                pieces.append(" ")
        text = SPACES.sub(" ", "".join(pieces)).strip()
        if not text:
            return
        block = Block(text, PARAGRAPH, start_page or self.page)
        level = self.styles.heading_level(style_id)
        if level is not None:
            block.kind, block.level = HEADING, level
        else:
            self.mark_list_item(block, properties, style_id)
            if block.kind == PARAGRAPH and in_table:
                block.kind = TABLE_CELL
        self.blocks.append(block)

    def mark_list_item(self, block: Block, properties, style_id: str | None) -> None:
        num_pr = properties.find(f"{W}numPr") if properties is not None else None
        if num_pr is not None:
            numbering = attribute(num_pr, f"{W}numId"), attribute(num_pr, f"{W}ilvl") or "0"
        else:
            numbering = self.styles.numbering(style_id)
        if numbering and numbering[0]:
            is_list, marker = self.numbering.next_marker(*numbering)
            if is_list:
                block.kind, block.marker = LIST_ITEM, marker
                return
        if self.styles.is_list(style_id):
            block.kind = LIST_ITEM

"""Plain text → blocks. A form feed starts a new page; a blank line ends a paragraph."""

import re

from scrutiny.core.document import HEADING, LIST_ITEM, PARAGRAPH, Block, Document, UnreadableDocument, storable_text

BULLET = re.compile(r"^\s*[-*\u2022\u25cf\u25aa]\s+")
NUMBERED = re.compile(r"^\s*(?:\d{1,3}(?:\.\d{1,3}){0,3}\.?|\(?[a-z]{1,3}\)|\(\d{1,3}\))\s+\S", re.IGNORECASE)
MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
UNDERLINE = re.compile(r"^\s*(=+|-+)\s*$")


def read_plain(path, name: str) -> Document:
    with open(path, "rb") as handle:
        raw = handle.read()
    text = raw.decode("utf-8", errors="replace")
    pages = [storable_text(page) for page in text.split("\f")]
    if not any(page.strip() for page in pages):
        raise UnreadableDocument(UnreadableDocument.EMPTY, str(path))
    blocks: list[Block] = []
    for number, page in enumerate(pages, start=1):
        blocks.extend(page_blocks(page, number))
    return Document(name=name, format="txt", blocks=blocks, page_count=len(pages))


def page_blocks(page: str, number: int) -> list[Block]:
    blocks: list[Block] = []
    lines: list[str] = []

    def flush():
        if lines:
            blocks.append(paragraph_block(lines, number))
            lines.clear()

    for raw_line in page.splitlines():
        line = raw_line.strip()
        heading = MARKDOWN_HEADING.match(line)
        if not line:
            flush()
        elif heading:
            flush()
            blocks.append(Block(heading.group(2).strip(), HEADING, number, len(heading.group(1))))
        elif UNDERLINE.match(line) and len(lines) == 1:
            blocks.append(Block(lines[0], HEADING, number, 1 if line.startswith("=") else 2))
            lines.clear()
        elif BULLET.match(raw_line) or (NUMBERED.match(line) and lines):
            flush()
            lines.append(line)
        else:
            lines.append(line)
    flush()
    return blocks


def paragraph_block(lines: list[str], number: int) -> Block:
    text = " ".join(lines)
    bullet = BULLET.match(text)
    if bullet:
        return Block(text[bullet.end():], LIST_ITEM, number)
    # A short single line without closing punctuation stands alone as a heading.
    if (len(lines) == 1 and len(text) < 90 and not re.search(r"[.,;:]$", text)
            and (not NUMBERED.match(text) or len(text.split()) <= 8)):
        return Block(text, HEADING, number)
    return Block(text, PARAGRAPH, number)

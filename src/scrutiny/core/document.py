"""A document as the extractor sees it: blocks of text in reading order, each with its page.

Every reader (PDF, DOCX, HTML, plain text) produces the same shape, so extraction profiles never
care which format a report arrived in.
"""

import re
from dataclasses import dataclass, field
from functools import cached_property

HEADING = "heading"
PARAGRAPH = "paragraph"
LIST_ITEM = "list_item"
TABLE_CELL = "table_cell"


# What no column or export can hold, whatever a file contains: NUL (PostgreSQL refuses it in
# text), the other C0 controls (XML, and so an XLSX export, refuses them) and lone surrogates
# (not UTF-8). Readers pass their raw text through storable_text before making blocks of it.
_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


def storable_text(text: str, keep: str = "") -> str:
    """Text with each unstorable character replaced one for one (a control by a space, a lone
    surrogate by U+FFFD), so positions into it still hold; `keep` names controls to leave."""

    def replace(match: re.Match) -> str:
        char = match.group()
        if char in keep:
            return char
        return "\ufffd" if char >= "\ud800" else " "

    return _UNSTORABLE.sub(replace, text)


def small_number(text: str | None, digits: int = 5) -> int | None:
    """A count or list number written in a file ("3", an `<ol start>`, a Word level), or None.
    Only decimal digits, and few of them: "²" passes isdigit() but not int(), and a number
    thousands of digits long is refused by int() or takes the reader as long to count to."""
    text = (text or "").strip()
    return int(text) if text.isdecimal() and len(text) <= digits else None


class UnreadableDocument(Exception):
    """A file we cannot take text from. `reason` is short and meant for the person who gave it."""

    ENCRYPTED = "encrypted"
    CORRUPT = "corrupt or not a valid file of its type"
    NOT_A_PDF = "not a PDF"
    EMPTY = "empty"
    NO_TEXT_LAYER = "image-only PDF with no text layer"
    UNSUPPORTED = "unsupported file type"

    def __init__(self, reason: str, detail: str = ""):
        self.reason = reason
        self.detail = detail
        super().__init__(f"{reason}: {detail}" if detail else reason)


@dataclass(slots=True)
class Block:
    text: str
    kind: str = PARAGRAPH
    page: int | None = None
    # Heading level where the source says it: 0 for the document title, 1 for a chapter.
    level: int | None = None
    # A list number the source generates rather than prints (Word numbering, HTML <ol>).
    marker: str | None = None

    @property
    def is_heading(self) -> bool:
        return self.kind == HEADING


@dataclass
class Document:
    name: str
    format: str
    blocks: list[Block] = field(default_factory=list)
    page_count: int | None = None

    @cached_property
    def opening_text(self) -> str:
        """The first few hundred blocks in lower case: where a report says who wrote it and what it is."""
        return "\n".join(block.text for block in self.blocks[:400]).lower()

    def headings(self) -> list[Block]:
        return [block for block in self.blocks if block.is_heading]

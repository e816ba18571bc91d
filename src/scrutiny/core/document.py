"""A document as the extractor sees it: blocks of text in reading order, each with its page.

Every reader (PDF, DOCX, HTML, plain text) produces the same shape, so extraction profiles never
care which format a report arrived in.
"""

from dataclasses import dataclass, field
from functools import cached_property

HEADING = "heading"
PARAGRAPH = "paragraph"
LIST_ITEM = "list_item"
TABLE_CELL = "table_cell"


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

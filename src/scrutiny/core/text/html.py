"""HTML → blocks. Web pages have no pages, so every block's page is None."""

import re

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from scrutiny.core.document import (
    HEADING, LIST_ITEM, PARAGRAPH, TABLE_CELL, Block, Document, UnreadableDocument, storable_text,
)

HEADING_TAGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
TEXT_TAGS = {"p": PARAGRAPH, "dt": PARAGRAPH, "dd": PARAGRAPH, "blockquote": PARAGRAPH,
             "pre": PARAGRAPH, "caption": PARAGRAPH, "figcaption": PARAGRAPH,
             "td": TABLE_CELL, "th": TABLE_CELL}
SKIPPED_TAGS = {"script", "style", "template", "noscript", "head", "svg", "button", "form", "nav"}
BLOCK_TAGS = set(HEADING_TAGS) | set(TEXT_TAGS) | {"li", "ul", "ol", "div", "section", "article",
                                                   "table", "thead", "tbody", "tfoot", "tr", "header", "footer", "main", "aside"}
SPACES = re.compile(r"\s+")


def read_html(path, name: str) -> Document:
    with open(path, "rb") as handle:
        raw = handle.read()
    if not raw.strip():
        raise UnreadableDocument(UnreadableDocument.EMPTY, str(path))
    tree = HTMLParser(raw.decode("utf-8", errors="replace"))
    root = tree.body or tree.root
    blocks: list[Block] = []
    if root is not None:
        walk(root, blocks)
    # One h1 on a page is the page's title, not a chapter of the report.
    top = [block for block in blocks if block.kind == HEADING and block.level == 1]
    if len(top) == 1 and any(b.kind == HEADING and b.level and b.level > 1 for b in blocks):
        top[0].level = 0
    if not blocks:
        raise UnreadableDocument(UnreadableDocument.EMPTY, "no text in the page")
    return Document(name=name, format="html", blocks=blocks, page_count=None)


def clean(text: str) -> str:
    return SPACES.sub(" ", storable_text(text)).strip()


def walk(node, blocks: list[Block]) -> None:
    loose_text: list[str] = []
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            loose_text.append(child.text_content or "")
            continue
        if tag in SKIPPED_TAGS or tag == "-comment":
            continue
        if tag not in BLOCK_TAGS:
            if tag == "br":
                loose_text.append(" ")
            else:
                loose_text.append(child.text(deep=True))
            continue
        flush_loose_text(loose_text, blocks)
        if tag in HEADING_TAGS:
            add(blocks, Block(clean(child.text(deep=True)), HEADING, None, HEADING_TAGS[tag]))
        elif tag in TEXT_TAGS:
            add(blocks, Block(clean(child.text(deep=True)), TEXT_TAGS[tag], None))
        elif tag == "li":
            read_list_item(child, blocks)
        elif tag == "ol":
            read_ordered_list(child, blocks)
        else:
            walk(child, blocks)
    flush_loose_text(loose_text, blocks)


def flush_loose_text(loose_text: list[str], blocks: list[Block]) -> None:
    text = clean("".join(loose_text))
    loose_text.clear()
    if text:
        add(blocks, Block(text, PARAGRAPH, None))


def add(blocks: list[Block], block: Block) -> None:
    if block.text:
        blocks.append(block)


def read_list_item(item, blocks: list[Block], marker: str | None = None) -> None:
    """An item's own words are one block; a list nested inside it follows as its own items."""
    own: list[str] = []
    nested = []
    for child in item.iter(include_text=True):
        if child.tag in ("ul", "ol"):
            nested.append(child)
        elif child.tag == "-text":
            own.append(child.text_content or "")
        elif child.tag not in SKIPPED_TAGS and child.tag != "-comment":
            own.append(" " + child.text(deep=True) + " ")
    add(blocks, Block(clean("".join(own)), LIST_ITEM, None, marker=marker))
    for child in nested:
        if child.tag == "ol":
            read_ordered_list(child, blocks)
        else:
            walk(child, blocks)


def read_ordered_list(ordered, blocks: list[Block]) -> None:
    start = ordered.attributes.get("start") or "1"
    number = int(start) if start.strip().isdigit() else 1
    for child in ordered.iter():
        if child.tag == "li":
            value = child.attributes.get("value")
            if value and value.strip().isdigit():
                number = int(value)
            read_list_item(child, blocks, marker=str(number))
            number += 1

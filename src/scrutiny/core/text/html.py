"""HTML → blocks. Web pages have no pages, so every block's page is None."""

import re
from collections.abc import Iterator

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from scrutiny.core.document import (
    HEADING, LIST_ITEM, PARAGRAPH, TABLE_CELL, Block, Document, UnreadableDocument, small_number, storable_text,
)

HEADING_TAGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
TEXT_TAGS = {"p": PARAGRAPH, "dt": PARAGRAPH, "dd": PARAGRAPH, "blockquote": PARAGRAPH,
             "pre": PARAGRAPH, "caption": PARAGRAPH, "figcaption": PARAGRAPH,
             "td": TABLE_CELL, "th": TABLE_CELL}
SKIPPED_TAGS = {"script", "style", "template", "noscript", "head", "svg", "button", "form", "nav"}
BLOCK_TAGS = set(HEADING_TAGS) | set(TEXT_TAGS) | {"li", "ul", "ol", "div", "section", "article",
                                                   "table", "thead", "tbody", "tfoot", "tr", "header", "footer", "main", "aside"}
SPACES = re.compile(r"\s+")
# The parser's work per tag grows with the depth of the open elements, so a page of a few MB
# nested thousands deep takes minutes. Real pages nest tens deep (browsers stop at 512).
MAX_NESTING = 2000
TAG = re.compile(r"<(/?)([a-zA-Z][^\s/<>]*)[^<>]*>")
# Tags that never hold the tags after them open: void elements, and those the next of their
# kind closes (an unclosed <p> or <li> is ordinary HTML, not nesting).
NOT_NESTING = {
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input", "keygen",
    "link", "meta", "param", "source", "track", "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr",
    "td", "th", "thead", "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rtc", "rp", "html", "head", "body",
}


def read_html(path, name: str) -> Document:
    with open(path, "rb") as handle:
        raw = handle.read()
    if not raw.strip():
        raise UnreadableDocument(UnreadableDocument.EMPTY, str(path))
    html = raw.decode("utf-8", errors="replace")
    if nesting_depth(html) > MAX_NESTING:
        raise UnreadableDocument(UnreadableDocument.CORRUPT, f"elements nested more than {MAX_NESTING:,} deep")
    tree = HTMLParser(html)
    root = tree.body or tree.root
    blocks: list[Block] = []
    if root is not None:
        run(walk(root, blocks))
    # One h1 on a page is the page's title, not a chapter of the report.
    top = [block for block in blocks if block.kind == HEADING and block.level == 1]
    if len(top) == 1 and any(b.kind == HEADING and b.level and b.level > 1 for b in blocks):
        top[0].level = 0
    if not blocks:
        raise UnreadableDocument(UnreadableDocument.EMPTY, "no text in the page")
    return Document(name=name, format="html", blocks=blocks, page_count=None)


def nesting_depth(html: str) -> int:
    """How deep the elements nest, roughly (tags in scripts and comments count too): one pass
    over the tags, cheaper than the parse it protects."""
    depth = deepest = 0
    for tag in TAG.finditer(html):
        if tag.group(2).lower() in NOT_NESTING or tag.group().endswith("/>"):
            continue
        if tag.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def run(task: Iterator) -> None:
    """Run a walk whose steps yield the walks of their children, with a stack of our own: a
    page nested deeper than Python's recursion limit is still read."""
    stack = [task]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        else:
            stack.append(child)


def clean(text: str) -> str:
    return SPACES.sub(" ", storable_text(text)).strip()


def walk(node, blocks: list[Block]) -> Iterator:
    """Blocks from a node's children; yields the walks of the containers among them, for run()."""
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
            yield read_list_item(child, blocks)
        elif tag == "ol":
            yield read_ordered_list(child, blocks)
        else:
            yield walk(child, blocks)
    flush_loose_text(loose_text, blocks)


def flush_loose_text(loose_text: list[str], blocks: list[Block]) -> None:
    text = clean("".join(loose_text))
    loose_text.clear()
    if text:
        add(blocks, Block(text, PARAGRAPH, None))


def add(blocks: list[Block], block: Block) -> None:
    if block.text:
        blocks.append(block)


def read_list_item(item, blocks: list[Block], marker: str | None = None) -> Iterator:
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
            yield read_ordered_list(child, blocks)
        else:
            yield walk(child, blocks)


def read_ordered_list(ordered, blocks: list[Block]) -> Iterator:
    number = small_number(ordered.attributes.get("start"))
    number = 1 if number is None else number
    for child in ordered.iter():
        if child.tag == "li":
            value = small_number(child.attributes.get("value"))
            if value is not None:
                number = value
            yield read_list_item(child, blocks, marker=str(number))
            number += 1

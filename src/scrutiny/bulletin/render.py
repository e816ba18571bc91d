"""The bulletin's three outputs from the same sections: e-mail HTML (its CSS inlined, as mail
programs drop <style> blocks and never load a stylesheet), a plain-text alternative wrapped at
72 columns with every link written out, and the archive page (bulletin/page.html).

The bulletin is written in English (lang="en-GB"), whatever language the composing page is in."""

import re
import textwrap
from dataclasses import dataclass
from html.parser import HTMLParser

import css_inline
import markdown
import nh3
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from markupsafe import Markup

from scrutiny.bulletin.models import Bulletin, Entry

WIDTH = 72
ENGLISH = "en-gb"


def rendered(text: str) -> Markup:
    """Staff Markdown as safe HTML: rendered, then sanitised (a pasted script never survives)."""
    return Markup(nh3.clean(markdown.markdown(text or "", extensions=["sane_lists"]), link_rel="noopener"))


@dataclass
class ShownSection:
    key: str
    heading: str
    html: Markup
    text: str  # the Markdown as written
    entries: list[Entry]


def shown_sections(bulletin: Bulletin) -> list[ShownSection]:
    """The sections with something in them, in the bulletin's order."""
    shown = []
    for section in bulletin.ordered_sections():
        entries = list(section.entries.all())
        if section.text.strip() or entries:
            shown.append(ShownSection(section.key, section.shown_heading, rendered(section.text), section.text, entries))
    return shown


def _context(bulletin: Bulletin, site: str) -> dict:
    site = site.rstrip("/")
    return {
        "bulletin": bulletin, "sections": shown_sections(bulletin), "site": site, "rendered": rendered,
        "archive": f"{site}{reverse('bulletin_issue', args=[bulletin.slug])}",
        "archive_list": f"{site}{reverse('bulletin')}",
    }


def email_html(bulletin: Bulletin, site: str) -> str:
    """One self-contained HTML document: no <style>, <link> or <script> left, every style inline."""
    with translation.override(ENGLISH):
        html = render_to_string("bulletin/email.html", _context(bulletin, site))
    return css_inline.inline(html, load_remote_stylesheets=False, keep_style_tags=False, keep_link_tags=False)


def plain_text(bulletin: Bulletin, site: str) -> str:
    with translation.override(ENGLISH):
        context = _context(bulletin, site)
        lines = [bulletin.title, "=" * len(bulletin.title), ""]
        if bulletin.published_on:
            lines += [f"Published {bulletin.published_on.day} {bulletin.published_on:%B %Y}", ""]
        lines += [f"Read it on the web: {context['archive']}", ""]
        for section in context["sections"]:
            lines += ["", section.heading, "-" * len(section.heading), ""]
            if section.text.strip():
                lines += [html_as_text(str(section.html)), ""]
            for entry in section.entries:
                lines += _entry_lines(entry)
        lines += ["", "Thank you for reading!", "",
                  *_wrap("This bulletin is compiled each month by the NPM Central Team. If you have news you would "
                         "like to share, please reply to this e-mail."),
                  "", f"Earlier bulletins: {context['archive_list']}", ""]
    return "\n".join(lines).rstrip() + "\n"


def _entry_lines(entry: Entry) -> list[str]:
    head = f"{entry.date.day} {entry.date:%B %Y}: {entry.title}" if entry.date else entry.title
    lines = _wrap(head, "* ", "  ")
    if entry.summary:
        lines += _wrap(html_as_text(str(rendered(entry.summary))), "  ", "  ")
    if entry.link:
        lines += [f"  {entry.link}"]  # a long address is never broken: it must stay clickable
    return lines + [""]


def _wrap(text: str, first: str = "", rest: str = "") -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=first, subsequent_indent=rest,
                         break_long_words=False, break_on_hyphens=False) or [first.rstrip()]


class _Text(HTMLParser):
    """HTML of a section as plain text: paragraphs wrapped, lists as "- " or "1. ", links as
    "words (address)" so a reader of the text version can still follow them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[bool, str, str, str]] = []  # (in a list, first indent, next indent, text)
        self.words: list[str] = []
        self.lists: list[list] = []  # a stack of [ordered, counter]
        self.href: str | None = None
        self.link_words = 0

    def _flush(self):
        text = re.sub(r"\s+", " ", "".join(self.words)).strip()
        self.words = []
        if text:
            depth = "  " * max(len(self.lists) - 1, 0)
            if self.lists and self._item_open:
                ordered = self.lists[-1]
                mark = f"{ordered[1]}. " if ordered[0] else "- "
                self.blocks.append((True, depth + mark, depth + " " * len(mark), text))
                self._item_open = False
            else:
                indent = depth + ("  " if self.lists else "")
                self.blocks.append((bool(self.lists), indent, indent, text))

    _item_open = False

    def handle_starttag(self, tag, attrs):
        if tag in ("p", "h1", "h2", "h3", "h4", "blockquote", "br"):
            self._flush()
        elif tag in ("ul", "ol"):
            self._flush()
            self.lists.append([tag == "ol", 0])
        elif tag == "li":
            self._flush()
            if self.lists:
                self.lists[-1][1] += 1
            self._item_open = True
        elif tag == "a":
            self.href = dict(attrs).get("href")
            self.link_words = len(self.words)

    def handle_endtag(self, tag):
        if tag == "a" and self.href:
            shown = "".join(self.words[self.link_words:]).strip()
            if self.href not in shown:
                self.words.append(f" ({self.href})")
            self.href = None
        elif tag in ("p", "li", "h1", "h2", "h3", "h4", "blockquote"):
            self._flush()
        elif tag in ("ul", "ol"):
            self._flush()
            if self.lists:
                self.lists.pop()

    def handle_data(self, data):
        self.words.append(data)


def html_as_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    parser._flush()
    out, listed = [], None
    for in_list, first, rest, text in parser.blocks:
        if out and not (in_list and listed):
            out.append("")  # a blank line between paragraphs, not between list items
        out.extend(_wrap(text, first, rest))
        listed = in_list
    return "\n".join(out)

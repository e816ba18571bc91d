"""The report as its author composes it: headings, paragraphs, tables, page breaks.

Families build a `Report`; the layout engine pages it; the writers render it. Findings are
planted on the paragraphs that print them, so the gold comes from the same objects as the page.
"""

from dataclasses import dataclass, field


@dataclass
class Finding:
    kind: str
    text: str
    number: str | None
    label_in_source: str
    section: str
    status: str | None = None
    addressee: str | None = None
    page: int | None = None


@dataclass
class Heading:
    level: int
    title: str
    number: str | None = None  # printed before the title ("Section 3", "4.")
    in_contents: bool = False

    @property
    def printed(self) -> str:
        return f"{self.number} {self.title}" if self.number else self.title


@dataclass
class Paragraph:
    text: str
    number: str | None = None  # printed in a hanging column ("3.12", "1.", "HP4")
    label: str | None = None  # bold inline label ("Recommendation:")
    bullet: bool = False
    indent: int = 0  # extra indentation steps
    emphasis: str = "regular"  # regular | bold | italic
    size: float | None = None  # None: the report's body size
    finding: Finding | None = None
    align: str = "left"  # left | centre


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]
    widths: list[float]  # fractions of the text width
    caption: str | None = None


@dataclass
class ContentsEntry:
    heading: Heading


@dataclass
class PageBreak:
    pass


Block = Heading | Paragraph | Table | ContentsEntry | PageBreak


@dataclass
class Report:
    name: str
    meta: dict
    font: str  # helvetica | times
    running_header: str
    footer_title: str
    body_size: float = 10.5
    blocks: list = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        return [b.finding for b in self.blocks if isinstance(b, Paragraph) and b.finding]

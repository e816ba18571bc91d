"""The author's pen: writes blocks into a report and labels planted findings.

It remembers the headings in force, so a finding's label (its kind heading and the
sub-headings below it) and its section (the heading above those) are read off the page the
way an analyst would read them, instead of being restated by every family.
"""

from scrutiny_demo.document import (
    ContentsEntry,
    Finding,
    Heading,
    PageBreak,
    Paragraph,
    Report,
    Table,
)


class Author:
    def __init__(self, report: Report):
        self.report = report
        self.open_headings: dict[int, str] = {}
        self.contents: list[Heading] = []

    def heading(self, level, title, number=None, contents=None, new_page=False) -> Heading:
        if new_page:
            self.page_break()
        shown = level == 1 if contents is None else contents
        heading = Heading(level, title, number, shown)
        self.report.blocks.append(heading)
        self.open_headings = {lvl: t for lvl, t in self.open_headings.items() if lvl < level}
        self.open_headings[level] = title
        if shown:
            self.contents.append(heading)
        return heading

    def para(self, text, **style) -> Paragraph:
        paragraph = Paragraph(text, **style)
        self.report.blocks.append(paragraph)
        return paragraph

    def paras(self, texts, **style) -> None:
        for text in texts:
            self.para(text, **style)

    def table(self, header, rows, widths, caption=None) -> None:
        self.report.blocks.append(Table(header, rows, widths, caption))

    def page_break(self) -> None:
        if self.report.blocks and not isinstance(self.report.blocks[-1], PageBreak):
            self.report.blocks.append(PageBreak())

    def contents_page(self, title="Contents") -> list:
        """Reserve the contents page; entries are filled in once all headings exist."""
        self.page_break()
        self.report.blocks.append(Heading(1, title))
        placeholder = ContentsPlaceholder()
        self.report.blocks.append(placeholder)
        self.page_break()
        return placeholder

    def finish_contents(self, placeholder) -> None:
        at = self.report.blocks.index(placeholder)
        self.report.blocks[at : at + 1] = [ContentsEntry(h) for h in self.contents]

    def finding(
        self,
        kind,
        text,
        *,
        kind_level,
        number=None,
        printed_number=None,
        inline_label=None,
        status=None,
        addressee=None,
        **style,
    ) -> Finding:
        """Print one finding and plant its gold record.

        kind_level is the level of the heading that names the kind; inline_label is a bold
        label such as "Recommendation:" that names it instead of (or below) a heading.
        """
        levels = sorted(lvl for lvl in self.open_headings if lvl >= kind_level)
        label_parts = [self.open_headings[lvl] for lvl in levels]
        if inline_label:
            label_parts.append(inline_label.rstrip(": "))
        above = [lvl for lvl in self.open_headings if lvl < kind_level]
        section_level = max(above) if above else kind_level
        finding = Finding(
            kind=kind,
            text=text,
            number=number,
            label_in_source=" > ".join(label_parts),
            section=self.open_headings.get(section_level, ""),
            status=status,
            addressee=addressee,
        )
        if printed_number is None and number is not None:
            printed_number = number
        self.para(text, number=printed_number, label=inline_label, finding=finding, **style)
        return finding


class ContentsPlaceholder:
    """Stands where the contents entries go until every chapter heading is written."""

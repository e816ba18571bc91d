"""Months of a plan, written the way the business plan's calendar writes them: `Apr 26`.

Pure Python (no Django): the importer, the checks and the notes parser share it. A month is
(year, month); months compare and count in order, so a range is its first and last month."""

import re
from datetime import date
from typing import NamedTuple

ABBREVIATIONS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
         "October", "November", "December"]
# `Apr 26`, `Apr 2026`, `April 2026`, `Sept 26`: what people type in the start and end columns.
LABEL = re.compile(r"\s*([A-Za-z]{3,9})\.?\s+'?(\d{2}|\d{4})\s*")


class Month(NamedTuple):
    year: int
    month: int  # 1-12

    @classmethod
    def of(cls, day: date) -> "Month":
        return cls(day.year, day.month)

    @property
    def index(self) -> int:
        return self.year * 12 + self.month - 1

    @classmethod
    def from_index(cls, index: int) -> "Month":
        return cls(index // 12, index % 12 + 1)

    def plus(self, months: int) -> "Month":
        return Month.from_index(self.index + months)

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def label(self) -> str:
        """`Apr 26`: the calendar's column label, in English whatever the page's language, so
        that a CSV written by `plan calendar` reads back in `plan import`."""
        return f"{ABBREVIATIONS[self.month - 1]} {self.year % 100:02d}"

    @property
    def name(self) -> str:
        return f"{NAMES[self.month - 1]} {self.year}"


class BadMonth(ValueError):
    pass


def month_number(word: str) -> int | None:
    """1-12 for a month's name or its common short forms (Sept, Sep, Jun), else None."""
    word = word.strip().rstrip(".").lower()
    if len(word) < 3:
        return None
    # Three letters tell every month apart ("Mar", "May"); any longer prefix of the full name
    # counts too ("Sept", "Janu").
    for number, name in enumerate(NAMES, start=1):
        if name.lower().startswith(word):
            return number
    return None


def parse_label(text: str) -> Month:
    """`Apr 26` (or `Apr 2026`, `April 2026`, `Sept 26`) as a Month; BadMonth says why not."""
    match = LABEL.fullmatch(text or "")
    if not match:
        raise BadMonth(f"'{(text or '').strip()}' is not a month: write it like 'Apr 26'")
    number = month_number(match.group(1))
    if number is None:
        raise BadMonth(f"'{match.group(1)}' is not the name of a month (write it like 'Apr 26')")
    year = int(match.group(2))
    return Month(2000 + year if year < 100 else year, number)


def span(first: Month, last: Month) -> list[Month]:
    """Every month from first to last, both included (empty when last is before first)."""
    return [Month.from_index(i) for i in range(first.index, last.index + 1)]


def financial_year_of(month: Month) -> tuple[Month, Month]:
    """The UK financial year (April to March) a month falls in."""
    start_year = month.year if month.month >= 4 else month.year - 1
    return Month(start_year, 4), Month(start_year + 1, 3)

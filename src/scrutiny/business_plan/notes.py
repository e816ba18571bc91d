"""The months a note names, read the way the business plan writes its "Notes/Key dates" column.

The calendar's notes run key dates together in one cell: "July - October: Visits November -
January: Analysis March: Final report", "May/June: Introductory meetings", "Dec: Publication",
"April (27): Conference", "Expected summer 2026". `mentions` finds each month, range, pair,
quarter or season it names, with the year it means, so the checks can say when a note names a
month outside its activity's months, and the importer can keep each dated key date as a
milestone.

How a year is chosen (documented in src/scrutiny/business_plan/README.md):
- a month with no year is its first occurrence from the plan's first month on (in a plan from
  Apr 26 to Mar 27, "January" is January 2027);
- a range whose end comes before its start in the year runs into the next year ("November -
  January" is Nov 26 to Jan 27);
- "April (27)", "April 2027", "Apr 27" (a three-letter name and two digits, the calendar's own
  style) name the year; a full name and two digits ("June 26") is a day, not a year, and the
  digits are ignored;
- "Q1".."Q4" are calendar quarters (Q1 is January to March), with a year if one follows, else
  the one that falls in the plan;
- spring (Mar-May), summer (Jun-Aug), autumn (Sep-Nov), winter (Dec-Feb), likewise;
- vague words ("late 2026", "ongoing", "quarterly", "bi-monthly") name no month.

Pure Python: no Django, no database."""

import re
from dataclasses import dataclass

from scrutiny.business_plan.months import Month, month_number, span

_MONTH_WORDS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
)
# A month as the notes write it: a capitalised name (or all capitals), then perhaps a year.
_MONTH = (
    r"\b(?P<{n}>(?:" + _MONTH_WORDS + r")|(?:" + _MONTH_WORDS.upper() + r"))\.?(?![A-Za-z])"
    r"(?:\s*\(\s*(?P<{n}p>\d{{2}}|\d{{4}})\s*\)|\s+(?P<{n}y>\d{{4}})(?!\d)|\s+'?(?P<{n}s>\d{{2}})(?![\d:]))?"
)
_JOIN = r"\s*(?P<join>-|–|—|/|\bto\b|\buntil\b|\band\b|&)\s*"
MONTH_OR_RANGE = re.compile(_MONTH.format(n="a") + r"(?:" + _JOIN + _MONTH.format(n="b") + r")?")
QUARTER = re.compile(r"\bQ(?P<q>[1-4])(?:\s+(?P<y>\d{4}))?\b")
SEASON = re.compile(r"\b(?P<s>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter)(?:\s+(?P<y>\d{4}))?\b")
SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}


@dataclass(frozen=True)
class Mention:
    text: str  # as written: "November - January"
    months: tuple[Month, ...]  # every month it names, in order
    label: str = ""  # what the note says happens then: the words after its colon, if any
    start: int = 0  # where it starts in the note

    @property
    def first(self) -> Month:
        return self.months[0]

    @property
    def last(self) -> Month:
        return self.months[-1]


def mentions(notes: str, plan_first: Month) -> list[Mention]:
    """Every month, range, pair, quarter or season the note names, in the order written."""
    found: list[tuple[int, int, tuple[Month, ...]]] = []
    for match in MONTH_OR_RANGE.finditer(notes or ""):
        months = _months_of(match, plan_first, notes)
        if months:
            found.append((match.start(), match.end(), months))
    for match in QUARTER.finditer(notes or ""):
        first_month = (int(match["q"]) - 1) * 3 + 1
        first = Month(int(match["y"]), first_month) if match["y"] else _in_plan(first_month, plan_first)
        found.append((match.start(), match.end(), tuple(span(first, first.plus(2)))))
    for match in SEASON.finditer(notes or ""):
        start_month = SEASON_START[match["s"].lower()]
        if match["y"]:
            first = Month(int(match["y"]), start_month)
        else:
            first = _in_plan(start_month, plan_first)
        found.append((match.start(), match.end(), tuple(span(first, first.plus(2)))))
    found.sort()
    result = []
    for position, (start, end, months) in enumerate(found):
        following = found[position + 1][0] if position + 1 < len(found) else len(notes)
        result.append(Mention(notes[start:end].strip(), months, _label(notes[end:following]), start))
    return result


def months_named(notes: str, plan_first: Month) -> set[Month]:
    return {month for mention in mentions(notes, plan_first) for month in mention.months}


def _months_of(match, plan_first: Month, notes: str) -> tuple[Month, ...]:
    a = month_number(match["a"])
    if match["b"] is None:
        if match["a"] in ("May", "MAY") and _reads_as_verb(notes, match.end()):
            return ()  # "May be delayed"
        return (_dated(a, _year(match, "a"), plan_first),)
    b = month_number(match["b"])
    year_a, year_b = _year(match, "a"), _year(match, "b")
    if year_a is None and year_b is not None:
        last = Month(year_b, b)
        first = Month(year_b, a) if a <= b else Month(year_b - 1, a)
    else:
        first = _dated(a, year_a, plan_first)
        if year_b is not None:
            last = Month(year_b, b)
        else:
            last = Month(first.year, b) if b >= a else Month(first.year + 1, b)
    if match["join"] == "/" or match["join"] in ("and", "&"):
        return (first, last)  # "Jan/Feb", "May/June": the two months, not a range between
    return tuple(span(first, last))


def _year(match, side: str) -> int | None:
    if match[side + "p"]:
        digits = match[side + "p"]
    elif match[side + "y"]:
        digits = match[side + "y"]
    elif match[side + "s"] and len(match[side].rstrip(".")) == 3:
        digits = match[side + "s"]  # "Apr 26": the calendar's own style
    else:
        return None  # "June 26" would be a day: no year
    year = int(digits)
    return 2000 + year if year < 100 else year


def _dated(month: int, year: int | None, plan_first: Month) -> Month:
    return Month(year, month) if year is not None else _in_plan(month, plan_first)


def _in_plan(month: int, plan_first: Month) -> Month:
    """The first time this month of the year comes round from the plan's first month on."""
    candidate = Month(plan_first.year, month)
    return candidate if candidate >= plan_first else Month(plan_first.year + 1, month)


def _reads_as_verb(notes: str, end: int) -> bool:
    """'May' followed by a lower-case word is the verb ("May be delayed"), not the month."""
    return bool(re.match(r"\s+[a-z]", notes[end:]))


def _label(between: str) -> str:
    """The words after a mention's colon, up to the next mention: "Visits" in "July - October:
    Visits November ..."."""
    text = re.sub(r"^\s*\d{1,2}(?:st|nd|rd|th)?\b", "", between).strip()  # "June 26: hearing"
    if not text.startswith(":"):
        return ""
    return text[1:].strip().rstrip(",;").strip()

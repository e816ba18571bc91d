"""What is decided before a report is written: which body, which place, when, what kind."""

import datetime
from dataclasses import dataclass, field

from scrutiny_demo.establishments import Establishment

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


@dataclass
class Commission:
    family: str
    body: str
    body_name: str
    report_type: str
    establishment: Establishment
    published: datetime.date
    fieldwork_start: datetime.date
    fieldwork_end: datetime.date
    legal_basis: str
    co_bodies: list = field(default_factory=list)

    @property
    def year(self) -> int:
        return self.published.year

    @property
    def place(self) -> str:
        return self.establishment.name_in(self.fieldwork_end.year)

    @property
    def short_place(self) -> str:
        return self.establishment.short_name(self.fieldwork_end.year)


def random_date(rng, first: datetime.date, last: datetime.date) -> datetime.date:
    return datetime.date.fromordinal(rng.randint(first.toordinal(), last.toordinal()))


def inspection_dates(rng, first, last, days=(3, 11), lag=(45, 150)):
    """Publication date in [first, last]; fieldwork a few months before it."""
    published = random_date(rng, first, last)
    end = published - datetime.timedelta(days=rng.randint(*lag))
    start = end - datetime.timedelta(days=rng.randint(*days))
    return published, start, end


def long_date(day: datetime.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def month_year(day: datetime.date) -> str:
    return f"{MONTHS[day.month - 1]} {day.year}"


def span(start: datetime.date, end: datetime.date) -> str:
    """'3–14 March 2024' as covers print fieldwork dates."""
    if start.year == end.year and start.month == end.month:
        return f"{start.day}\u2013{end.day} {MONTHS[end.month - 1]} {end.year}"
    if start.year == end.year:
        return f"{start.day} {MONTHS[start.month - 1]} \u2013 {long_date(end)}"
    return f"{long_date(start)} \u2013 {long_date(end)}"

"""When a reply is due: the nth working day after the day a letter is sent, counted in the
recipient's nation. No Django here, so the counting can be checked on its own.

A working day is Monday to Friday and not a bank holiday where the recipient is. The bank
holidays differ by nation (Scotland has 2 January and St Andrew's Day but not Easter Monday;
Northern Ireland has St Patrick's Day and the Battle of the Boyne), so the count does too. The
`holidays` package gives them offline; a UK-wide recipient (a UK department) counts by England
and Wales, where the UK Government sits. England and Wales share one list of bank holidays (the
package's ENG and WLS lists agree for every year we checked, see the tests)."""

from datetime import date, timedelta
from functools import lru_cache


UK_WIDE = "uk"
ENGLAND_AND_WALES = "england-wales"
SCOTLAND = "scotland"
NORTHERN_IRELAND = "northern-ireland"

# The recipient's nation → the package's subdivision of GB whose bank holidays apply.
SUBDIVISIONS = {UK_WIDE: "ENG", ENGLAND_AND_WALES: "ENG", SCOTLAND: "SCT", NORTHERN_IRELAND: "NIR"}

DEFAULT_WORKING_DAYS = 20


@lru_cache(maxsize=64)
def _year(subdivision: str, year: int) -> dict[date, str]:
    import holidays  # on first use: its calendars are ~11 MB a process that may never need them

    return dict(holidays.country_holidays("GB", subdiv=subdivision, years=year))


def bank_holidays(nation: str, year: int) -> dict[date, str]:
    """The bank holidays of a year for a recipient in this nation, with their names."""
    try:
        subdivision = SUBDIVISIONS[nation]
    except KeyError:
        raise ValueError(f"unknown nation {nation!r}; nations are {', '.join(SUBDIVISIONS)}") from None
    return dict(_year(subdivision, year))


def is_working_day(day: date, nation: str) -> bool:
    return day.weekday() < 5 and day not in bank_holidays(nation, day.year)


def reply_due(sent: date, nation: str, working_days: int = DEFAULT_WORKING_DAYS) -> date:
    """The date of the `working_days`th working day after `sent` (the day of sending does not
    count, whatever day it is)."""
    if working_days < 1:
        raise ValueError("a reply is due at least one working day after the letter is sent")
    day, counted = sent, 0
    while counted < working_days:
        day += timedelta(days=1)
        if is_working_day(day, nation):
            counted += 1
    return day

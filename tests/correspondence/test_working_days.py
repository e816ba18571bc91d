"""Reply-due dates, counted by hand. Each expected date below was worked out on a calendar, day
by day, and written in the comment beside it; the code under test never computes an expectation.

The rule: the 20th working day after the day of sending (the day of sending itself never counts),
skipping Saturdays, Sundays and the bank holidays of the recipient's nation. A UK-wide recipient
counts by England and Wales.

Calendar used (checked against the weekday the library prints for each holiday):
  Nov 2025: Fri 28, Sat 29, Sun 30.   Dec 2025: Mon 1, 8, 15, 22, 29; Thu 25, Fri 26.
  Jan 2026: Thu 1, Fri 2; Mon 5, 12, 19, 26.   Apr 2026: Fri 3, Mon 6, 13, 20, 27; Fri 1 May, Mon 4 May.
  Jul 2026: Fri 10, Sun 12, Mon 13, 20, 27; Fri 31.   Aug 2026: Mon 3, 10.
"""

from datetime import date

import pytest

from scrutiny.correspondence.services.working_days import (
    ENGLAND_AND_WALES, NORTHERN_IRELAND, SCOTLAND, UK_WIDE, bank_holidays, reply_due,
)

EW, SCT, NI, UK = ENGLAND_AND_WALES, SCOTLAND, NORTHERN_IRELAND, UK_WIDE


# --- Christmas 2025 ---------------------------------------------------------------------------
# Holidays in the window: England and Wales and Northern Ireland: Thu 25 Dec, Fri 26 Dec, Thu 1 Jan.
# Scotland: the same and Fri 2 Jan as well.
#
# Sent Fri 19 Dec, England and Wales / NI / UK-wide:
#   1 Mon 22, 2 Tue 23, 3 Wed 24, (25, 26 holidays; 27, 28 weekend), 4 Mon 29, 5 Tue 30, 6 Wed 31,
#   (Thu 1 Jan holiday), 7 Fri 2, 8 Mon 5, 9 Tue 6, 10 Wed 7, 11 Thu 8, 12 Fri 9, 13 Mon 12,
#   14 Tue 13, 15 Wed 14, 16 Thu 15, 17 Fri 16, 18 Mon 19, 19 Tue 20, 20 Wed 21 Jan.
# Sent Fri 19 Dec, Scotland: 1..6 as above (Mon 22 to Wed 31), (Thu 1 and Fri 2 Jan holidays),
#   7 Mon 5, 8 Tue 6, 9 Wed 7, 10 Thu 8, 11 Fri 9, 12 Mon 12, 13 Tue 13, 14 Wed 14, 15 Thu 15,
#   16 Fri 16, 17 Mon 19, 18 Tue 20, 19 Wed 21, 20 Thu 22 Jan.
# Sent Mon 22 Dec, E&W: 1 Tue 23, 2 Wed 24, 3 Mon 29, 4 Tue 30, 5 Wed 31, 6 Fri 2, 7 Mon 5, 8 Tue 6,
#   9 Wed 7, 10 Thu 8, 11 Fri 9, 12 Mon 12, 13 Tue 13, 14 Wed 14, 15 Thu 15, 16 Fri 16, 17 Mon 19,
#   18 Tue 20, 19 Wed 21, 20 Thu 22 Jan.   Scotland loses Fri 2 Jan: 20 is Fri 23 Jan.
# Sent Tue 23 Dec, E&W: 1 Wed 24, 2 Mon 29, 3 Tue 30, 4 Wed 31, 5 Fri 2, 6 Mon 5, 7 Tue 6, 8 Wed 7,
#   9 Thu 8, 10 Fri 9, 11 Mon 12, 12 Tue 13, 13 Wed 14, 14 Thu 15, 15 Fri 16, 16 Mon 19, 17 Tue 20,
#   18 Wed 21, 19 Thu 22, 20 Fri 23 Jan.   Scotland: 20 is the next working day, Mon 26 Jan.
# Sent Wed 24 Dec, E&W: 1 Mon 29, 2 Tue 30, 3 Wed 31, 4 Fri 2, 5 Mon 5, 6 Tue 6, 7 Wed 7, 8 Thu 8,
#   9 Fri 9, 10 Mon 12, 11 Tue 13, 12 Wed 14, 13 Thu 15, 14 Fri 16, 15 Mon 19, 16 Tue 20, 17 Wed 21,
#   18 Thu 22, 19 Fri 23, 20 Mon 26 Jan.   Scotland: Tue 27 Jan.
CHRISTMAS = [
    (date(2025, 12, 19), EW, date(2026, 1, 21)),
    (date(2025, 12, 19), UK, date(2026, 1, 21)),
    (date(2025, 12, 19), NI, date(2026, 1, 21)),
    (date(2025, 12, 19), SCT, date(2026, 1, 22)),
    (date(2025, 12, 22), EW, date(2026, 1, 22)),
    (date(2025, 12, 22), NI, date(2026, 1, 22)),
    (date(2025, 12, 22), SCT, date(2026, 1, 23)),
    (date(2025, 12, 23), EW, date(2026, 1, 23)),
    (date(2025, 12, 23), UK, date(2026, 1, 23)),
    (date(2025, 12, 23), SCT, date(2026, 1, 26)),
    (date(2025, 12, 24), EW, date(2026, 1, 26)),
    (date(2025, 12, 24), NI, date(2026, 1, 26)),
    (date(2025, 12, 24), SCT, date(2026, 1, 27)),
]

# --- Easter 2026 ------------------------------------------------------------------------------
# Good Friday 3 Apr everywhere; Easter Monday 6 Apr in England and Wales and NI, NOT in Scotland;
# May Day Mon 4 May everywhere.
# Sent Thu 2 Apr, E&W / NI: (Fri 3, Sat 4, Sun 5, Mon 6 off), 1 Tue 7, 2 Wed 8, 3 Thu 9, 4 Fri 10,
#   5 Mon 13, 6 Tue 14, 7 Wed 15, 8 Thu 16, 9 Fri 17, 10 Mon 20, 11 Tue 21, 12 Wed 22, 13 Thu 23,
#   14 Fri 24, 15 Mon 27, 16 Tue 28, 17 Wed 29, 18 Thu 30, 19 Fri 1 May, (Mon 4 May off), 20 Tue 5 May.
# Sent Thu 2 Apr, Scotland: 1 Mon 6, 2 Tue 7, 3 Wed 8, 4 Thu 9, 5 Fri 10, 6 Mon 13, 7 Tue 14,
#   8 Wed 15, 9 Thu 16, 10 Fri 17, 11 Mon 20, 12 Tue 21, 13 Wed 22, 14 Thu 23, 15 Fri 24, 16 Mon 27,
#   17 Tue 28, 18 Wed 29, 19 Thu 30, 20 Fri 1 May.
EASTER = [
    (date(2026, 4, 2), EW, date(2026, 5, 5)),
    (date(2026, 4, 2), UK, date(2026, 5, 5)),
    (date(2026, 4, 2), NI, date(2026, 5, 5)),
    (date(2026, 4, 2), SCT, date(2026, 5, 1)),
]

# --- St Andrew's Day 2025 ---------------------------------------------------------------------
# Sun 30 Nov 2025, so Scotland takes Mon 1 Dec instead; nobody else does.
# Sent Fri 28 Nov, Scotland: (Sat 29, Sun 30, Mon 1 off), 1 Tue 2, 2 Wed 3, 3 Thu 4, 4 Fri 5,
#   5 Mon 8, 6 Tue 9, 7 Wed 10, 8 Thu 11, 9 Fri 12, 10 Mon 15, 11 Tue 16, 12 Wed 17, 13 Thu 18,
#   14 Fri 19, 15 Mon 22, 16 Tue 23, 17 Wed 24, (Thu 25, Fri 26 off), 18 Mon 29, 19 Tue 30, 20 Wed 31 Dec.
# Sent Fri 28 Nov, E&W / NI: 1 Mon 1, 2 Tue 2, 3 Wed 3, 4 Thu 4, 5 Fri 5, 6 Mon 8, 7 Tue 9,
#   8 Wed 10, 9 Thu 11, 10 Fri 12, 11 Mon 15, 12 Tue 16, 13 Wed 17, 14 Thu 18, 15 Fri 19, 16 Mon 22,
#   17 Tue 23, 18 Wed 24, 19 Mon 29, 20 Tue 30 Dec.
ST_ANDREW = [
    (date(2025, 11, 28), SCT, date(2025, 12, 31)),
    (date(2025, 11, 28), EW, date(2025, 12, 30)),
    (date(2025, 11, 28), NI, date(2025, 12, 30)),
]

# --- 12 July 2026 -----------------------------------------------------------------------------
# Sun 12 Jul 2026, so Northern Ireland takes Mon 13 Jul. Scotland has its summer bank holiday on
# the first Monday of August (Mon 3 Aug); England and Wales and NI have theirs on 31 Aug, after the window.
# Sent Fri 10 Jul, NI: (Sat 11, Sun 12, Mon 13 off), 1 Tue 14, 2 Wed 15, 3 Thu 16, 4 Fri 17,
#   5 Mon 20, 6 Tue 21, 7 Wed 22, 8 Thu 23, 9 Fri 24, 10 Mon 27, 11 Tue 28, 12 Wed 29, 13 Thu 30,
#   14 Fri 31, 15 Mon 3 Aug, 16 Tue 4, 17 Wed 5, 18 Thu 6, 19 Fri 7, 20 Mon 10 Aug.
# Sent Fri 10 Jul, E&W: 1 Mon 13, 2 Tue 14, 3 Wed 15, 4 Thu 16, 5 Fri 17, 6 Mon 20, 7 Tue 21,
#   8 Wed 22, 9 Thu 23, 10 Fri 24, 11 Mon 27, 12 Tue 28, 13 Wed 29, 14 Thu 30, 15 Fri 31,
#   16 Mon 3 Aug, 17 Tue 4, 18 Wed 5, 19 Thu 6, 20 Fri 7 Aug.
# Sent Fri 10 Jul, Scotland: 1..15 as E&W (Mon 13 Jul to Fri 31 Jul), (Mon 3 Aug off), 16 Tue 4,
#   17 Wed 5, 18 Thu 6, 19 Fri 7, 20 Mon 10 Aug: the same date as NI, for a different reason.
BOYNE = [
    (date(2026, 7, 10), NI, date(2026, 8, 10)),
    (date(2026, 7, 10), EW, date(2026, 8, 7)),
    (date(2026, 7, 10), UK, date(2026, 8, 7)),
    (date(2026, 7, 10), SCT, date(2026, 8, 10)),
]


@pytest.mark.parametrize("sent, nation, due", CHRISTMAS + EASTER + ST_ANDREW + BOYNE,
                         ids=lambda v: v.isoformat() if isinstance(v, date) else v)
def test_a_reply_is_due_on_the_twentieth_working_day_in_the_recipients_nation(sent, nation, due):
    assert reply_due(sent, nation) == due


def test_a_letter_can_ask_for_a_reply_sooner_and_easter_monday_still_counts_in_scotland():
    # Sent Thu 2 Apr 2026 asking for a reply in 2 working days.
    # E&W: (Fri 3, Sat 4, Sun 5, Mon 6 off), 1 Tue 7, 2 Wed 8.   Scotland: 1 Mon 6, 2 Tue 7.
    assert reply_due(date(2026, 4, 2), EW, working_days=2) == date(2026, 4, 8)
    assert reply_due(date(2026, 4, 2), SCT, working_days=2) == date(2026, 4, 7)


def test_a_letter_sent_at_a_weekend_counts_from_the_monday():
    # Sent Sat 3 Jan 2026, 1 working day, E&W: (Sun 4), 1 Mon 5 Jan.
    assert reply_due(date(2026, 1, 3), EW, working_days=1) == date(2026, 1, 5)


def test_a_reply_cannot_be_due_before_the_letter_is_sent():
    with pytest.raises(ValueError):
        reply_due(date(2026, 1, 5), EW, working_days=0)
    with pytest.raises(ValueError):
        reply_due(date(2026, 1, 5), "wales", working_days=5)  # Wales is part of "england-wales"


# --- the library's holiday lists, checked against what we know ---------------------------------
# From the UK Government's and the Scottish Government's published bank holidays for 2025 and 2026.
ENGLAND_AND_WALES_2025_2026 = {
    date(2025, 1, 1), date(2025, 4, 18), date(2025, 4, 21), date(2025, 5, 5), date(2025, 5, 26),
    date(2025, 8, 25), date(2025, 12, 25), date(2025, 12, 26),
    date(2026, 1, 1), date(2026, 4, 3), date(2026, 4, 6), date(2026, 5, 4), date(2026, 5, 25),
    date(2026, 8, 31), date(2026, 12, 25), date(2026, 12, 28),  # Boxing Day is a Saturday: Mon 28 Dec
}
SCOTLAND_2025_2026 = {
    date(2025, 1, 1), date(2025, 1, 2), date(2025, 4, 18), date(2025, 5, 5), date(2025, 5, 26),
    date(2025, 8, 4), date(2025, 12, 1), date(2025, 12, 25), date(2025, 12, 26),  # St Andrew's: Mon 1 Dec
    date(2026, 1, 1), date(2026, 1, 2), date(2026, 4, 3), date(2026, 5, 4), date(2026, 5, 25),
    date(2026, 6, 15),  # the one-off holiday for Scotland at the 2026 World Cup, announced November 2025
    date(2026, 8, 3), date(2026, 11, 30), date(2026, 12, 25), date(2026, 12, 28),
}
NORTHERN_IRELAND_2025_2026 = {
    date(2025, 1, 1), date(2025, 3, 17), date(2025, 4, 18), date(2025, 4, 21), date(2025, 5, 5),
    date(2025, 5, 26), date(2025, 7, 14), date(2025, 8, 25), date(2025, 12, 25), date(2025, 12, 26),
    date(2026, 1, 1), date(2026, 3, 17), date(2026, 4, 3), date(2026, 4, 6), date(2026, 5, 4),
    date(2026, 5, 25), date(2026, 7, 13), date(2026, 8, 31), date(2026, 12, 25), date(2026, 12, 28),
}


def days_off_on_weekdays(nation: str) -> set[date]:
    """The library's holidays that take a working day away (it also lists the weekend day a
    holiday falls on before its substitute, which changes nothing for counting)."""
    return {day for year in (2025, 2026) for day in bank_holidays(nation, year) if day.weekday() < 5}


@pytest.mark.parametrize("nation, known", [
    (EW, ENGLAND_AND_WALES_2025_2026), (SCT, SCOTLAND_2025_2026), (NI, NORTHERN_IRELAND_2025_2026),
])
def test_the_bank_holidays_the_library_gives_are_the_ones_we_know(nation, known):
    assert days_off_on_weekdays(nation) == known


def test_england_and_wales_share_one_list_and_uk_wide_uses_it():
    import holidays

    for year in range(2024, 2031):
        england = holidays.country_holidays("GB", subdiv="ENG", years=year)
        wales = holidays.country_holidays("GB", subdiv="WLS", years=year)
        assert dict(england) == dict(wales), year
        assert bank_holidays(UK, year) == dict(england)

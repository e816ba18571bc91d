"""Reading the months a note names, on the words of the 2026-27 business plan's calendar
(appendix 1) and of its objectives' timelines. The plan runs from April 2026 to March 2027."""

import pytest

from scrutiny.business_plan.months import Month
from scrutiny.business_plan.notes import mentions, months_named

PLAN = Month(2026, 4)


def read(note: str) -> list[tuple[str, list[str], str]]:
    return [(m.text, [month.label for month in m.months], m.label) for m in mentions(note, PLAN)]


def test_a_run_of_key_dates_is_read_month_by_month_with_what_happens_then():
    note = ("July: CPT standards (expected), August - December: T&F meetings January: Pilot sessions "
            "February: Dissemination March: Report")
    assert read(note) == [
        ("July", ["Jul 26"], "CPT standards (expected)"),
        ("August - December", ["Aug 26", "Sep 26", "Oct 26", "Nov 26", "Dec 26"], "T&F meetings"),
        ("January", ["Jan 27"], "Pilot sessions"),
        ("February", ["Feb 27"], "Dissemination"),
        ("March", ["Mar 27"], "Report"),
    ]


def test_a_range_that_passes_new_year_runs_into_the_next_year():
    assert read("July - October: Visits November - January: Analysis March: Final report") == [
        ("July - October", ["Jul 26", "Aug 26", "Sep 26", "Oct 26"], "Visits"),
        ("November - January", ["Nov 26", "Dec 26", "Jan 27"], "Analysis"),
        ("March", ["Mar 27"], "Final report"),
    ]


@pytest.mark.parametrize("note, months", [
    ("June-August: Interviews", ["Jun 26", "Jul 26", "Aug 26"]),  # no spaces round the dash
    ("August-November: Drafting/feedback", ["Aug 26", "Sep 26", "Oct 26", "Nov 26"]),
    ("February – March 2026: All-NPM survey developed.", ["Feb 26", "Mar 26"]),  # an en dash, a year on the end
    ("April - October: Workplan/strategy", ["Apr 26", "May 26", "Jun 26", "Jul 26", "Aug 26", "Sep 26", "Oct 26"]),
])
def test_ranges_written_with_hyphens_and_dashes(note, months):
    assert read(note)[0][1] == months


def test_two_months_joined_by_a_slash_are_those_two_months():
    assert read("May/June: Introductory meetings") == [("May/June", ["May 26", "Jun 26"], "Introductory meetings")]
    assert read("June/July: Internal structural changes made")[0][1] == ["Jun 26", "Jul 26"]
    assert read("Jan/Feb")[0][1] == ["Jan 27", "Feb 27"]


@pytest.mark.parametrize("note, month", [
    ("Dec: Publication", "Dec 26"),
    ("Sep: Strategy planning", "Sep 26"),
    ("Sept: Survey", "Sep 26"),
    ("JANUARY: Engagement", "Jan 27"),
])
def test_short_and_capitalised_month_names(note, month):
    assert read(note)[0][1] == [month]


def test_a_year_in_brackets_names_that_year_even_beyond_the_plan():
    assert read("October: Begin coordination April (27): Conference") == [
        ("October", ["Oct 26"], "Begin coordination"),
        ("April (27)", ["Apr 27"], "Conference"),
    ]


@pytest.mark.parametrize("note, month", [
    ("July 2026: Expected publication of CPT social care standards", "Jul 26"),
    ("April 2027 2027 NPM annual conference held", "Apr 27"),
    ("Apr 27", "Apr 27"),  # the calendar's own style
])
def test_a_year_after_the_month(note, month):
    assert read(note)[0][1] == [month]


def test_a_full_month_name_then_two_digits_is_a_day_not_a_year():
    assert read("June 26: hearing") == [("June", ["Jun 26"], "hearing")]


def test_without_a_year_a_month_is_the_one_that_falls_in_the_plan():
    assert months_named("April: Confirm representatives January: Outcomes feed into BP review", PLAN) == {
        Month(2026, 4), Month(2027, 1)}


def test_a_stray_repeated_month_is_read_but_gives_no_key_date():
    # Row 6.1 as published: the month is repeated after each entry.
    assert read("June: Internal review Jun September: Ministerial meetings Sep Quarterly engagement ongoing.") == [
        ("June", ["Jun 26"], "Internal review"),
        ("Jun", ["Jun 26"], ""),
        ("September", ["Sep 26"], "Ministerial meetings"),
        ("Sep", ["Sep 26"], ""),
    ]


@pytest.mark.parametrize("note, months", [
    ("Survey in Q3 2026 to all NPM mandate holders", ["Jul 26", "Aug 26", "Sep 26"]),
    ("likely to examine the UK in Q1 2027", ["Jan 27", "Feb 27", "Mar 27"]),
    ("Q3", ["Jul 26", "Aug 26", "Sep 26"]),  # a calendar quarter, the one in the plan
    ("Q1", ["Jan 27", "Feb 27", "Mar 27"]),
])
def test_quarters_are_calendar_quarters(note, months):
    assert read(note)[0][1] == months


def test_a_season_with_its_year():
    assert read("Expected summer 2026; dates TBC.") == [("summer 2026", ["Jun 26", "Jul 26", "Aug 26"], "")]
    assert read("Winter")[0][1] == ["Dec 26", "Jan 27", "Feb 27"]


@pytest.mark.parametrize("note", [
    "Ongoing", "Ongoing.",
    "Announcement expected late 2026; ad hoc engagement ongoing.",
    "Quarterly meetings ongoing.",
    "Bi-monthly meetings ongoing",
    "Work on MoU/legislation ongoing",
    "The plan may be delayed",
    "Martin Kettle and Jane Kilpatrick to lead; Decision by the Steering Group",
    "",
])
def test_words_that_name_no_month(note):
    assert mentions(note, PLAN) == []


def test_may_the_verb_is_not_may_the_month_but_may_with_a_colon_is():
    assert mentions("Plans May change", PLAN) == []
    assert read("May: Survey June: Define product") == [("May", ["May 26"], "Survey"), ("June", ["Jun 26"], "Define product")]


def test_every_note_of_the_published_calendar_reads_without_surprises(appendix):
    """Each note of appendix 1 names only real months, in order, within a year either side of the plan."""
    for row in appendix:
        for mention in mentions(row["notes"], PLAN):
            assert mention.months == tuple(sorted(mention.months))
            assert Month(2026, 1) <= mention.first and mention.last <= Month(2027, 4), (row["code"], mention)

"""What does not add up in a calendar: row totals, notes outside an activity's months, and the
stated monthly workload."""

from scrutiny.business_plan.checks import ActivityLine, inconsistencies, workload
from scrutiny.business_plan.months import BadMonth, Month, parse_label, span

PLAN = span(Month(2026, 4), Month(2027, 3))


def activity(code, start, end, notes="", total=None):
    return ActivityLine(code, f"Activity {code}", notes, parse_label(start), parse_label(end), total)


def test_month_labels_read_as_the_calendar_writes_them():
    assert parse_label("Apr 26") == Month(2026, 4)
    assert parse_label("Sept 2026") == Month(2026, 9)
    assert parse_label("March 27") == Month(2027, 3)
    assert Month(2027, 1).label == "Jan 27"
    for bad in ("Apr", "26 Apr", "Aprl 26", "Smarch 26", "", "2026-04"):
        try:
            parse_label(bad)
        except BadMonth:
            continue
        raise AssertionError(f"{bad!r} was read as a month")


def test_the_workload_counts_the_activities_active_each_month():
    plan = [activity("1.1", "Apr 26", "Jun 26"), activity("1.2", "Jun 26", "Mar 27"), activity("1.3", "Mar 27", "Mar 27")]
    assert workload(plan, PLAN) == [1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 2]


def test_a_plan_that_adds_up_has_nothing_flagged():
    plan = [activity("1.1", "Jul 26", "Mar 27", "July: CPT standards August - December: T&F meetings", 9)]
    assert inconsistencies(plan, PLAN, [0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1]) == []


def test_a_row_total_that_is_not_its_months_is_flagged_on_the_total():
    [found] = inconsistencies([activity("2.4", "Jun 26", "Dec 26", total=8)], PLAN)
    assert (found.code, found.column) == ("2.4", "total")
    assert found.message == "the row total is 8, but Jun 26 to Dec 26 is 7 months"


def test_a_note_naming_a_month_after_the_end_is_flagged_with_its_words():
    found = inconsistencies([activity("2.4", "Jun 26", "Dec 26", "July - October: Visits November - January: Analysis March: Final report")], PLAN)
    assert [(f.column, f.message) for f in found] == [
        ("notes", "the notes name January 2027 (“November - January”: Analysis), outside the activity's months (Jun 26 to Dec 26)"),
        ("notes", "the notes name March 2027 (“March”: Final report), outside the activity's months (Jun 26 to Dec 26)"),
    ]


def test_a_note_naming_a_month_beyond_the_plan_says_so():
    [found] = inconsistencies([activity("5.2", "Oct 26", "Mar 27", "October: Begin coordination April (27): Conference")], PLAN)
    assert found.message.endswith("and outside the plan (Apr 26 to Mar 27)")


def test_a_note_naming_a_month_before_the_start_is_flagged():
    [found] = inconsistencies([activity("4.6", "Nov 26", "Mar 27", "Q3 2026: Announcement")], PLAN)
    assert "July 2026, August 2026, September 2026" in found.message


def test_a_stated_monthly_total_that_differs_is_flagged_on_its_month():
    plan = [activity("1.1", "Apr 26", "Mar 27"), activity("1.2", "Jan 27", "Mar 27")]
    stated = [1] * 9 + [2, 2, 3]
    [found] = inconsistencies(plan, PLAN, stated, workload_row=4)
    assert str(found) == "row 4, workload, column Mar 27: the stated total for March 2027 is 3, but 2 activities are active that month"


def test_a_month_the_plan_left_blank_is_not_compared():
    assert inconsistencies([activity("1.1", "Apr 26", "Mar 27")], PLAN, [None] * 12) == []

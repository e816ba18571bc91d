"""The calendar and what does not add up in it, on plain values (no Django), so the importer
(on the rows of a file) and the pages (on the stored plan) apply the same rules.

Three checks, each naming the row and column to look at:
- a row total that is not the number of months from the activity's start to its end;
- a note that names a month outside the activity's months (see notes.py for how notes are read);
- a stated monthly total (the workload row) that is not the number of activities active then."""

from dataclasses import dataclass

from scrutiny.business_plan.months import Month, span
from scrutiny.business_plan.notes import mentions

WORKLOAD = "workload"  # the code of the calendar's last row


@dataclass(frozen=True)
class ActivityLine:
    code: str
    title: str
    notes: str
    start: Month
    end: Month
    stated_total: int | None = None
    row: int | None = None  # the row of the file it came from, if it came from one

    @property
    def months(self) -> list[Month]:
        return span(self.start, self.end)

    def active_in(self, month: Month) -> bool:
        return self.start <= month <= self.end


@dataclass(frozen=True)
class Inconsistency:
    code: str  # the activity's code, or "workload"
    column: str  # "total", "notes" or a month label
    message: str
    row: int | None = None

    def __str__(self) -> str:
        where = f"row {self.row}, " if self.row is not None else ""
        return f"{where}{self.code}, column {self.column}: {self.message}"


def workload(activities: list[ActivityLine], months: list[Month]) -> list[int]:
    """How many activities are active in each month."""
    return [sum(1 for activity in activities if activity.active_in(month)) for month in months]


def inconsistencies(
    activities: list[ActivityLine], months: list[Month], stated_workload: list[int | None] | None = None,
    workload_row: int | None = None,
) -> list[Inconsistency]:
    found = []
    for activity in activities:
        found += _total(activity) + _notes(activity, months)
    if stated_workload:
        for month, stated, counted in zip(months, stated_workload, workload(activities, months)):
            if stated is not None and stated != counted:
                found.append(Inconsistency(
                    WORKLOAD, month.label,
                    f"the stated total for {month.name} is {stated}, but {counted} "
                    f"{'activity is' if counted == 1 else 'activities are'} active that month",
                    workload_row,
                ))
    return found


def _total(activity: ActivityLine) -> list[Inconsistency]:
    counted = len(activity.months)
    if activity.stated_total is None or activity.stated_total == counted:
        return []
    return [Inconsistency(
        activity.code, "total",
        f"the row total is {activity.stated_total}, but {_range(activity)} is {counted} month{'s' if counted != 1 else ''}",
        activity.row,
    )]


def _notes(activity: ActivityLine, months: list[Month]) -> list[Inconsistency]:
    if not months:
        return []
    found = []
    for mention in mentions(activity.notes, months[0]):
        outside = [m for m in mention.months if not activity.active_in(m)]
        if not outside:
            continue
        beyond_plan = [m for m in outside if not months[0] <= m <= months[-1]]
        named = ", ".join(m.name for m in outside)
        message = f"the notes name {named} (“{mention.text}”{': ' + mention.label if mention.label else ''}), outside the activity's months ({_range(activity)})"
        if beyond_plan:
            message += f" and outside the plan ({months[0].label} to {months[-1].label})"
        found.append(Inconsistency(activity.code, "notes", message, activity.row))
    return found


def _range(activity: ActivityLine) -> str:
    return f"{activity.start.label} to {activity.end.label}"

"""A plan's calendar: one row per activity, one column per month, and the monthly workload.

The same rows feed the command line (`scrutiny plan calendar --format csv`), the Gantt page and
its CSV export. Month columns are labelled as the business plan labels them and as the import
reads them: `Apr 26` (months.Month.label)."""

import csv
import io
from dataclasses import dataclass

from scrutiny.business_plan import checks
from scrutiny.business_plan.months import Month
from scrutiny.historic.template import neutralise

WORKLOAD = checks.WORKLOAD


@dataclass
class Cell:
    month: Month
    active: bool
    milestones: list  # Milestone rows whose months include this one


@dataclass
class GanttRow:
    activity: object  # models.Activity
    cells: list[Cell]

    @property
    def total(self) -> int:
        return sum(1 for c in self.cells if c.active)


def gantt(plan, activities) -> tuple[list[Month], list[GanttRow], list[int]]:
    """The months, a row per activity, and how many of these activities are active each month."""
    months = plan.months
    rows = []
    for activity in activities:
        line = activity.line
        milestones = list(activity.milestones.all())
        cells = [
            Cell(month, line.active_in(month),
                 [m for m in milestones if Month.of(m.month) <= month <= Month.of(m.last_month)])
            for month in months
        ]
        rows.append(GanttRow(activity, cells))
    return months, rows, checks.workload([a.line for a in activities], months)


def calendar_rows(plan, activities) -> tuple[list[str], list[list]]:
    """`code,activity,<months>,total`, a row per activity with 1 in each active month, and a last
    `workload,,<count per month>,<their sum>` row."""
    activities = list(activities.prefetch_related("milestones") if hasattr(activities, "prefetch_related") else activities)
    months, rows, workload = gantt(plan, activities)
    header = ["code", "activity", *[m.label for m in months], "total"]
    lines = [[row.activity.code, row.activity.title, *[1 if c.active else "" for c in row.cells], row.total] for row in rows]
    lines.append([WORKLOAD, "", *workload, sum(workload)])
    return header, lines


def write_csv(header: list[str], rows: list[list]) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([neutralise(v) if isinstance(v, str) else v for v in row])
    return out.getvalue()


def inconsistencies(plan, activities) -> list[checks.Inconsistency]:
    """What does not add up in the stored plan: the same checks the import prints. The stated
    monthly totals are compared only against the whole plan, never a filtered part of it."""
    lines = [a.line for a in activities]
    return checks.inconsistencies(lines, plan.months, plan.stated_workload or None)

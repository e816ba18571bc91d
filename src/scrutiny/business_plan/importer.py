"""`scrutiny plan import FILE.csv`: a business plan's calendar (its appendix 1) from a sheet.

Columns (by name, any order; src/scrutiny/business_plan/README.md):
  code, activity, notes, start, end   required; start and end written like `Apr 26`
  total                               optional: the row total as published
  lead, priority                      optional: who leads; `core` or `funding` (dependent on funding)
  Apr 26, May 26, ...                 optional month columns: they set the plan's months; on an
                                      activity row a mark (1, x, ✓, ●) says the month is active,
                                      on the workload row a number is the stated monthly total
An optional last row whose code is `workload` carries the stated monthly totals, in the month
columns or as numbers in its notes ("8 11 17 ...").

Like the historic import: every row is checked first and every problem listed by row and
column; then the whole file is stored in one transaction, or nothing is. What does not add up
(see checks.py) is not a problem: the plan is stored as published and the checks are reported."""

import re
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.text import slugify

from scrutiny.business_plan import checks
from scrutiny.business_plan.checks import WORKLOAD, ActivityLine, Inconsistency
from scrutiny.business_plan.months import BadMonth, Month, financial_year_of, parse_label, span
from scrutiny.business_plan.notes import mentions
from scrutiny.historic import template
from scrutiny.historic.importer import Problem
from scrutiny.historic.template import UnreadableFile

REQUIRED = ["code", "activity", "notes", "start", "end"]
OPTIONAL = ["total", "lead", "priority"]
CODE = re.compile(r"(?P<objective>\d{1,2})\.\d{1,2}")
MARKS = {"1", "x", "y", "yes", "✓", "✔", "●", "■", "active"}
PRIORITIES = {"core": "core", "funding": "funding", "funding-dependent": "funding", "funding dependent": "funding"}
LENGTHS = {"code": 20, "activity": 300, "lead": 120}


@dataclass
class ActivityRow:
    line: ActivityLine
    lead: str | None  # None: the file has no lead column (keep what is stored)
    priority: str | None
    marked: list[Month]  # months marked active in month columns, if any


@dataclass
class Checked:
    months: list[Month]
    activities: list[ActivityRow]
    stated_workload: list[int | None]
    workload_row: int | None


@dataclass
class Result:
    problems: list[Problem]
    inconsistencies: list[Inconsistency] = field(default_factory=list)
    months: list[Month] = field(default_factory=list)
    workload: list[int] = field(default_factory=list)
    stated_workload: list[int | None] = field(default_factory=list)
    counts: dict = field(default_factory=dict)  # new / updated / removed activities
    plan_title: str = ""
    stored: bool = False
    rows: int = 0


def default_title(months: list[Month]) -> str:
    first = months[0]
    return f"NPM business plan {first.year}-{(first.year + 1) % 100:02d}"


def run_import(data: bytes, fmt: str, *, title: str | None = None, first: Month | None = None,
               last: Month | None = None, dry_run: bool = False, source_name: str = "") -> Result:
    try:
        sheet = template.read(data, fmt)
    except UnreadableFile as exc:
        return Result([Problem(None, None, str(exc))])
    problems: list[Problem] = []
    checked = check(sheet, problems, first, last)
    if problems or checked is None:
        return Result(problems, rows=len(sheet.rows))
    complete_months(checked)
    if checked.stated_workload and len(checked.stated_workload) != len(checked.months):
        return Result([Problem(checked.workload_row, "notes", f"{len(checked.stated_workload)} monthly totals for "
                               f"{len(checked.months)} months ({checked.months[0].label} to {checked.months[-1].label})")],
                      rows=len(sheet.rows))
    lines = [a.line for a in checked.activities]
    found = checks.inconsistencies(lines, checked.months, checked.stated_workload, checked.workload_row)
    found += marks_against_range(checked.activities)
    result = Result(
        [], found, checked.months, checks.workload(lines, checked.months), checked.stated_workload,
        plan_title=title or default_title(checked.months), rows=len(sheet.rows),
    )
    if not dry_run:
        with transaction.atomic():
            result.counts = store(result.plan_title, checked, source_name)
        result.stored = True
    else:
        result.counts = would_change(result.plan_title, checked)
    return result


# --- checking ----------------------------------------------------------------------------------

def check(sheet, problems: list[Problem], first: Month | None, last: Month | None) -> Checked | None:
    header = sheet.header
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        problems.append(Problem(1, None, f"the header has no {', '.join(missing)} column: it needs {', '.join(REQUIRED)}"))
    month_columns: dict[int, Month] = {}
    for position, name in enumerate(header):
        if name in REQUIRED or name in OPTIONAL:
            if header.count(name) > 1:
                problems.append(Problem(1, name, "this column appears more than once"))
            continue
        try:
            month_columns[position] = parse_label(name)
        except BadMonth:
            problems.append(Problem(1, name or f"#{position + 1}", "not a column the calendar knows: expected "
                                    f"{', '.join(REQUIRED + OPTIONAL)} or a month like 'Apr 26'"))
    if problems:
        return None
    months = _plan_months(list(month_columns.values()), first, last, problems)
    if months is None:
        return None

    def cell(cells, name):
        return cells[header.index(name)].strip() if name in header and header.index(name) < len(cells) else ""

    activities: list[ActivityRow] = []
    stated: list[int | None] = []
    workload_row = None
    codes: dict[str, int] = {}
    for number, cells in sheet.rows:
        code = cell(cells, "code")
        if workload_row is not None:
            problems.append(Problem(number, "code", f"a row after the workload row (row {workload_row}): the workload row is the last"))
            continue
        if code.lower() == WORKLOAD:
            workload_row = number
            stated = _stated_workload(number, cells, cell(cells, "notes"), month_columns, months, problems)
            continue
        row = _activity(number, cells, header, cell, month_columns, months, problems)
        if row is None:
            continue
        if row.line.code in codes:
            problems.append(Problem(number, "code", f"'{row.line.code}' is already the code of row {codes[row.line.code]}"))
        codes.setdefault(row.line.code, number)
        activities.append(row)
    if not activities and not problems:
        problems.append(Problem(None, None, "the file has no activities: one row per activity after the header"))
    return Checked(months, activities, stated, workload_row)


def _plan_months(columns: list[Month], first: Month | None, last: Month | None, problems) -> list[Month] | None:
    if columns:
        expected = span(columns[0], columns[0].plus(len(columns) - 1))
        if columns != expected:
            problems.append(Problem(1, None, "the month columns must follow on from one another, one per month "
                                    f"({', '.join(m.label for m in columns)})"))
            return None
        if (first and first != columns[0]) or (last and last != columns[-1]):
            problems.append(Problem(1, None, "--first/--last disagree with the file's month columns"))
            return None
        return columns
    if first and last:
        if last < first:
            problems.append(Problem(None, None, "--last is before --first"))
            return None
        return span(first, last)
    return []  # worked out from the activities once they are read


def _activity(number, cells, header, cell, month_columns, months, problems) -> ActivityRow | None:
    before = len(problems)
    code = cell(cells, "code")
    if not CODE.fullmatch(code):
        problems.append(Problem(number, "code", f"'{code}' is not an activity code: write it like '2.4' (objective, then activity)"))
    title = cell(cells, "activity")
    if not title:
        problems.append(Problem(number, "activity", "the activity has no title"))
    for name, limit in LENGTHS.items():
        if len(cell(cells, name)) > limit:
            problems.append(Problem(number, name, f"longer than {limit} characters"))
    start = _month(number, "start", cell(cells, "start"), problems)
    end = _month(number, "end", cell(cells, "end"), problems)
    if start and end and end < start:
        problems.append(Problem(number, "end", f"{end.label} is before the start, {start.label}"))
    if months and start and not months[0] <= start <= months[-1]:
        problems.append(Problem(number, "start", f"{start.label} is outside the plan ({months[0].label} to {months[-1].label})"))
    if months and end and not months[0] <= end <= months[-1]:
        problems.append(Problem(number, "end", f"{end.label} is outside the plan ({months[0].label} to {months[-1].label})"))
    total = _count(number, "total", cell(cells, "total"), problems)
    priority = None
    if "priority" in header:
        raw = cell(cells, "priority").lower()
        priority = PRIORITIES.get(raw) if raw else "core"
        if raw and priority is None:
            problems.append(Problem(number, "priority", f"'{raw}' is not core or funding"))
    marked = []
    for position, month in month_columns.items():
        value = cells[position].strip().lower() if position < len(cells) else ""
        if value in MARKS:
            marked.append(month)
        elif value:
            problems.append(Problem(number, month.label, f"'{value}' is not a mark: leave the month empty or write 1"))
    if len(problems) > before:
        return None
    lead = cell(cells, "lead") if "lead" in header else None
    line = ActivityLine(code, title, cell(cells, "notes"), start, end, total, number)
    return ActivityRow(line, lead, priority, marked)


def _month(number, column, text, problems) -> Month | None:
    if not text:
        problems.append(Problem(number, column, "empty: write the month like 'Apr 26'"))
        return None
    try:
        return parse_label(text)
    except BadMonth as exc:
        problems.append(Problem(number, column, str(exc)))
        return None


def _count(number, column, text, problems) -> int | None:
    if not text:
        return None
    if not text.isdigit() or int(text) > 10_000:
        problems.append(Problem(number, column, f"'{text}' is not a whole number"))
        return None
    return int(text)


def _stated_workload(number, cells, notes, month_columns, months, problems) -> list[int | None]:
    from_columns = [cells[p].strip() if p < len(cells) else "" for p in month_columns]
    if any(from_columns):
        return [_count(number, label.label, text, problems) for label, text in zip(month_columns.values(), from_columns)]
    if not notes:
        return []
    numbers = re.split(r"[\s,;]+", notes.strip())
    if not all(n.isdigit() for n in numbers):
        problems.append(Problem(number, "notes", "the workload row's notes should be the monthly totals, numbers only"))
        return []
    if months and len(numbers) != len(months):
        problems.append(Problem(number, "notes", f"{len(numbers)} monthly totals for {len(months)} months"))
        return []
    return [int(n) for n in numbers]


def marks_against_range(activities: list[ActivityRow]) -> list[Inconsistency]:
    """Month cells marked on an activity's row that disagree with its start and end."""
    found = []
    for row in activities:
        if not row.marked:
            continue
        expected = set(row.line.months)
        for month in sorted(set(row.marked) ^ expected):
            state = "marked active but outside" if month in row.marked else "not marked, but inside"
            found.append(Inconsistency(row.line.code, month.label, f"{state} {row.line.start.label} to {row.line.end.label}", row.line.row))
    return found


def complete_months(checked: Checked) -> None:
    """With no month columns and no --first/--last: the financial years the activities cover."""
    if checked.months or not checked.activities:
        return
    first = financial_year_of(min(a.line.start for a in checked.activities))[0]
    last = financial_year_of(max(a.line.end for a in checked.activities))[1]
    checked.months = span(first, last)


# --- storing -----------------------------------------------------------------------------------

def would_change(title: str, checked: Checked) -> dict:
    from scrutiny.business_plan.models import Activity

    held = set(Activity.objects.filter(plan__title=title).values_list("code", flat=True))
    codes = {a.line.code for a in checked.activities}
    return {"new": len(codes - held), "updated": len(codes & held), "removed": len(held - codes)}


def store(title: str, checked: Checked, source_name: str) -> dict:
    from scrutiny.business_plan.models import Activity, Milestone, Objective, Plan

    months = checked.months
    plan, _ = Plan.objects.update_or_create(title=title, defaults={
        "slug": slugify(title)[:200], "first_month": months[0].first_day, "last_month": months[-1].first_day,
        "stated_workload": checked.stated_workload, "source_name": source_name[:200],
    })
    counts = would_change(title, checked)
    codes = [a.line.code for a in checked.activities]
    plan.activities.exclude(code__in=codes).delete()
    objectives = {}
    for position, row in enumerate(checked.activities):
        line = row.line
        number = int(CODE.fullmatch(line.code)["objective"])
        if number not in objectives:
            objectives[number], _ = Objective.objects.get_or_create(plan=plan, number=number)
        values = {
            "objective": objectives[number], "title": line.title, "notes": line.notes,
            "start_month": line.start.first_day, "end_month": line.end.first_day,
            "stated_total": line.stated_total, "position": position,
        }
        if row.lead is not None:
            values["lead"] = row.lead
        if row.priority is not None:
            values["priority"] = row.priority
        activity, _ = Activity.objects.update_or_create(plan=plan, code=line.code, defaults=values)
        activity.milestones.all().delete()  # the notes are the key dates: read again each time
        Milestone.objects.bulk_create([
            Milestone(activity=activity, month=m.first.first_day, last_month=m.last.first_day, label=m.label[:500])
            for m in mentions(line.notes, months[0]) if m.label
        ])
    Objective.objects.filter(plan=plan, activities__isnull=True, communications__isnull=True, title="").delete()
    return counts

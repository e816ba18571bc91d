"""`scrutiny plan objectives FILE.csv`: a plan's strategic objectives, the NPM functions each
serves, and the communications-plan activities under each.

Columns: objective (its number), title, functions (names separated by ';': visiting, advisory,
educational, cooperative — "collaborative" is the same function), communications (the
communications plan's activity titles, separated by ';'), communication_functions (the functions
the communications plan names for them; empty: the objective's own).

All or nothing, like the calendar import; the plan's activities are not touched."""

from dataclasses import dataclass

from django.db import transaction

from scrutiny.historic import template
from scrutiny.historic.importer import Problem
from scrutiny.historic.template import UnreadableFile

COLUMNS = ["objective", "title", "functions", "communications", "communication_functions"]


@dataclass
class ObjectiveRow:
    number: int
    title: str
    functions: list[str]
    communications: list[str]
    communication_functions: list[str]


def function_slugs(text: str, known: set[str], aliases: dict[str, str]) -> tuple[list[str], list[str]]:
    """(slugs, words not understood) for "advisory; collaborative; educational"."""
    slugs, unknown = [], []
    for word in (w.strip().lower() for w in text.replace("·", ";").replace(",", ";").split(";")):
        if not word:
            continue
        slug = aliases.get(word, word)
        (slugs if slug in known else unknown).append(slug if slug in known else word)
    return list(dict.fromkeys(slugs)), unknown


def run(data: bytes, fmt: str, plan, dry_run: bool = False) -> tuple[list[Problem], list[ObjectiveRow]]:
    from scrutiny.business_plan.models import Function

    try:
        sheet = template.read(data, fmt)
    except UnreadableFile as exc:
        return [Problem(None, None, str(exc))], []
    missing = [c for c in COLUMNS[:3] if c not in sheet.header]
    if missing:
        return [Problem(1, None, f"the header has no {', '.join(missing)} column: it needs {', '.join(COLUMNS)}")], []
    Function.ensure()
    known = set(Function.objects.values_list("slug", flat=True))
    problems, rows = [], []

    def cell(cells, name):
        return cells[sheet.header.index(name)].strip() if name in sheet.header and sheet.header.index(name) < len(cells) else ""

    for number, cells in sheet.rows:
        raw = cell(cells, "objective")
        if not raw.isdigit() or not 0 < int(raw) < 100:
            problems.append(Problem(number, "objective", f"'{raw}' is not an objective number"))
            continue
        parsed = {}
        for column in ("functions", "communication_functions"):
            parsed[column], unknown = function_slugs(cell(cells, column), known, Function.ALIASES)
            if unknown:
                problems.append(Problem(number, column, f"not an NPM function: {', '.join(unknown)} "
                                        f"(the four are {', '.join(sorted(known))})"))
        communications = [t.strip() for t in cell(cells, "communications").split(";") if t.strip()]
        rows.append(ObjectiveRow(int(raw), cell(cells, "title")[:500], parsed["functions"], communications,
                                 parsed["communication_functions"] or parsed["functions"]))
    if not problems and not dry_run:
        with transaction.atomic():
            store(plan, rows)
    return problems, rows


def store(plan, rows: list[ObjectiveRow]) -> None:
    from scrutiny.business_plan.models import CommunicationActivity, Function, Objective

    functions = {f.slug: f for f in Function.objects.all()}
    for row in rows:
        objective, _ = Objective.objects.update_or_create(plan=plan, number=row.number, defaults={"title": row.title})
        objective.functions.set([functions[s] for s in row.functions])
        objective.communications.all().delete()
        for position, title in enumerate(row.communications):
            activity = CommunicationActivity.objects.create(plan=plan, objective=objective, title=title[:300], position=position)
            activity.functions.set([functions[s] for s in row.communication_functions])

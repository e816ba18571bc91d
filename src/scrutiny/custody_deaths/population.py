"""Average daily populations (the denominators of rates per 1,000) from a CSV or XLSX file with
the columns year, jurisdiction, establishment (empty for the whole jurisdiction) and adp. A figure
already held for the same year and place is replaced. All or nothing."""

from django.db import transaction

from scrutiny.catalogue.register import find_establishment
from scrutiny.custody_deaths import columns
from scrutiny.custody_deaths.columns import CellProblem
from scrutiny.custody_deaths.importer import Problem
from scrutiny.custody_deaths.models import PopulationFigure
from scrutiny.historic import template
from scrutiny.historic.template import UnreadableFile

COLUMNS = ("year", "jurisdiction", "establishment", "adp")


def run_import(data: bytes, fmt: str, dry_run: bool = False) -> tuple[list[Problem], int]:
    try:
        sheet = template.read(data, fmt)
    except UnreadableFile as exc:
        return [Problem(None, None, str(exc))], 0
    header = [columns.header_key(h) for h in sheet.header]
    missing = [c for c in COLUMNS if c not in header and not (c == "adp" and "average daily population" in header)]
    if missing:
        return [Problem(1, c, "the column is missing") for c in missing], 0
    index = {name: header.index(name) for name in header if name}
    adp_at = index.get("adp", index.get("average daily population"))
    problems, figures = [], {}
    for number, cells in sheet.rows:
        cell = lambda name, at=None: (cells[at if at is not None else index[name]] if (at if at is not None else index[name]) < len(cells) else "").strip()  # noqa: E731
        year, adp = cell("year"), cell("adp", adp_at)
        try:
            jurisdiction = columns.jurisdiction(cell("jurisdiction"), None)
        except CellProblem as exc:
            problems.append(Problem(number, "jurisdiction", str(exc)))
            continue
        if not (year.isdigit() and 1900 <= int(year) <= 2100):
            problems.append(Problem(number, "year", f"{columns.shown(year)} is not a year"))
            continue
        if not adp.isdigit() or int(adp) == 0:
            problems.append(Problem(number, "adp", f"{columns.shown(adp)} is not a population (a whole number above 0)"))
            continue
        place = None
        if name := cell("establishment"):
            place = find_establishment(name) or find_establishment(columns.site_name(name))
            if place is None:
                problems.append(Problem(number, "establishment", f"{columns.shown(name)} is not in the establishment register"))
                continue
        key = (int(year), jurisdiction, place.pk if place else None)
        if key in figures:
            problems.append(Problem(number, None, f"repeats the year and place of row {figures[key][0]}"))
            continue
        figures[key] = (number, int(adp))
    if problems or dry_run:
        return problems, len(figures)
    with transaction.atomic():
        for (year, jurisdiction, place_id), (_, adp) in figures.items():
            PopulationFigure.objects.update_or_create(
                year=year, jurisdiction=jurisdiction, establishment_id=place_id,
                defaults={"average_daily_population": adp},
            )
    return [], len(figures)

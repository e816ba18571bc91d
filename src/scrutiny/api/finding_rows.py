"""Findings as rows for the exports and the API: a batch of ids at a time from the shared query,
each batch fetched with a handful of queries (no model objects, no query per finding), so an
export of every finding streams in constant memory and keeps the order of /findings."""

from datetime import date
from typing import Callable, Iterator

from django.db import connection

from scrutiny.findings.models import Finding, PopulationTag, Tag
from scrutiny.findings.query import Vocabulary
from scrutiny.reports.models import Report

COLUMNS = [
    "id", "address", "kind", "number", "text", "page", "section", "report_title", "report_id",
    "published", "body", "establishments", "setting", "nation", "themes", "populations", "status",
    "earlier_repeats",
]
BATCH = 1000



def finding_rows(query, address_of: Callable[[int], str], batch: int = BATCH) -> Iterator[dict]:
    """Every finding the query matches, in its order, as dicts keyed by COLUMNS."""
    start = 0
    while True:
        ids = query.ids(start, start + batch)
        yield from rows_for(ids, address_of)
        if len(ids) < batch:
            return
        start += batch


def rows_for(ids: list[int], address_of: Callable[[int], str]) -> list[dict]:
    """The rows of these findings, in the order of `ids`. Only published findings: the ids come
    from the public query, and the fetch checks again, so a finding withdrawn between the two
    is left out rather than shown. Plain SQL, five statements a batch: through the ORM the same
    work cost 15 ms for a page of 50 at a million findings, most of it building querysets."""
    if not ids:
        return []
    vocabulary = Vocabulary.load()
    found = {row[0]: row for row in _select(_FINDINGS, ids)}
    report_ids = sorted({row[7] for row in found.values()})
    places: dict[int, list[str]] = {}
    for report_id, name in _select(_PLACES, report_ids):
        places.setdefault(report_id, []).append(name)
    themes: dict[int, list[str]] = {}
    for finding_id, slug in _select(_THEMES, ids):
        themes.setdefault(finding_id, []).append(slug)
    populations: dict[int, list[str]] = {}
    for finding_id, slug in _select(_POPULATIONS, ids):
        populations.setdefault(finding_id, []).append(slug)
    repeats = _earlier_repeats(ids)
    slug_of = vocabulary.value_of
    rows = []
    for finding_id in ids:
        if finding_id not in found:
            continue
        (_, kind, number, text, page, section, title, report_id, published, body, setting, nation, status) = found[finding_id]
        rows.append({
            "id": finding_id, "address": address_of(finding_id), "kind": kind, "number": number, "text": text,
            "page": page, "section": section, "report_title": title, "report_id": report_id,
            "published": _date(published), "body": slug_of("body", body), "establishments": places.get(report_id, []),
            "setting": slug_of("setting", setting) if setting else "", "nation": slug_of("nation", nation) if nation else "",
            "themes": themes.get(finding_id, []), "populations": populations.get(finding_id, []), "status": status,
            "earlier_repeats": repeats.get(finding_id, 0),
        })
    return rows


def _earlier_repeats(ids: list[int]) -> dict[int, int]:
    """How many earlier published findings at the same establishment each one repeats (the
    direct repeat links; an unpublished earlier finding is not counted)."""
    from scrutiny.repeats.models import Relation

    links = _select(_REPEATS, ids, Relation.REPEAT.value)
    # The earlier findings checked by id: a sub-select of every public finding made SQLite
    # scan a million rows per batch (12 s for a 10,000-row export).
    public = {row[0] for row in _select(_PUBLIC, sorted({e for _, e in links}))}
    counts: dict[int, int] = {}
    for finding_id, earlier_id in links:
        if earlier_id in public:
            counts[finding_id] = counts.get(finding_id, 0) + 1
    return counts


def _tables() -> dict[str, str]:
    from scrutiny.catalogue.models import Establishment, Population, Theme
    from scrutiny.repeats.models import Repeat

    models = {
        "finding": Finding, "report": Report, "places": Report.establishments.through, "establishment": Establishment,
        "tag": Tag, "theme": Theme, "population_tag": PopulationTag, "population": Population, "repeat": Repeat,
    }
    return {name: connection.ops.quote_name(model._meta.db_table) for name, model in models.items()}


# {ids} is filled with one placeholder per id; a published finding is one whose report is too.
_FINDINGS = (
    "SELECT f.id, f.kind, f.number, f.text, f.page, f.section, r.title, f.report_id, r.published, f.body_id, "
    "f.setting_id, f.nation_id, f.status FROM {finding} f JOIN {report} r ON r.id = f.report_id "
    "WHERE f.id IN ({ids}) AND f.is_published AND r.is_published"
)
_PLACES = (
    "SELECT p.report_id, e.name FROM {places} p JOIN {establishment} e ON e.id = p.establishment_id "
    "WHERE p.report_id IN ({ids}) ORDER BY e.name"
)
_THEMES = (
    "SELECT t.finding_id, v.slug FROM {tag} t JOIN {theme} v ON v.id = t.theme_id "
    "WHERE t.finding_id IN ({ids}) ORDER BY v.position, v.slug"
)
_POPULATIONS = (
    "SELECT t.finding_id, v.slug FROM {population_tag} t JOIN {population} v ON v.id = t.population_id "
    "WHERE t.finding_id IN ({ids}) ORDER BY v.position, v.slug"
)
_REPEATS = "SELECT finding_id, earlier_id FROM {repeat} WHERE finding_id IN ({ids}) AND relation = %s"
_PUBLIC = (
    "SELECT f.id FROM {finding} f JOIN {report} r ON r.id = f.report_id "
    "WHERE f.id IN ({ids}) AND f.is_published AND r.is_published"
)


def _select(sql: str, ids: list[int], *more) -> list[tuple]:
    if not ids:
        return []
    statement = sql.format(ids=", ".join(["%s"] * len(ids)), **_tables())
    with connection.cursor() as cursor:
        cursor.execute(statement, [*ids, *more])
        return cursor.fetchall()


def _date(value):
    """SQLite hands a date back as text to plain SQL; the ORM made it a date."""
    return date.fromisoformat(value) if isinstance(value, str) else value


def finding_address(request) -> Callable[[int], str]:
    """id → the absolute address of the finding's page, built once per export rather than per row."""
    from django.urls import reverse

    marker = 987654321
    template = request.build_absolute_uri(reverse("finding", args=[marker]))
    before, _, after = template.partition(str(marker))
    return lambda finding_id: f"{before}{finding_id}{after}"

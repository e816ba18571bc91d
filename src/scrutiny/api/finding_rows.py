"""Findings as rows for the exports and the API: a batch of ids at a time from the shared query,
each batch fetched with a handful of queries (no model objects, no query per finding), so an
export of every finding streams in constant memory and keeps the order of /findings."""

from typing import Callable, Iterator

from django.db.models import Count

from scrutiny.findings.models import PopulationTag, Tag
from scrutiny.findings.query import public_findings
from scrutiny.reports.models import Report

COLUMNS = [
    "id", "address", "kind", "number", "text", "page", "section", "report_title", "report_id",
    "published", "body", "establishments", "setting", "nation", "themes", "populations", "status",
    "earlier_repeats",
]
BATCH = 1000

_FIELDS = (
    "id", "kind", "number", "text", "page", "section", "report__title", "report_id", "report__published",
    "body__slug", "setting__slug", "nation__slug", "status",
)


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
    is left out rather than shown."""
    if not ids:
        return []
    found = {row[0]: row for row in public_findings().filter(id__in=ids).values_list(*_FIELDS)}
    report_ids = {row[7] for row in found.values()}
    places: dict[int, list[str]] = {}
    through = Report.establishments.through.objects.filter(report_id__in=report_ids)
    for report_id, name in through.order_by("establishment__name").values_list("report_id", "establishment__name"):
        places.setdefault(report_id, []).append(name)
    themes: dict[int, list[str]] = {}
    for finding_id, slug in Tag.objects.filter(finding_id__in=ids).order_by("theme__position", "theme__slug").values_list(
        "finding_id", "theme__slug"
    ):
        themes.setdefault(finding_id, []).append(slug)
    populations: dict[int, list[str]] = {}
    for finding_id, slug in PopulationTag.objects.filter(finding_id__in=ids).order_by(
        "population__position", "population__slug"
    ).values_list("finding_id", "population__slug"):
        populations.setdefault(finding_id, []).append(slug)
    repeats = _earlier_repeats(ids)
    rows = []
    for finding_id in ids:
        if finding_id not in found:
            continue
        (_, kind, number, text, page, section, title, report_id, published, body, setting, nation, status) = found[finding_id]
        rows.append({
            "id": finding_id, "address": address_of(finding_id), "kind": kind, "number": number, "text": text,
            "page": page, "section": section, "report_title": title, "report_id": report_id,
            "published": published, "body": body, "establishments": places.get(report_id, []),
            "setting": setting or "", "nation": nation or "", "themes": themes.get(finding_id, []),
            "populations": populations.get(finding_id, []), "status": status,
            "earlier_repeats": repeats.get(finding_id, 0),
        })
    return rows


def _earlier_repeats(ids: list[int]) -> dict[int, int]:
    """How many earlier published findings at the same establishment each one repeats (the
    direct repeat links; an unpublished earlier finding is not counted)."""
    from scrutiny.repeats.models import Relation, Repeat

    links = list(Repeat.objects.filter(finding_id__in=ids, relation=Relation.REPEAT).values_list("finding_id", "earlier_id"))
    # The earlier findings checked by id: a sub-select of every public finding made SQLite
    # scan a million rows per batch (12 s for a 10,000-row export).
    public = set(public_findings().filter(id__in={e for _, e in links}).values_list("id", flat=True))
    counts: dict[int, int] = {}
    for finding_id, earlier_id in links:
        if earlier_id in public:
            counts[finding_id] = counts.get(finding_id, 0) + 1
    return counts


def finding_address(request) -> Callable[[int], str]:
    """id → the absolute address of the finding's page, built once per export rather than per row."""
    from django.urls import reverse

    marker = 987654321
    template = request.build_absolute_uri(reverse("finding", args=[marker]))
    before, _, after = template.partition(str(marker))
    return lambda finding_id: f"{before}{finding_id}{after}"

"""Findings as rows for the exports and the API: a batch of ids at a time from the shared query,
each batch fetched with a handful of queries (no model objects, no query per finding), so an
export of every finding streams in constant memory and keeps the order of /findings."""

from datetime import date
from functools import lru_cache
from typing import Callable, Iterator

import numpy as np
from django.db import connection

from scrutiny.api.exports import _FIRST_RISKY, LIST_SEPARATOR
from scrutiny.historic.template import neutralise
from scrutiny.findings import engine
from scrutiny.findings.models import Finding
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
    return _in_batches(query, rows_for, address_of, batch)


def finding_csv_lines(query, address_of: Callable[[int], str], batch: int = BATCH) -> Iterator[str]:
    """The same as CSV, a batch of lines (csv_lines_for) in one piece: each piece is sent as it
    is made."""
    return _in_batches(query, _csv_piece, address_of, batch)


def _csv_piece(ids, address_of, vocabulary) -> list[str]:
    lines = csv_lines_for(ids, address_of, vocabulary)
    return ["".join(lines)] if lines else []


def _in_batches(query, fetch: Callable, address_of: Callable[[int], str], batch: int) -> Iterator:
    start = 0
    while True:
        ids = query.ids(start, start + batch)
        yield from fetch(ids, address_of, query.vocabulary)
        if len(ids) < batch:
            return
        start += batch


def rows_for(ids: list[int], address_of: Callable[[int], str], vocabulary: Vocabulary | None = None) -> list[dict]:
    """The rows of these findings, in the order of `ids`. Only published findings: the ids come
    from the public query, and the fetch checks again, so a finding withdrawn between the two
    is left out rather than shown. Plain SQL, four statements a batch: through the ORM the same
    work cost 15 ms for a page of 50 at a million findings, most of it building querysets."""
    return [dict(zip(COLUMNS, cells)) for cells in _cells(ids, address_of, vocabulary, _date, _as_is, list)]


def csv_lines_for(ids: list[int], address_of: Callable[[int], str], vocabulary: Vocabulary | None = None) -> list[str]:
    """The same rows as CSV lines that read back exactly as exports.csv_lines writes rows_for's
    rows (the tests compare the two): every text cell quoted, and neutralised as safe_cell does.
    The csv module took 60 ms of a 10,000-row export, deciding quotes character by character.
    A report's title and places, and each combination of tags, are quoted once (_cells)."""
    risky, safe = _FIRST_RISKY, neutralise
    return [
        f'{finding_id},"{address}",{kind},"{(number if number[:1] not in risky else safe(number)).replace(Q, QQ)}",'
        f'"{(text if text[:1] not in risky else safe(text)).replace(Q, QQ)}",{"" if page is None else page},'
        f'"{(section if section[:1] not in risky else safe(section)).replace(Q, QQ)}",{title},{report_id},{published},'
        f'{body},{places},{setting},{nation},{themes},{populations},{status},{repeats}\r\n'
        for (finding_id, address, kind, number, text, page, section, title, report_id, published, body, places,
             setting, nation, themes, populations, status, repeats)
        in _cells(ids, address_of, vocabulary, str, _quoted, _quoted_list)
    ]


Q, QQ = '"', '""'


def _quoted(value: str) -> str:
    """A text cell as csv_lines_for writes it: neutralised, quoted, its quotes doubled."""
    return '"' + (value if value[:1] not in _FIRST_RISKY else neutralise(value)).replace(Q, QQ) + '"'


def _quoted_list(values) -> str:
    return _quoted(LIST_SEPARATOR.join(values))


def _as_is(value):
    return value


def _cells(ids, address_of, vocabulary, date_of, text_of, several) -> Iterator[tuple]:
    """The shared fetch: a tuple per finding in COLUMNS order; `date_of` makes the stored date
    a value, `text_of` the report's title and `several` the establishments, themes and
    populations (each once per report or per combination of tags: rows share them).

    What the engine's snapshot holds (kind, status, body, setting, nation, tags) is read from it:
    the query's ids came from that snapshot, and SQL took a lookup per finding for each. SQL
    gives the text and numbers of the findings, and each report's title, date and places once."""
    if not ids:
        return
    vocabulary = vocabulary or Vocabulary.load()
    snapshot = engine.current()
    held = snapshot.rows_of(ids)
    found = {row[0]: row for row in _select(_FINDINGS, ids)}
    reports = {
        report_id: [text_of(title), date_of(published), []]
        for report_id, title, published in _select(_REPORTS, sorted({row[5] for row in found.values()}))
    }
    for report_id, name in _select(_PLACES, list(reports)):
        reports[report_id][2].append(name)
    for report in reports.values():
        report[2] = several(report[2])
    columns, at = snapshot.columns, np.maximum(held, 0)
    slugs = _slugs(vocabulary)
    bodies, settings, nations = slugs["body"], slugs["setting"], slugs["nation"]
    kinds, statuses = snapshot.kinds, snapshot.statuses
    repeats = _earlier_repeats(ids)
    for finding_id, row_held, kind, status, body, setting, nation, tagged, grouped in zip(
        ids, held.tolist(), columns["kind"][at].tolist(), columns["status"][at].tolist(),
        columns["body"][at].tolist(), columns["setting"][at].tolist(), columns["nation"][at].tolist(),
        _tags(snapshot, "theme", held, vocabulary.themes, several),
        _tags(snapshot, "population", held, vocabulary.populations, several),
    ):
        row = found.get(finding_id)
        report = reports.get(row[5]) if row is not None and row_held >= 0 else None
        if report is None:
            continue  # unpublished, or its report is
        (_, number, text, page, section, report_id) = row
        title, published, places = report
        yield (
            finding_id, address_of(finding_id), kinds[kind], number, text, page, section, title, report_id,
            published, bodies[body], places, settings.get(setting, ""), nations.get(nation, ""), tagged, grouped,
            statuses[status], repeats.get(finding_id, 0),
        )


def _tags(snapshot, facet: str, rows, items: dict, several: Callable) -> list:
    """The tags of each row as `several` makes the slugs, in the vocabulary's order (position,
    then slug). From the engine's snapshot, which the query's ids came from: SQL took a lookup
    per finding (20 ms for 10,000). Most findings share a handful of combinations, each made
    once and shared by its rows."""
    order = {item.id: (item.position, slug) for slug, item in items.items()}
    made: dict[tuple, object] = {}
    found, start = [], 0
    gathered, ends = snapshot.tags_of(facet, rows)
    if not gathered:  # no row tagged (most findings have no population)
        return [several(())] * len(ends)
    for end in ends:
        key = tuple(gathered[start:end])
        start = end
        cell = made.get(key)
        if cell is None:  # a removed tag (0) or one no longer in the vocabulary is left out
            cell = made[key] = several([slug for _, slug in sorted(order[i] for i in key if i in order)])
        found.append(cell)
    return found


def _slugs(vocabulary: Vocabulary) -> dict[str, dict]:
    """{facet: {stored id: slug}} for the columns a row names by slug."""
    return {
        name: {item.id: slug for slug, item in getattr(vocabulary, plural).items()}
        for name, plural in (("body", "bodies"), ("setting", "settings"), ("nation", "nations"))
    }


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


@lru_cache(maxsize=256)
def _statement(vendor: str, sql: str, placeholders: int) -> str:
    """A statement with its table names and one placeholder per id, in the driver's own style
    (kept: an export's batches and the pages of 50 ask for the same few again and again)."""
    statement = sql.format(ids=", ".join(["%s"] * placeholders), **_tables())
    return statement.replace("%s", "?") if vendor == "sqlite" else statement


def _tables() -> dict[str, str]:
    from scrutiny.catalogue.models import Establishment
    from scrutiny.repeats.models import Repeat

    models = {
        "finding": Finding, "report": Report, "places": Report.establishments.through, "establishment": Establishment,
        "repeat": Repeat,
    }
    return {name: connection.ops.quote_name(model._meta.db_table) for name, model in models.items()}


# {ids} is filled with one placeholder per id; a published finding is one whose report is too.
_FINDINGS = (
    "SELECT f.id, f.number, f.text, f.page, f.section, f.report_id FROM {finding} f "
    "WHERE f.id IN ({ids}) AND f.is_published"
)
# The date as ISO text: no converter to run per row, the same text on SQLite and PostgreSQL.
_REPORTS = "SELECT r.id, r.title, CAST(r.published AS TEXT) FROM {report} r WHERE r.id IN ({ids}) AND r.is_published"
_PLACES = (
    "SELECT p.report_id, e.name FROM {places} p JOIN {establishment} e ON e.id = p.establishment_id "
    "WHERE p.report_id IN ({ids}) ORDER BY e.name"
)
_REPEATS = "SELECT finding_id, earlier_id FROM {repeat} WHERE finding_id IN ({ids}) AND relation = %s"
_PUBLIC = (
    "SELECT f.id FROM {finding} f JOIN {report} r ON r.id = f.report_id "
    "WHERE f.id IN ({ids}) AND f.is_published AND r.is_published"
)


def _select(sql: str, ids: list[int], *more) -> list[tuple]:
    if not ids:
        return []
    statement = _statement(connection.vendor, sql, len(ids))
    # The driver's cursor: Django's rewrites each statement's thousand placeholders for SQLite
    # with a regular expression (6 ms of a 10,000-row export).
    connection.ensure_connection()
    cursor = connection.connection.cursor()
    try:
        cursor.execute(statement, [*ids, *more])
        return cursor.fetchall()
    finally:
        cursor.close()


def _date(value: str) -> date:
    """The publication date, read as ISO text (_REPORTS), as the rows hold it."""
    return date.fromisoformat(value)


def finding_address(request) -> Callable[[int], str]:
    """id → the absolute address of the finding's page, built once per export rather than per row."""
    from django.urls import reverse

    marker = 987654321
    template = request.build_absolute_uri(reverse("finding", args=[marker]))
    before, _, after = template.partition(str(marker))
    return lambda finding_id: f"{before}{finding_id}{after}"

"""The in-memory columnar engine behind FindingQuery's count, ids, counts and facets.

A plain SQL schema needs 1.4 s for a facet page whose filter holds a third of a million findings
(every facet is a GROUP BY over the query without its own filter), and indexes do not help a
query that touches a third of the table. Here each facet column of every finding is one numpy
array; a filter is a boolean mask, a facet's counts are one np.bincount over the rows the other
filters leave, and a page of 50 is an argpartition on a precomputed order key — no sort of
everything. Theme and population tags are (row, id) pairs, so counting them is a bincount too.

The snapshot is immutable and swapped whole under a lock (the server answers from threads). Each
use asks the change log (findings.changes) for its newest line, one indexed lookup; when that has
moved, the findings it names are re-read and patched into a copy, or everything is rebuilt when
the change is large, the log was rolled back or pruned, or a migration said "everything".

Results are defined by the SQL implementations in findings.sql_query, which stay as the oracle
the parity tests compare against, on SQLite and on PostgreSQL.
"""

import threading
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from django.db import connection

from scrutiny.findings import bitmaps, changes, textindex

_EPOCH = date(1950, 1, 1).toordinal()
COLUMN_DTYPES = {
    "id": np.int64, "body": np.int32, "setting": np.int32, "nation": np.int32, "year": np.int16,
    "period": np.int16, "kind": np.int8, "status": np.int8, "visible": np.bool_, "published": np.int32,
    "report": np.int32, "order": np.int64,
}
TAG_SOURCES = {"theme": ("findings_tag", "theme_id"), "population": ("findings_populationtag", "population_id")}
_ROWS_SQL = (
    "SELECT f.id, f.body_id, f.setting_id, f.nation_id, f.year, f.reporting_year, f.kind, f.status, "
    "f.is_published, r.is_published, r.published, f.report_id, f.position "
    "FROM findings_finding f JOIN reports_report r ON r.id = f.report_id"
)
_CHUNK = 20_000


@dataclass(frozen=True)
class Snapshot:
    database: str
    head: tuple[int, int] | None  # the change-log line it is up to date with
    columns: dict  # name -> array, one entry per row; rows in ascending id
    tags: dict  # "theme"/"population" -> (rows int32 ascending, ids int32; id 0 = a removed tag)
    kinds: tuple  # code -> stored value of Finding.kind
    statuses: tuple
    text: textindex.TextIndex
    # Worked out from the above on first use: facet bitmaps, rows in display order.
    cache: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def size(self) -> int:
        return len(self.columns["id"])

    def bitmaps(self, facet: str) -> bitmaps.ValueBitmaps:
        found = self.cache.get(facet)
        if found is None:
            if facet in TAG_SOURCES:
                found = bitmaps.of_tags(*self.tags[facet], self.size)
            else:
                found = bitmaps.of_column(self.columns[facet], skip_zero=facet in ("setting", "nation"))
            self.cache[facet] = found
        return found

    def display_order(self) -> np.ndarray:
        """Every row in the order of FindingQuery.findings(): a page is the first rows of this
        that the query holds, found without sorting anything."""
        found = self.cache.get("display order")
        if found is None:
            found = self.cache["display order"] = np.argsort(self.columns["order"], kind="stable")
        return found

    def text_statistics(self) -> tuple[int, float]:
        found = self.cache.get("text statistics")
        if found is None:
            found = self.cache["text statistics"] = self.text.statistics(self.columns["visible"], self.size)
        return found

    def rows_of(self, finding_ids: list[int]) -> np.ndarray:
        """The row of each finding id (-1 for one the snapshot does not hold)."""
        rows, known = _rows_of(self.columns["id"], np.asarray(finding_ids, dtype=np.int64))
        return np.where(known, rows, -1)

    def tags_of(self, facet: str, rows: np.ndarray) -> tuple[list[int], list[int]]:
        """The tag ids of each row, as one list and where each row's run ends (none for row -1;
        an id 0 is a tag removed since): two binary searches in the row-sorted pairs, where SQL
        took a lookup per finding."""
        tag_rows, tag_ids = self.tags[facet]
        rows = rows.astype(tag_rows.dtype)  # else numpy widens all the pairs for each search
        first = np.searchsorted(tag_rows, rows, side="left")
        many = np.where(rows >= 0, np.searchsorted(tag_rows, rows, side="right") - first, 0)
        ends = np.cumsum(many)
        total = int(ends[-1]) if len(ends) else 0
        return tag_ids[np.repeat(first - (ends - many), many) + np.arange(total)].tolist(), ends.tolist()

    def code_of(self, facet: str, value: str) -> int | None:
        values = self.kinds if facet == "kind" else self.statuses
        return values.index(value) if value in values else None


# --- reading findings from the database --------------------------------------------------------

def _order_keys(year, published, report, position) -> np.ndarray:
    """One int64 per finding that sorts as FindingQuery.findings() does: year, report
    publication date and report id descending, then position (8 + 16 + 27 + 12 bits)."""
    year = 255 - np.clip(year.astype(np.int64) - 1900, 0, 255)
    published = 65535 - np.clip(published.astype(np.int64), 0, 65535)
    report = (2**27 - 1) - np.clip(report.astype(np.int64), 0, 2**27 - 1)
    position = np.clip(position.astype(np.int64), 0, 4095)
    return (year << 55) | (published << 39) | (report << 12) | position


def _days(value) -> int:
    if isinstance(value, str):
        value = date.fromisoformat(value[:10])
    return value.toordinal() - _EPOCH


class _Codes:
    """Stored strings (kinds, statuses) as small integer codes, growing as new ones appear."""

    def __init__(self, known=()):
        self.values = list(known)
        self.index = {v: i for i, v in enumerate(self.values)}

    def __call__(self, value: str) -> int:
        code = self.index.get(value)
        if code is None:
            code = self.index[value] = len(self.values)
            self.values.append(value)
        return code


def _columns_of(rows: list, kinds: _Codes, statuses: _Codes) -> dict:
    if not rows:
        return {name: np.zeros(0, dtype=dtype) for name, dtype in COLUMN_DTYPES.items()}
    (ids, bodies, settings, nations, years, periods, kind, status, own, report_shown, published, reports, positions) = zip(*rows)
    columns = {
        "id": np.asarray(ids, dtype=np.int64),
        "body": np.asarray(bodies, dtype=np.int32),
        "setting": np.asarray([s or 0 for s in settings], dtype=np.int32),
        "nation": np.asarray([n or 0 for n in nations], dtype=np.int32),
        "year": np.asarray(years, dtype=np.int16),
        "period": np.asarray(periods, dtype=np.int16),
        "kind": np.asarray([kinds(k) for k in kind], dtype=np.int8),
        "status": np.asarray([statuses(s) for s in status], dtype=np.int8),
        "visible": np.asarray([bool(a) and bool(b) for a, b in zip(own, report_shown)], dtype=np.bool_),
        "published": np.asarray([_days(p) for p in published], dtype=np.int32),
        "report": np.asarray(reports, dtype=np.int32),
    }
    columns["order"] = _order_keys(columns["year"], columns["published"], columns["report"], np.asarray(positions))
    return columns


def _read_columns(kinds: _Codes, statuses: _Codes, ids=None) -> dict:
    parts = []
    with connection.cursor() as cursor:
        if ids is None:
            cursor.execute(_ROWS_SQL + " ORDER BY f.id")
            while batch := cursor.fetchmany(_CHUNK):
                parts.append(_columns_of(batch, kinds, statuses))
        else:
            for chunk in _chunks(ids):
                cursor.execute(_ROWS_SQL + f" WHERE f.id IN ({', '.join(['%s'] * len(chunk))}) ORDER BY f.id", chunk)
                parts.append(_columns_of(cursor.fetchall(), kinds, statuses))
    if not parts:
        return _columns_of([], kinds, statuses)
    return {name: np.concatenate([p[name] for p in parts]) for name in COLUMN_DTYPES}


def _read_tags(row_ids: np.ndarray, ids=None) -> dict:
    """Each kind of tag as (row, id) pairs; a tag of a finding not among row_ids is dropped
    (it was inserted after the columns were read, and the change log will bring it)."""
    tags = {}
    with connection.cursor() as cursor:
        for facet, (table, column) in TAG_SOURCES.items():
            pairs = []
            for chunk in (_chunks(ids) if ids is not None else [None]):
                where = "" if chunk is None else f" WHERE finding_id IN ({', '.join(['%s'] * len(chunk))})"
                cursor.execute(f"SELECT finding_id, {column} FROM {table}{where}", chunk or [])
                while batch := cursor.fetchmany(200_000):
                    pairs.append(np.asarray(batch, dtype=np.int64).reshape(-1, 2))
            pairs = np.concatenate(pairs) if pairs else np.zeros((0, 2), dtype=np.int64)
            rows, known = _rows_of(row_ids, pairs[:, 0])
            tags[facet] = by_row(rows[known].astype(np.int32), pairs[known, 1].astype(np.int32))
    return tags


def _read_texts(ids: np.ndarray) -> list:
    """The text of each id, in order ('' for one deleted since)."""
    texts = {}
    with connection.cursor() as cursor:
        for chunk in _chunks(ids.tolist()):
            cursor.execute(f"SELECT id, text FROM findings_finding WHERE id IN ({', '.join(['%s'] * len(chunk))})", chunk)
            texts.update(cursor.fetchall())
    return [texts.get(i, "") for i in ids.tolist()]


def _all_texts(ids: np.ndarray):
    """Every text in id order, aligned with `ids` (read after them: a finding added since is
    skipped, one deleted since is empty; the change log brings both)."""
    position, wanted = 0, ids.tolist()
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, text FROM findings_finding ORDER BY id")
        while batch := cursor.fetchmany(_CHUNK):
            for finding_id, text in batch:
                while position < len(wanted) and wanted[position] < finding_id:
                    position += 1
                    yield ""
                if position < len(wanted) and wanted[position] == finding_id:
                    position += 1
                    yield text
    for _ in range(position, len(wanted)):
        yield ""


def _chunks(values, size: int = 500):
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start:start + size]


def by_row(rows: np.ndarray, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(row, id) pairs sorted by row, as Snapshot.tags_of reads them (already so when read from
    the database in id order; a patch appends a changed finding's tags at the end)."""
    if len(rows) < 2 or bool(np.all(rows[1:] >= rows[:-1])):
        return rows, ids
    order = np.argsort(rows, kind="stable")
    return rows[order], ids[order]


def _rows_of(row_ids: np.ndarray, finding_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    if len(row_ids) == 0:
        return np.zeros(len(finding_ids), dtype=np.int64), np.zeros(len(finding_ids), dtype=bool)
    rows = np.searchsorted(row_ids, finding_ids)
    clipped = np.minimum(rows, len(row_ids) - 1)
    return clipped, (rows < len(row_ids)) & (row_ids[clipped] == finding_ids)


def database_key() -> str:
    return f"{connection.vendor}:{connection.settings_dict['NAME']}"


def build_snapshot() -> Snapshot:
    """Everything read afresh. The log's head is read first: a change committed while reading is
    then either in what was read or after the head (and patched in next time), never lost."""
    head = changes.newest()
    kinds, statuses = _Codes(), _Codes()
    columns = _read_columns(kinds, statuses)
    tags = _read_tags(columns["id"])
    text = textindex.build(_all_texts(columns["id"]), len(columns["id"]))
    return Snapshot(database_key(), head, columns, tags, tuple(kinds.values), tuple(statuses.values), text)


def patched(snapshot: Snapshot, finding_ids: set[int], head) -> Snapshot | None:
    """The snapshot with these findings re-read, or None if only a rebuild can say (an id below
    the newest held that was never seen: SQLite re-used a deleted id)."""
    ids = np.asarray(sorted(finding_ids), dtype=np.int64)
    rows, known = _rows_of(snapshot.columns["id"], ids)
    added = ids[~known]
    size = snapshot.size
    if len(added) and size and added.min() <= snapshot.columns["id"][-1]:
        return None
    kinds, statuses = _Codes(snapshot.kinds), _Codes(snapshot.statuses)
    fresh = _read_columns(kinds, statuses, ids.tolist())
    grown = size + len(added)
    columns = {}
    for name, dtype in COLUMN_DTYPES.items():
        column = np.zeros(grown, dtype=dtype)
        column[:size] = snapshot.columns[name]
        columns[name] = column
    columns["id"][size:] = added
    row_of_id = np.empty(len(ids), dtype=np.int64)
    row_of_id[known] = rows[known]
    row_of_id[~known] = np.arange(size, grown)
    # A finding re-read but gone from the database (deleted) stays as a hidden row.
    columns["visible"][row_of_id] = False
    target = row_of_id[np.searchsorted(ids, fresh["id"])]
    for name in COLUMN_DTYPES:
        columns[name][target] = fresh[name]
    redone = np.zeros(grown, dtype=bool)
    redone[row_of_id] = True
    fresh_tags = _read_tags(columns["id"], ids.tolist())
    tags = {}
    for facet, (tag_rows, tag_ids) in snapshot.tags.items():
        tag_ids = np.where(redone[tag_rows], 0, tag_ids).astype(np.int32)
        tags[facet] = by_row(np.concatenate([tag_rows, fresh_tags[facet][0]]), np.concatenate([tag_ids, fresh_tags[facet][1]]))
    text = snapshot.text.patched(row_of_id, _read_texts(ids), grown)
    return Snapshot(snapshot.database, head, columns, tags, tuple(kinds.values), tuple(statuses.values), text)


# --- keeping one current snapshot per process ---------------------------------------------------

_lock = threading.Lock()
_current: Snapshot | None = None


def current() -> Snapshot:
    """The snapshot, brought up to date with the database first (one small query when nothing
    changed)."""
    global _current
    head = changes.newest()
    snapshot = _current
    if snapshot is not None and snapshot.head == head and snapshot.database == database_key():
        return snapshot
    with _lock:
        head = changes.newest()
        snapshot = _current
        if snapshot is None or snapshot.database != database_key():
            from scrutiny.findings.persistence import load_saved

            snapshot = load_saved()
        if snapshot is None or snapshot.head != head:
            snapshot = _brought_up_to(snapshot, head)
        _current = snapshot
        return snapshot


def _brought_up_to(snapshot: Snapshot | None, head) -> Snapshot:
    if snapshot is None or head is None or snapshot.head is None or not changes.still_there(snapshot.head):
        return build_snapshot()
    # Large changes are cheaper to rebuild than to patch row by row.
    limit = max(20_000, snapshot.size // 10)
    changed = changes.changed_since(snapshot.head[0], limit)
    if changed is None or None in changed or snapshot.text.overlay_size > limit:
        return build_snapshot()
    return patched(snapshot, changed, head) or build_snapshot()


def install(snapshot: Snapshot) -> None:
    """Make this the process's snapshot (after a build ahead of time)."""
    global _current
    with _lock:
        _current = snapshot


def forget() -> None:
    install(None)


def build() -> Snapshot:
    """Build from the database and save ahead of time (`scrutiny index rebuild`, the serve
    benchmark), so servers load rather than build; it becomes this process's snapshot too."""
    from scrutiny.findings.persistence import rebuild_and_save

    return rebuild_and_save()[0]

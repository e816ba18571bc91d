"""The stored findings, indexed for repeats once per process and kept in step with the database.

Building an index over a million findings takes most of a minute, matching a report against it a
fraction of a second (docs/repetition.md), so ingest keeps one index per side of the ledger
(concerns with concerns, good practice with good practice; points of note are neither) for the
life of the process and adds each report's findings once its transaction commits. Before each
use it compares a cheap signature of the findings table (count, highest id) with the one it knows:
findings another process added are read in by id; anything else (a deletion, a restored backup)
rebuilds the index from the database. A finding's text corrected after ingest is not noticed
here: `scrutiny repeats rebuild` recomputes everything.
"""

import json
import math
import threading
from functools import lru_cache
from pathlib import Path
from dataclasses import dataclass, field

import numpy as np
from django.db.models import Count, Max

from scrutiny.core.similarity import RepeatIndex, content_words, cosine
from scrutiny.findings.models import CONCERN_KINDS, Finding, Kind

CONCERN, GOOD_PRACTICE = "concern", "good_practice"
SIDES = (CONCERN, GOOD_PRACTICE)


def side_of(kind: str) -> str | None:
    """Which findings a finding is compared with: its own side of the ledger, or none."""
    if kind in CONCERN_KINDS:
        return CONCERN
    return GOOD_PRACTICE if kind == Kind.GOOD_PRACTICE else None


class ReportIndex(RepeatIndex):
    """A RepeatIndex that also knows each finding's report, so that the findings of the reports
    at one place can be scored whole, not only the best candidates of the whole record."""

    def __init__(self, **options):
        super().__init__(**options)
        self.reports = np.zeros(0, dtype=np.int64)
        self._by_report: np.ndarray | None = None  # rows in report order, for many look-ups
        self.background = 0
        self.background_df = np.zeros(0, dtype=np.int64)

    def prime(self, texts) -> None:
        """Count the words of typical findings into every word's frequency, without indexing
        them: a young record of a few reports would otherwise weigh "staff" and "record" as
        rarely as "strip" and "force", and call "record every use of force" a repeat of
        "record every strip search"."""
        terms = [np.unique(np.asarray(self._term_ids(content_words(t)), dtype=np.int64)) for t in texts]
        counts = np.bincount(np.concatenate(terms or [np.zeros(0, np.int64)]), minlength=len(self.vocabulary))
        self.background, self.background_df = len(terms), counts

    def _document_frequencies(self) -> tuple[int, np.ndarray]:
        size = len(self.vocabulary)
        df = np.zeros(size, dtype=np.int64)
        df[: len(self.df)] += self.df
        df[: len(self.background_df)] += self.background_df
        return len(self.ids) + self.background, df

    def _idfs(self) -> list[float]:
        if self._idf_for != len(self.ids) or len(self._idf_list) != len(self.vocabulary):
            n, df = self._document_frequencies()
            self._idf_list, self._idf_for = (np.log((1 + n) / (1 + df)) + 1.0).tolist(), len(self.ids)
        return self._idf_list

    def idf(self, term: int) -> float:
        idfs = self._idfs()
        return idfs[term] if 0 <= term < len(idfs) else math.log(1 + len(self.ids) + self.background) + 1.0

    def add_findings(self, rows) -> None:
        """rows: (finding id, text, report id, body id, year)."""
        rows = list(rows)
        self.add((finding_id, text, None, body_id, year) for finding_id, text, _, body_id, year in rows)
        self.reports = np.concatenate([self.reports, np.asarray([r[2] for r in rows], dtype=np.int64)])
        self._by_report = None

    def report_of(self, finding_ids) -> dict[int, int]:
        """The report of each indexed finding (rows are in id order: added by rising id)."""
        ids = np.asarray(sorted(finding_ids), dtype=np.int64)
        rows = np.clip(np.searchsorted(self.ids, ids), 0, max(len(self.ids) - 1, 0))
        return {int(i): int(self.reports[r]) for i, r in zip(ids, rows) if len(self.ids) and self.ids[r] == i}

    def _settle(self) -> None:
        """Merge pending findings into the posting lists in linear time. They were added after
        every settled finding, so each word's new postings go at the end of its list: an insert,
        not the full re-sort RepeatIndex does, which at a million findings costs seconds per
        report. The arrays are the same either way (tests/repeats/test_index.py)."""
        if not self._pending:
            return
        pending = np.concatenate(self._pending, axis=1)
        order = np.lexsort((pending[1], pending[0]))
        terms, owners = pending[0][order].astype(np.int64), pending[1][order]
        size = len(self.vocabulary)
        old = np.diff(self.posting_starts)
        ends = np.full(size, len(self.postings), dtype=np.int64)
        ends[: len(old)] = self.posting_starts[1:]
        counts = np.zeros(size, dtype=np.int64)
        counts[: len(old)] = old
        self.postings = np.insert(self.postings, ends[terms], owners).astype(np.int32)
        counts += np.bincount(terms, minlength=size)
        self.posting_starts = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
        self._pending = []

    def sort_by_report(self) -> None:
        """Make rows_of_reports a look-up rather than a scan (for a rebuild's many calls)."""
        self._by_report = np.argsort(self.reports, kind="stable")
        self._reports_sorted = self.reports[self._by_report]

    def rows_of_reports(self, report_ids) -> np.ndarray:
        wanted = np.asarray(sorted(report_ids), dtype=np.int64)
        if self._by_report is None:
            return np.flatnonzero(np.isin(self.reports, wanted))
        ordered = self._reports_sorted
        starts, ends = np.searchsorted(ordered, wanted), np.searchsorted(ordered, wanted, side="right")
        return np.sort(np.concatenate([self._by_report[a:b] for a, b in zip(starts, ends)] or [np.zeros(0, np.int64)]))

    def among(self, texts: list[str], rows: np.ndarray) -> list[list[tuple[int, float]]]:
        """For each text, (finding id, score) of the given rows that say what it says, scored
        exactly as matches() scores its candidates (each row's weights worked out once)."""
        if not len(rows):
            return [[] for _ in texts]
        stored = [(int(self.ids[row]), self._weights(self._sequence(row))) for row in rows.tolist()]
        found = []
        for text in texts:
            query = self._weights(self._query_terms(text, {}))
            scores = ((finding_id, cosine(query, weights)) for finding_id, weights in stored)
            found.append([(finding_id, round(score, 4)) for finding_id, score in scores if score >= self.threshold])
        return found


# Typical findings whose words set the background frequencies: the default tagger's training
# texts (real passages, and sentences in the reports' voice), shipped with Scrutiny.
BACKGROUND = Path(__file__).resolve().parent.parent / "tagging/data/default-training.jsonl"


@lru_cache(maxsize=1)
def background_texts() -> tuple[str, ...]:
    if not BACKGROUND.exists():
        return ()
    lines = BACKGROUND.read_text(encoding="utf-8").splitlines()
    return tuple(json.loads(line)["text"] for line in lines if line.strip())


def primed_index() -> "ReportIndex":
    index = ReportIndex()
    index.prime(background_texts())
    return index


@dataclass
class StoredFindings:
    indexes: dict = field(default_factory=lambda: {side: primed_index() for side in SIDES})
    count: int = 0  # findings read, of every kind
    top_id: int = 0

    def add(self, findings) -> None:
        """findings: (id, text, kind, report id, body id, year) in rising id order."""
        by_side: dict[str, list] = {side: [] for side in SIDES}
        for finding_id, text, kind, report_id, body_id, year in findings:
            self.count += 1
            self.top_id = max(self.top_id, finding_id)
            if side := side_of(kind):
                by_side[side].append((finding_id, text, report_id, body_id, year))
        for side, rows in by_side.items():
            if rows:
                self.indexes[side].add_findings(rows)


_stored: StoredFindings | None = None
_lock = threading.RLock()
FIELDS = ("id", "text", "kind", "report_id", "body_id", "year")


def stored_findings(excluding=()) -> StoredFindings:
    """The index of every stored finding except `excluding` (a report's new findings, written in
    the current transaction and added only when it commits), brought up to date."""
    global _stored
    with _lock:
        rows = Finding.objects.exclude(id__in=list(excluding))
        signature = rows.aggregate(count=Count("id"), top=Max("id"))
        count, top = signature["count"], signature["top"] or 0
        if _stored is not None and (count, top) != (_stored.count, _stored.top_id) and top > _stored.top_id:
            # Another process added findings: read them in; if the count still differs, some
            # were removed (or ids were handed out of order) and only a rebuild is right.
            _stored.add(rows.filter(id__gt=_stored.top_id).order_by("id").values_list(*FIELDS).iterator(2000))
        if _stored is None or (count, top) != (_stored.count, _stored.top_id):
            _stored = StoredFindings()
            _stored.add(rows.order_by("id").values_list(*FIELDS).iterator(chunk_size=5000))
        return _stored


def remember(findings) -> None:
    """Add a committed report's findings to the index, if it is in step with the database."""
    with _lock:
        if _stored is not None:
            _stored.add(sorted((f.id, f.text, f.kind, f.report_id, f.body_id, f.year) for f in findings))


def forget() -> None:
    """Drop the index: the next use builds it from the database (a rebuild, tests)."""
    global _stored
    with _lock:
        _stored = None

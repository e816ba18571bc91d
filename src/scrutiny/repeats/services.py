"""Finding and storing repeats: at ingest, for each new report, and all over again on request.

A new report's findings are matched against every stored finding on their side of the ledger
(concerns with concerns, good practice with good practice), published or not and in both
directions of time: an older report ingested late becomes the earlier side of its links. Two
searches feed each finding: the index's best candidates over the whole record, and every finding
of the reports at the report's own places, so that a repeat at the same place is never crowded
out by look-alikes elsewhere. A pair whose reports share a place is a repeat; any other pair a
shared concern, of which each finding keeps its best SHARED_LIMIT. Finding.repeats is set to the
nearest earlier repeat.
"""

import time
from dataclasses import dataclass
from itertools import groupby
from typing import NamedTuple

from django.db import transaction
from django.db.models import Count, Q

from scrutiny.findings.models import Finding
from scrutiny.repeats.index import SIDES, StoredFindings, forget, remember, side_of, stored_findings
from scrutiny.repeats.models import Relation, Repeat
from scrutiny.reports.models import Report

SHARED_LIMIT = 10  # shared concerns kept per finding: the strongest, not every look-alike


@dataclass(frozen=True)
class ReportFacts:
    when: tuple  # (publication date, report id): what "earlier" means
    places: frozenset


class Reports:
    """Publication dates and places of reports, read from the database as they are needed."""

    def __init__(self, preload: bool = False):
        self.facts: dict[int, ReportFacts] = {}
        self.at_place: dict[int, set[int]] | None = None
        if preload:
            self._load(Report.objects.all())
            self.at_place = {}
            for report_id, facts in self.facts.items():
                for place in facts.places:
                    self.at_place.setdefault(place, set()).add(report_id)

    def __getitem__(self, report_id: int) -> ReportFacts:
        return self.facts[report_id]

    def need(self, report_ids) -> None:
        missing = set(report_ids) - self.facts.keys()
        if missing:
            self._load(Report.objects.filter(id__in=missing))

    def reports_at(self, places) -> set[int]:
        if self.at_place is not None:
            return set().union(*(self.at_place.get(p, set()) for p in places))
        through = Report.establishments.through.objects.filter(establishment_id__in=places)
        return set(through.values_list("report_id", flat=True))

    def _load(self, reports) -> None:
        when = dict(reports.values_list("id", "published"))
        places: dict[int, set] = {report_id: set() for report_id in when}
        through = Report.establishments.through.objects.filter(report_id__in=reports.values("id"))
        for report_id, place in through.values_list("report_id", "establishment_id"):
            places[report_id].add(place)
        for report_id, published in when.items():
            self.facts[report_id] = ReportFacts((published, report_id), frozenset(places[report_id]))


def prepare() -> None:
    """Build the process's index now (an ingester does when it is made, as it loads its tagger),
    so that the first report ingested does not pay for it."""
    stored_findings()


def link_repeats(findings: list) -> None:
    """Called by ingest inside the report's transaction, with the report's new findings."""
    if not findings:
        return
    stored = stored_findings(excluding=[f.id for f in findings])
    reports = Reports()
    links = report_links(findings, stored, reports)
    save_links(links)
    transaction.on_commit(lambda: remember(findings))


def report_links(findings: list, stored: StoredFindings, reports: Reports) -> dict:
    """{(later id, earlier id): (relation, score)} for one report's findings against the index."""
    report_id = findings[0].report_id
    reports.need([report_id])
    own = reports[report_id]
    neighbours = reports.reports_at(own.places) - {report_id}
    own_ids = [f.id for f in findings]
    links: dict = {}
    for side in SIDES:
        mine = [f for f in findings if side_of(f.kind) == side]
        if not mine:
            continue
        index = stored.indexes[side]
        general = index.matches([f.text for f in mine], exclude_ids=own_ids)
        at_place = index.among([f.text for f in mine], index.rows_of_reports(neighbours))
        found = {}
        for finding, matches, here in zip(mine, general, at_place):
            pairs = {m.finding_id: m.score for m in matches}
            pairs.update(here)
            found[finding.id] = pairs
        report_of = index.report_of({i for pairs in found.values() for i in pairs})
        reports.need(report_of.values())
        for finding_id, pairs in found.items():
            shared = []
            for other_id, score in pairs.items():
                other_report = report_of.get(other_id)
                if other_report is None or other_report == report_id:
                    continue
                other = reports[other_report]
                pair = (finding_id, other_id) if other.when < own.when else (other_id, finding_id)
                if own.places & other.places:
                    links[pair] = (Relation.REPEAT, score)
                else:
                    shared.append((score, pair))
            for score, pair in sorted(shared, key=lambda s: (-s[0], s[1]))[:SHARED_LIMIT]:
                links.setdefault(pair, (Relation.SHARED_CONCERN, score))
    return links


def save_links(links: dict) -> None:
    """Store new links (a pair already linked keeps its row) and point Finding.repeats of every
    finding that gained a repeat at its nearest earlier repeat."""
    Repeat.objects.bulk_create(
        [Repeat(finding_id=later, earlier_id=earlier, relation=relation, score=score)
         for (later, earlier), (relation, score) in links.items()],
        ignore_conflicts=True, batch_size=1000,
    )
    later = {pair[0] for pair, (relation, _) in links.items() if relation == Relation.REPEAT}
    set_nearest_repeats(later)


def set_nearest_repeats(finding_ids) -> None:
    finding_ids = list(finding_ids)
    for start in range(0, len(finding_ids), 500):
        chunk = finding_ids[start : start + 500]
        nearest: dict[int, tuple] = {}
        rows = Repeat.objects.filter(finding_id__in=chunk, relation=Relation.REPEAT).values_list(
            "finding_id", "earlier_id", "earlier__report__published", "earlier__report_id"
        )
        for finding_id, earlier_id, published, report_id in rows:
            key = (published, report_id, earlier_id)
            if finding_id not in nearest or key > nearest[finding_id]:
                nearest[finding_id] = key
        Finding.objects.bulk_update(
            [Finding(id=i, repeats_id=key[2]) for i, key in nearest.items()], ["repeats"], batch_size=500
        )


@dataclass(frozen=True)
class Rebuilt:
    reports: int
    findings: int
    repeats: int
    shared_concerns: int
    seconds: float


class StoredFinding(NamedTuple):
    id: int
    text: str
    kind: str
    report_id: int


def rebuild(progress=None) -> Rebuilt:
    """Every link worked out again from the stored findings, in one transaction: what ingest
    finds for a report, for every report, against the record as it is now (for historic
    imports, corrections, and data stored before repeats were linked). A pair is found from
    either side; it is stored once."""
    started = time.perf_counter()
    forget()
    stored = stored_findings()
    for index in stored.indexes.values():
        index.sort_by_report()
    reports = Reports(preload=True)
    rows = Finding.objects.order_by("report_id", "id").values_list("id", "text", "kind", "report_id")
    done = 0
    with transaction.atomic():
        Finding.objects.filter(repeats__isnull=False).update(repeats=None)
        Repeat.objects.all().delete()
        links: dict = {}
        for _, findings in groupby((StoredFinding(*row) for row in rows.iterator(5000)), key=lambda f: f.report_id):
            links.update(report_links(list(findings), stored, reports))
            done += 1
            if len(links) > 20_000:
                save_links(links)
                links = {}
            if progress:
                progress(done, len(reports.facts))
        save_links(links)
    counts = dict(Repeat.objects.values_list("relation").annotate(n=Count("id")))
    return Rebuilt(
        reports=done, findings=stored.count, repeats=counts.get(Relation.REPEAT, 0),
        shared_concerns=counts.get(Relation.SHARED_CONCERN, 0), seconds=time.perf_counter() - started,
    )


def published_links():
    """Links whose two findings the public may see (and whose reports are published)."""
    hidden = Report.objects.filter(is_published=False).values("id")
    return Repeat.objects.filter(finding__is_published=True, earlier__is_published=True).exclude(
        Q(finding__report_id__in=hidden) | Q(earlier__report_id__in=hidden)
    )

"""What the public may see of repeats: recurring findings built from published links only.

A *recurring finding* is a set of published findings joined by repeat links (one ask raised again
at the same place, report after report), taken whole: if the 2025 report repeats the 2022 one
and that repeated the 2019 one, the three are one recurring finding raised in 3 reports since
2019, even where the 2025 wording no longer matches the 2019 wording by itself. Both ends of a
link must be published, so an unpublished report neither adds to a count nor bridges two
published findings.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Q

from scrutiny.catalogue.models import Establishment, Setting, Theme
from scrutiny.findings.models import Tag
from scrutiny.findings.query import public_findings, with_context
from scrutiny.repeats.models import Relation
from scrutiny.repeats.services import published_links
from scrutiny.reports.models import Report

MAX_HOPS = 50  # a chain longer than this is cut, not followed for ever
SHARED_SHOWN = 10


def chain_of(finding_id: int) -> set[int]:
    """The published findings joined to this one by repeat links, itself included."""
    repeats = published_links().filter(relation=Relation.REPEAT)
    members, frontier = {finding_id}, {finding_id}
    for _ in range(MAX_HOPS):
        pairs = repeats.filter(Q(finding_id__in=frontier) | Q(earlier_id__in=frontier)).values_list("finding_id", "earlier_id")
        found = {i for pair in pairs for i in pair} - members
        if not found:
            break
        members |= found
        frontier = found
    return members


def earliest_first(findings) -> list:
    return sorted(findings, key=lambda f: (f.report.published, f.report_id, f.position))


def finding_repeats(finding) -> dict:
    """For a finding's page: the chain it belongs to, split at it, and its shared concerns."""
    members = chain_of(finding.id)
    chain = earliest_first(with_context(public_findings().filter(id__in=members)))
    position = next(i for i, f in enumerate(chain) if f.id == finding.id)
    earlier, later = chain[:position], chain[position + 1 :]
    shared_ids = {
        pair[0] if pair[1] == finding.id else pair[1]
        for pair in published_links().filter(relation=Relation.SHARED_CONCERN)
        .filter(Q(finding_id=finding.id) | Q(earlier_id=finding.id))
        .order_by("-score", "id").values_list("finding_id", "earlier_id")[: SHARED_SHOWN * 2]
    }
    shared = earliest_first(
        with_context(public_findings().filter(id__in=shared_ids).select_related("setting")).exclude(id__in=members)
    )[-SHARED_SHOWN:]
    reports = {f.report_id for f in [*earlier, finding]}
    return {
        "repeat_earlier": earlier,
        "repeat_later": later,
        "raised_times": len(reports),
        "raised_since": earlier[0].year if earlier else finding.year,
        "shared_concerns": list(reversed(shared)),
    }


# -- the most repeated --------------------------------------------------------------------------


@dataclass
class RecurringFinding:
    latest_id: int  # the newest wording
    finding_ids: list  # oldest first
    times: int  # reports that raised it
    first_year: int
    last_year: int
    place_ids: set = field(default_factory=set)  # where it recurred: places of two or more of its reports
    settings: set = field(default_factory=set)  # setting ids
    themes: set = field(default_factory=set)  # theme ids
    latest: object = None  # the latest Finding with its report, filled in for the rows shown
    places: list = field(default_factory=list)  # the Establishments, likewise


def recurring_findings() -> list[RecurringFinding]:
    """Every recurring finding, most often raised first (then the most recent). Read as plain
    values, so that a record of many repeats is counted without loading each finding."""
    parent: dict[int, int] = {}

    def root(i: int) -> int:
        while parent.setdefault(i, i) != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    links = published_links().filter(relation=Relation.REPEAT).values_list("finding_id", "earlier_id")
    for later, earlier in links.iterator(5000):
        parent[root(later)] = root(earlier)
    groups: dict[int, list[int]] = {}
    for member in list(parent):
        groups.setdefault(root(member), []).append(member)
    facts, themes, places = {}, {}, {}
    ids = list(parent)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = public_findings().filter(id__in=chunk).values_list(
            "id", "report_id", "report__published", "position", "year", "setting_id")
        for row in rows:
            facts[row[0]] = row
        for finding_id, theme_id in Tag.objects.filter(finding_id__in=chunk).values_list("finding_id", "theme_id"):
            themes.setdefault(finding_id, set()).add(theme_id)
    report_ids = list({row[1] for row in facts.values()})
    for start in range(0, len(report_ids), 500):
        through = Report.establishments.through.objects.filter(report_id__in=report_ids[start : start + 500])
        for report_id, place_id in through.values_list("report_id", "establishment_id"):
            places.setdefault(report_id, set()).add(place_id)
    recurring = []
    for members in groups.values():
        chain = sorted((facts[i] for i in members if i in facts), key=lambda row: (row[2], row[1], row[3]))
        reports = {row[1] for row in chain}
        if len(reports) < 2:
            continue
        seen = Counter(place for report_id in reports for place in places.get(report_id, ()))
        recurring.append(RecurringFinding(
            latest_id=chain[-1][0], finding_ids=[row[0] for row in chain], times=len(reports),
            first_year=chain[0][4], last_year=chain[-1][4],
            place_ids={place for place, n in seen.items() if n > 1},
            settings={row[5] for row in chain if row[5]},
            themes=set().union(*(themes.get(row[0], set()) for row in chain)),
        ))
    latest = {r.latest_id: (facts[r.latest_id][2], facts[r.latest_id][1]) for r in recurring}
    recurring.sort(key=lambda r: (-r.times, -r.last_year, -latest[r.latest_id][0].toordinal(), -r.latest_id))
    return recurring


def with_records(recurring: list[RecurringFinding]) -> list[RecurringFinding]:
    """Fill in the findings and places of the recurring findings about to be shown."""
    latest = with_context(public_findings().filter(id__in=[r.latest_id for r in recurring])).in_bulk()
    places = Establishment.objects.in_bulk(set().union(*(r.place_ids for r in recurring)))
    for r in recurring:
        r.latest = latest[r.latest_id]
        r.places = sorted((places[i] for i in r.place_ids), key=lambda p: p.name)
    return recurring


@dataclass(frozen=True)
class Group:
    key: str  # slug, for the address of its filtered list
    name: str
    recurring: int
    times: int
    most: int
    last_year: int


def grouped(recurring: list[RecurringFinding], by: str) -> list[Group]:
    """Recurring findings counted by establishment, theme or setting (a finding may count in
    several groups: a joint report's places, a finding's several themes)."""
    if by == "establishment":
        names = {e.id: (e.slug, e.name) for e in Establishment.objects.filter(id__in=set().union(*(r.place_ids for r in recurring)))}
    elif by == "theme":
        names = {t.id: (t.slug, t.name) for t in Theme.objects.all()}
    elif by == "setting":
        names = {s.id: (s.slug, s.name) for s in Setting.objects.all()}
    buckets: dict = {}
    for r in recurring:
        members = {"establishment": r.place_ids, "theme": r.themes, "setting": r.settings}[by]
        keys = [names[i] for i in members if i in names]
        for key in keys:
            buckets.setdefault(key, []).append(r)
    groups = [
        Group(slug, name, len(rs), sum(r.times for r in rs), max(r.times for r in rs), max(r.last_year for r in rs))
        for (slug, name), rs in buckets.items()
    ]
    return sorted(groups, key=lambda g: (-g.recurring, -g.times, g.name))

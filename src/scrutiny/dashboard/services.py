"""What each page shows, gathered from the database, so that the views stay a line or two.

Everything here reads published records only: an unpublished report or finding is a 404, and
counts never include it (see findings.query.public_findings)."""

from collections import Counter
from datetime import date
from dataclasses import dataclass
from itertools import groupby

from django.core.paginator import Paginator
from django.core.validators import slug_re
from django.db.models import Count, Exists, Min, OuterRef, Prefetch, Q
from django.http import Http404
from django.utils.translation import gettext as _

from scrutiny.catalogue.models import Body, Establishment
from scrutiny.findings.models import CONCERN_KINDS, Finding, Kind, Tag
from scrutiny.followup import pages as followup_pages
from scrutiny.repeats import pages as repeats_pages
from scrutiny.findings.query import parse, public_findings, with_context
from scrutiny.analysis.pages import counter_from_facet
from scrutiny.reports.models import Report

PAGE_SIZE = 50
NEIGHBOURS = 3  # findings shown either side of one finding, from the same report


def public_reports():
    return Report.objects.filter(is_published=True)


def kind_counts(findings) -> list[tuple[str, str, int]]:
    """(kind, label, count) in the order kinds are listed everywhere, leaving out absent kinds."""
    return _in_kind_order(dict(findings.order_by().values_list("kind").annotate(n=Count("id"))))


def _in_kind_order(counts: dict) -> list[tuple[str, str, int]]:
    return [(k.value, k.label, counts[k.value]) for k in Kind if counts.get(k.value)]


def home_page() -> dict:
    # Counted by the query engine: a GROUP BY over every finding took a second at a million.
    by_kind = {kind: n for (kind,), n in parse({}).counts("kind").items()}
    reports = public_reports()
    return {
        "total": sum(by_kind.values()),
        "recommendations": by_kind.get(Kind.RECOMMENDATION, 0),
        "concerns": sum(n for k, n in by_kind.items() if k in CONCERN_KINDS),
        "good_practice": by_kind.get(Kind.GOOD_PRACTICE, 0),
        "reports": reports.count(),
        "bodies_reporting": reports.values("body_id").distinct().count(),
        "earliest": reports.aggregate(first=Min("published"))["first"],
    }


def findings_page(params) -> dict:
    query = parse(params)
    page = Paginator(query.listing(), PAGE_SIZE).get_page(params.get("page"))
    facets = {facet.name: facet for facet in query.facets()}
    counter = counter_from_facet(facets["kind"], query.values_of("kind"))
    return {"query": query, "page": page, "facets": facets, "counter": counter}


def finding_page(finding_id: int) -> dict:
    finding = _get_or_404(with_context(public_findings()), id=finding_id)
    around = public_findings().filter(report_id=finding.report_id)
    before = list(around.filter(position__lt=finding.position).order_by("-position")[:NEIGHBOURS])
    after = list(around.filter(position__gt=finding.position).order_by("position")[:NEIGHBOURS])
    return {
        "finding": finding,
        "tags": finding.tags.select_related("theme").order_by("theme__position"),
        "population_tags": finding.population_tags.select_related("population").order_by("population__position"),
        "neighbours": [*reversed(before), finding, *after],
        **followup_pages.finding_context(finding),
        **repeats_pages.finding_context(finding),
    }


@dataclass(frozen=True)
class FindingGroup:
    heading: str
    findings: list


def report_page(report_id: int) -> dict:
    report = _get_or_404(
        public_reports().select_related("body", "setting", "nation").prefetch_related("establishments", "co_bodies"),
        id=report_id,
    )
    findings = public_findings().filter(report=report).select_related("report", "body").order_by("position")
    # Findings keep the order and headings of the report, so a reader can set the page beside it.
    groups = [
        FindingGroup(heading, list(members))
        for heading, members in groupby(findings, key=lambda f: f.label_in_source or f.get_kind_display())
    ]
    return {"report": report, "groups": groups, "kind_counts": kind_counts(findings)}


def reports_page(params) -> dict:
    reports = (
        public_reports()
        .select_related("body")
        .prefetch_related("establishments")
        .annotate(finding_count=Count("findings", filter=Q(findings__is_published=True)))
    )
    body = None
    if (slug := params.get("body")) and slug_re.match(slug):
        # Checked first: PostgreSQL refuses a NUL in a query parameter with an error, not no rows.
        body = Body.objects.filter(slug=slug).first()
        if body:
            reports = reports.filter(body=body)
    page = Paginator(reports.order_by("-published", "title"), PAGE_SIZE).get_page(params.get("page"))
    return {"page": page, "body": body, "bodies": Body.objects.order_by("name")}


def visible_establishments():
    """Places in the register that the public may see: those confirmed by a person, and any with
    a published report. A place that ingest added for a draft report stays hidden with it."""
    has_public_report = Exists(Report.objects.filter(establishments=OuterRef("pk"), is_published=True))
    return Establishment.objects.annotate(has_public_report=has_public_report).filter(
        Q(needs_review=False) | Q(has_public_report=True)
    )


FEW_PLACES = 1000  # an API page holds 500 at most; beyond this, every link is counted (no long IN list)


def with_report_counts(places) -> list:
    """The places, each with `report_count`, its published reports. Counted in a query grouped
    by place alone: annotated onto a list of places, SQL grouped the join by every column of
    the list (125 ms for /establishments at a million findings, now 40)."""
    places = list(places)
    links = Report.establishments.through.objects.filter(report__is_published=True).order_by()
    if len(places) <= FEW_PLACES:  # a page of them, or one: their own links only
        links = links.filter(establishment_id__in=[place.id for place in places])
    counts = dict(links.values("establishment_id").annotate(n=Count("pk")).values_list("establishment_id", "n"))
    for place in places:
        place.report_count = counts.get(place.id, 0)
    return places


def establishments_page() -> dict:
    """Every visible place with its count of published reports."""
    establishments = with_report_counts(visible_establishments().select_related("setting", "nation").order_by("name"))
    return {"establishments": establishments}


def establishment_page(slug: str) -> dict:
    establishment = _get_or_404(visible_establishments().select_related("setting", "nation"), slug=slug)
    findings = public_findings().filter(report__establishments=establishment)
    return {
        "establishment": establishment,
        "reports": public_reports().filter(establishments=establishment).select_related("body").order_by("-published"),
        "aliases": [a.name for a in establishment.aliases.exclude(name=establishment.name)],
        **_with_timeline(history_table(findings), establishment.name),
    }


@dataclass(frozen=True)
class HistoryTable:
    kinds: list[tuple[str, str]]
    rows: list[tuple[int, list[int], int]]  # year, count per kind, total

    @property
    def totals(self) -> list[int]:
        return [sum(row[1][i] for row in self.rows) for i in range(len(self.kinds))]


def history_table(findings) -> HistoryTable:
    """Counts of findings by year published and kind: an establishment's history at a glance."""
    return _history(Counter(
        {(year, kind): n for year, kind, n in findings.order_by().values_list("year", "kind").annotate(n=Count("id"))}
    ))


def _history(counts: Counter) -> HistoryTable:
    present = {kind for _, kind in counts}
    kinds = [(k.value, k.label) for k in Kind if k.value in present]
    years = sorted({year for year, _ in counts}, reverse=True)
    rows = []
    for year in years:
        cells = [counts[(year, kind)] for kind, _ in kinds]
        rows.append((year, cells, sum(cells)))
    return HistoryTable(kinds, rows)


def _with_timeline(table: HistoryTable, name: str) -> dict:
    """The history table and its chart (analysis.timeline), drawn from the same numbers."""
    from scrutiny.analysis.timeline import timeline_svg

    return {"history_table": table, "timeline": timeline_svg(table, name)}


def bodies_page() -> dict:
    # "The bodies" are the NPM's 21; a source read beside them (the sheriff courts' FAI
    # determinations) keeps its own page and filter but is not listed as one of them.
    bodies = (
        Body.objects.of_the_npm().prefetch_related("nations")
        .annotate(report_count=Count("reports", filter=Q(reports__is_published=True)))
        .order_by("name")
    )
    return {"bodies": bodies}


def body_page(slug: str) -> dict:
    body = _get_or_404(Body.objects.prefetch_related("nations", "settings"), slug=slug)
    # Counted by the query engine: a body holds tens of thousands of findings at a million, and
    # two GROUP BYs over them took half a second.
    by_year_and_kind = Counter({(int(year), kind): n for (year, kind), n in parse({"body": [slug]}).counts("year", "kind").items()})
    by_kind: Counter = Counter()
    for (_, kind), n in by_year_and_kind.items():
        by_kind[kind] += n
    reports = public_reports().filter(body=body).prefetch_related("establishments").order_by("-published")
    return {
        "body": body,
        "kind_counts": _in_kind_order(by_kind),
        **_with_timeline(_history(by_year_and_kind), body.short_name),
        "reports": reports[:10],
        "report_count": reports.count(),
    }


# The accessibility statement says when it was last checked and when it will be again; a test
# keeps the two within a year of each other, so the statement cannot quietly go stale.
ACCESSIBILITY_REVIEWED = date(2026, 11, 22)
ACCESSIBILITY_NEXT_REVIEW = date(2027, 5, 22)


def accessibility_page() -> dict:
    return {"reviewed": ACCESSIBILITY_REVIEWED, "next_review": ACCESSIBILITY_NEXT_REVIEW}


def privacy_page() -> dict:
    from django.conf import settings

    return {
        "session_hours": settings.SESSION_COOKIE_AGE // 3600,
        "lockout_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }


def about_page() -> dict:
    return {
        "kinds": [(k.value, k.label, _counts_as(k.value)) for k in Kind],
        "tag_origins": Tag._meta.get_field("origin").choices,
    }


def _counts_as(kind: str) -> str:
    if kind in CONCERN_KINDS:
        return _("Concern")
    return _("Good practice") if kind == Kind.GOOD_PRACTICE else _("Neither")


def _get_or_404(queryset, **lookup):
    found = queryset.filter(**lookup).first()
    if found is None:
        raise Http404("No such page")
    return found

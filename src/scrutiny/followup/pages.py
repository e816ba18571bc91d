"""What the follow-up pages show: the public finding page's follow-up section, the public
status chart (/follow-up), and the staff queue of suggestions (/manage/follow-up)."""

from dataclasses import dataclass
from itertools import groupby
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count, Q

from scrutiny.accounts import access, roles
from scrutiny.curation.services import may_edit
from scrutiny.findings.models import Finding, Status
from scrutiny.findings.query import FACETS, parse, public_findings, with_context
from scrutiny.followup import services
from scrutiny.followup.models import LinkSuggestion

PAGE_SIZE = 20  # assessments per page of the queue
SEARCH_LIMIT = 30
# The verdicts the chart draws, best first; "not assessed" is what the chart is not about.
VERDICTS = [s for s in Status if s != Status.NOT_ASSESSED]
# GOV.UK colours, each at least 3:1 against white (WCAG 1.4.11); the table says it in words too.
COLOURS = {
    Status.ACHIEVED: "#00703c", Status.GOOD_PROGRESS: "#1d70b8", Status.SOME_PROGRESS: "#912b88",
    Status.NO_PROGRESS: "#d4351c", Status.NO_LONGER_RELEVANT: "#505a5f",
}


# --- public ------------------------------------------------------------------------------------

def finding_context(finding) -> dict:
    return {
        "assesses": public_findings().filter(id=finding.assesses_id).select_related("report").first(),
        "assessed_by": with_context(public_findings().filter(assesses_id=finding.id)),
        "status_history": list(services.history_of(finding, public=True)),
    }


@dataclass(frozen=True)
class Bar:
    status: str
    label: str
    count: int
    x: float  # where the segment starts, in percent of the row
    width: float  # in percent


@dataclass(frozen=True)
class ChartRow:
    slug: str
    name: str
    counts: list[int]  # one per verdict, in VERDICTS order
    total: int
    bars: list[Bar]
    link_query: str  # the findings behind the row: this query, narrowed to the body


def status_page(params) -> dict:
    """Assessed findings by status and body, over the same filters as /findings. A concern is
    counted once: the earlier finding, with its latest verdict, when a person linked the
    assessment to it; the assessment itself (with its own verdict) while it is unlinked."""
    query = parse(params)
    # Only the rows matter, not the search rank: `containing`, as the facet counts do.
    judged = query._scope(except_facet=None).exclude(status=Status.NOT_ASSESSED).filter(assesses__isnull=True)
    rows = judged.values_list("body__slug", "body__name", "status").annotate(n=Count("id"))
    by_body: dict[tuple, dict] = {}
    for slug, name, status, n in rows:
        by_body.setdefault((slug, name), {})[status] = n
    totals = {s.value: sum(c.get(s.value, 0) for c in by_body.values()) for s in VERDICTS}
    others = [(f, v) for f in FACETS if f not in ("body", "status") for v in query.values_of(f)]
    others += [("status", s.value) for s in VERDICTS if not query.values_of("status") or s.value in query.values_of("status")]
    others += [("q", query.q)] if query.q else []
    chart = [_row(slug, name, counts, urlencode([("body", slug), *others])) for (slug, name), counts in by_body.items()]
    chart.sort(key=lambda r: (-r.total, r.name))
    return {
        "section": "findings",
        "query": query,
        "chart": chart,
        "verdicts": VERDICTS,
        "colours": {s.value: c for s, c in COLOURS.items()},
        "totals": [totals[s.value] for s in VERDICTS],
        "total": sum(totals.values()),
    }


def _row(slug: str, name: str, counts: dict, link_query: str) -> ChartRow:
    values = [counts.get(s.value, 0) for s in VERDICTS]
    total = sum(values)
    bars, x = [], 0.0
    for status, n in zip(VERDICTS, values):
        width = 100 * n / total if total else 0
        if n:
            bars.append(Bar(status.value, status.label, n, round(x, 2), round(width, 2)))
        x += width
    return ChartRow(slug, name, values, total, bars, link_query)


# --- staff -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Waiting:
    assessment: Finding
    suggestions: list


def queue(user, params) -> dict:
    """Pending suggestions, an assessment and its candidates at a time, by report."""
    pending = services.pending_for(user)
    report_id = params.get("report", "")
    if report_id.isdigit():
        pending = pending.filter(assessment__report_id=int(report_id))
    pending = [s for s in pending.order_by("-assessment__report__published", "assessment__report_id",
                                             "assessment__position", "rank") if services._visible(user, s.assessed)]
    waiting = [Waiting(a, list(group)) for a, group in groupby(pending, key=lambda s: s.assessment)]
    page = Paginator(waiting, PAGE_SIZE).get_page(params.get("page"))
    by_report = [(report, list(items)) for report, items in groupby(page.object_list, key=lambda w: w.assessment.report)]
    return {"section": "manage", "page": page, "by_report": by_report, "report_id": report_id}


def pending_count(user) -> int:
    return services.pending_for(user).values("assessment_id").distinct().count()


def assessment_page(user, finding_id: int, params) -> dict:
    """One assessment: what it is linked to, its suggestions, and a search for another finding."""
    assessment = services.assessment_for(user, finding_id)
    q = " ".join(params.get("q", "").split())[:200]
    results = []
    if q:
        candidates = services.candidates_for(assessment.report)
        words = Q()
        if q.isdigit():
            words |= Q(id=int(q))
        words |= Q(number__iexact=q) | Q(text__icontains=q)
        results = [f for f in candidates.filter(words).order_by("-report__published", "position")[:SEARCH_LIMIT]
                   if services._visible(user, f)]
    suggestions = [s for s in LinkSuggestion.objects.filter(assessment=assessment)
                   .select_related("assessed__report").order_by("state", "rank") if services._visible(user, s.assessed)]
    return {
        "section": "manage",
        "assessment": assessment,
        "suggestions": suggestions,
        "history": list(services.history_of(assessment.assesses, public=False)) if assessment.assesses_id else [],
        "q": q,
        "results": results,
        "may_link": access.can(user, roles.EDIT, assessment.report.body_id) and may_edit(user, assessment.report),
    }

"""The read-only JSON API, `/api/v1/`, described at `/api/openapi.json`.

It answers from the same query path as the pages (findings.query.parse of the same query
string), so a filter means the same here as on /findings, and it shows published records only:
a draft's id answers exactly as an id that never existed. The interactive docs page is off: it
would load its script from a CDN, and the description is enough for any client generator."""

from math import ceil

from django.db.models import Count, Q
from django.http import Http404
from django.urls import reverse
from ninja import NinjaAPI, Query, Router

from scrutiny.api import schemas
from scrutiny.api.finding_rows import finding_address, rows_for
from scrutiny.api.findings_export import facet_counts, ignored_parts
from scrutiny.catalogue.models import Body, Nation, Population, Setting, Theme
from scrutiny.dashboard.services import public_reports, visible_establishments, with_report_counts
from scrutiny.findings.query import FACETS, Ignored, Vocabulary, parse, public_findings

MAX_PAGE_SIZE = 500
DEFAULT_PAGE_SIZE = 50
MAX_PAGE = 10_000_000  # far past any last page, and every offset still fits a 64-bit integer
MAX_ID = 2**63 - 1

api = NinjaAPI(
    title="UK NPM Reporting Dashboard API",
    version="1",
    description="Published findings of the UK National Preventive Mechanism's bodies, with the filters "
    "of the dashboard's /findings. Data: Open Government Licence v3.0.",
    openapi_url="/openapi.json",
    docs_url=None,
    urls_namespace="api",
)
v1 = Router()


def page_of(request, count: int, page: int, page_size: int, ignored: list) -> dict:
    """count, this page, links to the next and previous pages (same query, another page)."""

    def link(number: int) -> str:
        params = request.GET.copy()
        params["page"], params["page_size"] = str(number), str(page_size)
        return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")

    last = max(1, ceil(count / page_size))
    return {
        "count": count, "page": page, "page_size": page_size,
        "next": link(page + 1) if page < last else None,
        "previous": link(min(page - 1, last)) if page > 1 else None,
        "ignored": ignored,
    }


def _id_or_404(value: int) -> int:
    # An id no database could hold is as unknown as any other (and must not reach SQLite).
    if not 0 < value <= MAX_ID:
        raise Http404
    return value


# -- findings -------------------------------------------------------------------------------------


@v1.get("/findings", response=schemas.FindingPage, summary="Findings matching the filters of /findings")
def findings(request, filters: Query[schemas.FindingFilters], page: int = Query(1, ge=1, le=MAX_PAGE),
             page_size: int = Query(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)):
    query = parse(request.GET)
    start = (page - 1) * page_size
    results = rows_for(query.ids(start, start + page_size), finding_address(request), query.vocabulary)
    return {**page_of(request, query.count(), page, page_size, ignored_parts(query)), "results": results}


@v1.get("/findings/{finding_id}", response={200: schemas.Finding, 404: schemas.NotFound}, summary="One finding")
def finding(request, finding_id: int):
    rows = rows_for([_id_or_404(finding_id)], finding_address(request))
    if not rows:
        raise Http404
    return rows[0]


@v1.get("/facets", response=schemas.Facets, summary="Each filter's values counted over the others, as /findings shows")
def facets(request, filters: Query[schemas.FindingFilters]):
    query = parse(request.GET)
    return {"count": query.count(), "facets": facet_counts(query), "ignored": ignored_parts(query)}


@v1.get("/counts", response=schemas.Counts, summary="Matching findings counted by one or more dimensions")
def counts(request, filters: Query[schemas.FindingFilters], by: list[str] = Query([], description=f"any of {', '.join(FACETS)}; repeat for a cross-tabulation")):
    query = parse(request.GET)
    ignored = ignored_parts(query)
    dimensions = []
    for name in by:
        if name in FACETS and name not in dimensions:
            dimensions.append(name)
        else:
            ignored.append({"parameter": "by", "value": name[:60], "reason": "not a dimension, or given twice"})
    total = query.count()
    rows = [{"count": total}] if not dimensions else [
        {**dict(zip(dimensions, key)), "count": n} for key, n in sorted(query.counts(*dimensions).items())
    ]
    return {"by": dimensions, "count": total, "rows": rows, "ignored": ignored}


# -- reports ---------------------------------------------------------------------------------------


def _report_filters(params) -> tuple[dict, list]:
    vocabulary = Vocabulary.load()
    lookups = {"body": "body__slug__in", "setting": "setting__slug__in", "nation": "nation__slug__in", "year": "published__year__in"}
    chosen, ignored = {}, []
    for name, lookup in lookups.items():
        for raw in params.getlist(name):
            if not raw.strip():
                continue
            value, reason = vocabulary.check(name, raw)
            if value is None:
                ignored.append(vars(Ignored(name, raw[:60], reason)))
            else:
                chosen.setdefault(lookup, []).append(value)
    return chosen, ignored


def _reports():
    return (
        public_reports().select_related("body", "setting", "nation").prefetch_related("establishments", "co_bodies")
        .annotate(finding_count=Count("findings", filter=Q(findings__is_published=True)))
    )


def report_summary(request, report) -> dict:
    return {
        "id": report.id, "address": request.build_absolute_uri(reverse("report", args=[report.id])),
        "title": report.title, "report_type": report.report_type, "published": report.published,
        "body": report.body.slug, "co_bodies": sorted(b.slug for b in report.co_bodies.all()),
        "establishments": sorted(e.name for e in report.establishments.all()),
        "setting": report.setting.slug if report.setting else "", "nation": report.nation.slug if report.nation else "",
        "source_url": report.source_url, "finding_count": report.finding_count,
    }


@v1.get("/reports", response=schemas.ReportPage, summary="Published reports, newest first")
def reports(request, filters: Query[schemas.ReportFilters], page: int = Query(1, ge=1, le=MAX_PAGE),
            page_size: int = Query(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)):
    chosen, ignored = _report_filters(request.GET)
    found = _reports().filter(**chosen).order_by("-published", "title", "id")
    start = (page - 1) * page_size
    results = [report_summary(request, r) for r in found[start:start + page_size]]
    return {**page_of(request, found.count(), page, page_size, ignored), "results": results}


@v1.get("/reports/{report_id}", response={200: schemas.ReportDetail, 404: schemas.NotFound}, summary="One report with its findings")
def report(request, report_id: int):
    found = _reports().filter(id=_id_or_404(report_id)).first()
    if found is None:
        raise Http404
    ids = list(public_findings().filter(report_id=found.id).order_by("position").values_list("id", flat=True))
    return {**report_summary(request, found), "findings": rows_for(ids, finding_address(request))}


# -- places, bodies and vocabularies ------------------------------------------------------------------


def establishment_row(request, place) -> dict:
    return {
        "slug": place.slug, "name": place.name,
        "address": request.build_absolute_uri(reverse("establishment", args=[place.slug])),
        "setting": place.setting.slug if place.setting else "", "nation": place.nation.slug if place.nation else "",
        "report_count": place.report_count,
    }


def _establishments():
    return visible_establishments().select_related("setting", "nation")


@v1.get("/establishments", response=schemas.EstablishmentPage, summary="Establishments the public may see, by name")
def establishments(request, page: int = Query(1, ge=1, le=MAX_PAGE), page_size: int = Query(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)):
    found = _establishments().order_by("name", "slug")
    start = (page - 1) * page_size
    results = [establishment_row(request, p) for p in with_report_counts(found[start:start + page_size])]
    return {**page_of(request, found.count(), page, page_size, []), "results": results}


@v1.get("/establishments/{slug}", response={200: schemas.Establishment, 404: schemas.NotFound}, summary="One establishment")
def establishment(request, slug: str):
    place = _establishments().filter(slug=slug[:120]).first() if slug.isascii() and "\x00" not in slug else None
    if place is None:
        raise Http404
    return establishment_row(request, with_report_counts([place])[0])


@v1.get("/bodies", response=list[schemas.Body], summary="The NPM's bodies")
def bodies(request):
    # The NPM's own bodies, as on /bodies; /bodies/scottish-fai and ?body=scottish-fai still work.
    found = Body.objects.of_the_npm().prefetch_related("nations").annotate(
        report_count=Count("reports", filter=Q(reports__is_published=True))
    ).order_by("name")
    return [
        {"slug": b.slug, "name": b.name, "short_name": b.short_name, "address": request.build_absolute_uri(reverse("body", args=[b.slug])),
         "nations": sorted(n.slug for n in b.nations.all()), "report_count": b.report_count}
        for b in found
    ]


def _terms(model) -> list[dict]:
    return list(model.objects.order_by("position", "slug").values("slug", "name", "name_cy", "description"))


@v1.get("/themes", response=list[schemas.Term], summary="Themes a finding is tagged with")
def themes(request):
    return _terms(Theme)


@v1.get("/settings", response=list[schemas.Term], summary="Kinds of place of detention")
def settings(request):
    return _terms(Setting)


@v1.get("/populations", response=list[schemas.Term], summary="Groups of people detained")
def populations(request):
    return _terms(Population)


@v1.get("/nations", response=list[schemas.Term], summary="The four nations")
def nations(request):
    return _terms(Nation)


api.add_router("/v1/", v1)

"""The downloads of /findings: `/findings.csv`, `.json` and `.xlsx` with the same query string
(the same filters, search and order). CSV and XLSX hold every matching finding. The JSON twin is
the page itself as data (the Datasette pattern): the same 50 findings as `?page=N` shows, the
count, the facet counts, the parts of the address that were not used and the next page's
address; `?page=all` streams every matching finding instead."""

from django.utils.translation import gettext as _

from scrutiny.api import exports
from scrutiny.api.finding_rows import COLUMNS, finding_address, finding_csv_lines, finding_rows, rows_for
from scrutiny.findings.query import parse

PAGE_SIZE = 50  # as /findings


def facet_counts(query) -> dict:
    return {
        facet.name: [
            {"value": v.value, "label": v.label, "count": v.count, "selected": v.selected} for v in facet.values
        ]
        for facet in query.facets()
    }


def ignored_parts(query) -> list[dict]:
    return [{"parameter": i.parameter, "value": i.value, "reason": i.reason} for i in query.ignored]


def findings_export(request, fmt: str):
    query = parse(request.GET)
    address = finding_address(request)
    rows = finding_rows(query, address)
    about = exports.about_for(request, _("Findings"), query, "findings")
    extra, whole = None, False
    if fmt == "json":
        count = query.count()
        extra = {"count": count, "facets": facet_counts(query), "ignored": ignored_parts(query)}
        if request.GET.get("page") != "all":
            number = _page_number(request.GET.get("page"), count)
            start = (number - 1) * PAGE_SIZE
            rows, whole = rows_for(query.ids(start, start + PAGE_SIZE), address, query.vocabulary), True
            more = start + PAGE_SIZE < count
            extra |= {
                "page": number, "page_size": PAGE_SIZE,
                "next": request.build_absolute_uri("?" + query.query_string(page=number + 1)) if more else None,
            }
    if fmt == "csv":
        table = exports.Table(COLUMNS, finding_csv_lines(query, address), lines=True)
    else:
        table = exports.Table(COLUMNS, rows)
    return exports.response(fmt, table, about, "findings", extra, whole)


def _page_number(raw: str | None, count: int) -> int:
    """As the page reads it: a number past the end or not a number gives the nearest page."""
    last = max(1, -(-count // PAGE_SIZE))
    try:
        return min(max(1, int(raw or 1)), last)
    except ValueError:
        return 1

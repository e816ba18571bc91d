"""The downloads of /findings: `/findings.csv`, `.json` and `.xlsx` with the same query string
(the same filters, search and order), every matching finding. The JSON twin also carries the
count, the facet counts and the parts of the address that were not used, as the page shows them
(the Datasette pattern)."""

from django.utils.translation import gettext as _

from scrutiny.api import exports
from scrutiny.api.finding_rows import COLUMNS, finding_address, finding_rows
from scrutiny.findings.query import parse


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
    table = exports.Table(COLUMNS, finding_rows(query, finding_address(request)))
    about = exports.about_for(request, _("Findings"), query, "findings")
    extra = None
    if fmt == "json":
        extra = {"count": query.count(), "facets": facet_counts(query), "ignored": ignored_parts(query)}
    return exports.response(fmt, table, about, "findings", extra)

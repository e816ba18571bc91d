"""What each analysis page shows, and its downloads, so that the views stay a line each.

Every page reads the shared filters with findings.query.parse() (so an address works the same on
/findings and here) plus its own options (?by=, ?interval=, ?of=). An unknown value of either is
dropped and reported on the page, never an error: these addresses are bookmarked and cited.
"""

from collections import Counter
from urllib.parse import urlencode

from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from scrutiny.analysis import analyses
from scrutiny.analysis.coverage import coverage
from scrutiny.api import exports
from scrutiny.findings.models import CONCERN_KINDS, Kind
from scrutiny.findings.query import Ignored, parse

DOWNLOADS = ("svg", "csv", "json", "xlsx")
# The analysis views, in the order the pages link to each other (URL name, link text).
VIEW_NAMES = ("trends", "top_themes", "compare", "coverage")


def views() -> list[tuple[str, str]]:
    return [("trends", _("Trends over time")), ("top_themes", _("Top themes")),
            ("compare", _("Compare settings")), ("coverage", _("Coverage"))]


def _option(params, name: str, allowed, default: str, query) -> str:
    value = (params.get(name) or "").strip()
    if not value:
        return default
    if value not in allowed:
        query.ignored.append(Ignored(name, value[:60], _("one of %(values)s") % {"values": ", ".join(allowed)}))
        return default
    return value


def counter(query) -> dict:
    """The recommendation counter for a filter: recommendations, concerns of every kind and good
    practice among the findings the filter matches."""
    return counter_from(query.counts("kind"))


def counter_from_facet(kind_facet, chosen: list[str]) -> dict:
    """The counter from the kind facet /findings already counted (no further query): the facet
    counts every kind, so keep only those the filter chose, if it chose any."""
    return counter_from({v.value: v.count for v in kind_facet.values if not chosen or v.value in chosen})


def counter_from(by_kind: Counter | dict) -> dict:
    kinds = {(k[0] if isinstance(k, tuple) else k): n for k, n in by_kind.items()}
    return {
        "recommendations": kinds.get(Kind.RECOMMENDATION.value, 0),
        "concerns": sum(n for k, n in kinds.items() if k in CONCERN_KINDS),
        "good_practice": kinds.get(Kind.GOOD_PRACTICE.value, 0),
        "total": sum(kinds.values()),
    }


class Page:
    """One analysis view's request: its filter, its options, and the addresses built from them."""

    def __init__(self, name: str, params, options: dict[str, tuple]):
        self.name = name
        self.query = parse(params)
        # Options first in the address: ?by=theme&theme=segregation reads as a sentence.
        self.options = {key: _option(params, key, allowed, default, self.query) for key, (allowed, default) in options.items()}
        self.defaults = {key: default for key, (allowed, default) in options.items()}

    def query_string(self, **changes) -> str:
        chosen = {**self.options, **changes}
        pairs = [(k, v) for k, v in chosen.items() if v and v != self.defaults.get(k)]
        filters = self.query.query_string()
        return "&".join(part for part in (urlencode(pairs), filters) if part)

    def address(self, absolute_from=None, **changes) -> str:
        query_string = self.query_string(**changes)
        path = reverse(self.name) + (f"?{query_string}" if query_string else "")
        return absolute_from.build_absolute_uri(path) if absolute_from is not None else path

    def download(self, fmt: str, **changes) -> str:
        query_string = self.query_string(**changes)
        return reverse(f"{self.name}_as", args=[fmt]) + (f"?{query_string}" if query_string else "")

    def source(self, request) -> str:
        return _("Source: UK National Preventive Mechanism – Reporting Dashboard. Open Government Licence v3.0.") + "\n" + self.address(request)

    def context(self, **more) -> dict:
        return {
            "section": "trends", "view": self, "query": self.query, "facets": {f.name: f for f in self.query.facets()},
            "counter": counter(self.query), "views": views(), **more,
        }


def trends_page(request, fmt: str = "html"):
    page = Page("trends", request.GET, {"by": (analyses.GROUPINGS, "counts-as"), "interval": (tuple(analyses.INTERVALS), "reporting-year")})
    trend = analyses.trends(page.query, page.options["by"], page.options["interval"], page.source(request))
    if fmt != "html":
        return download(request, page, trend, fmt)
    beside = coverage(page.query, page.options["interval"], [row[0] for row in trend.rows])
    choices = [
        ("by", _("Show a line for each"), analyses.grouping_labels()),
        ("interval", _("Count by"), analyses.interval_labels()),
    ]
    return page.context(analysis=trend, coverage=beside, choices=choices, title=trend.title)


def top_themes_page(request, fmt: str = "html"):
    page = Page("top_themes", request.GET, {"of": (analyses.OF, "concerns")})
    source = page.source(request)
    if fmt != "html":
        return download(request, page, analyses.top_themes(page.query, page.options["of"], source), fmt)
    shown = ["concerns", "good-practice"] if page.options["of"] != "all" else ["all"]
    tops = [(of, analyses.top_themes(page.query, of, source)) for of in shown]
    title = _("Top themes") + analyses.scope_words(page.query)
    return page.context(tops=tops, title=title, choices=[])


def compare_page(request, fmt: str = "html"):
    page = Page("compare", request.GET, {"of": (analyses.OF, "concerns")})
    comparison = analyses.compare(page.query, page.options["of"], page.source(request))
    if fmt != "html":
        return download(request, page, comparison, fmt)
    choices = [("of", _("Count"), analyses.of_labels())]
    return page.context(analysis=comparison, choices=choices, title=comparison.title,
                        compared=analyses.compared_settings(page.query))


def coverage_page(request, fmt: str = "html"):
    page = Page("coverage", request.GET, {"interval": (tuple(analyses.INTERVALS), "reporting-year")})
    table = coverage(page.query, page.options["interval"])
    if fmt == "svg":
        raise Http404(_("Coverage is a table: download it as CSV, JSON or XLSX."))
    if fmt != "html":
        return download(request, page, table.analysis(), fmt)
    choices = [("interval", _("Count by"), analyses.interval_labels())]
    return page.context(coverage=table, choices=choices, title=_("Coverage: which reports are loaded"))


def download(request, page: Page, analysis, fmt: str):
    """The analysis as a file: its chart as SVG, or its table as CSV, JSON or XLSX (with the
    source, date, filter and licence written into the file, as every export does)."""
    if fmt == "svg":
        if not analysis.chart:
            raise Http404(_("There is no chart: no published finding matches these filters."))
        body = '<?xml version="1.0" encoding="UTF-8"?>\n' + analysis.chart
        response = HttpResponse(body, content_type="image/svg+xml; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="{exports.file_name(analysis.name, "svg")}"'
        return response
    if fmt not in exports.FORMATS:
        raise Http404(_("No such download."))
    query_string = page.query_string()
    about = exports.About(analysis.title, page.address(request), exports.describe(page.query), query_string)
    table = exports.Table([c.name for c in analysis.columns], analysis.table_rows())
    return exports.response(fmt, table, about, analysis.name)

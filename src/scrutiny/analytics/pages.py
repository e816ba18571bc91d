"""The secretariat's analytics page and its CSV: stored counts for a period of whole ISO weeks,
ending with the current one."""

import csv
import io
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Sum
from django.utils import timezone

from scrutiny.analytics import recorder
from scrutiny.analytics.models import Kind, SearchTerm, UsageCount
from scrutiny.historic.template import neutralise

PERIODS = (4, 12, 26, 52)  # weeks
DEFAULT_PERIOD = 12
TOP_TERMS = 50
CHART_HEIGHT = 120


@dataclass(frozen=True)
class Week:
    monday: date
    views: int
    searches: int
    exports: int
    api_calls: int
    bar_height: float = 0.0

    @property
    def label(self) -> str:
        return f"{self.monday:%G-W%V}"


def period_from(params) -> int:
    raw = params.get("weeks", "")
    return int(raw) if raw.isdigit() and int(raw) in PERIODS else DEFAULT_PERIOD


def analytics_page(params) -> dict:
    # This process's last few seconds of counts, so the page is as current as it can be.
    recorder.flush()
    weeks = period_from(params)
    last = recorder.week_of(timezone.localdate())
    first = last - timedelta(weeks=weeks - 1)
    rows = list(UsageCount.objects.filter(week__gte=first, week__lte=last).values_list("week", "kind", "page", "format", "count"))
    return {
        "section": "manage",
        "weeks": weeks,
        "periods": PERIODS,
        "first": first,
        "last": last,
        "by_week": by_week(rows, first, weeks),
        "pages": _ranked(rows, Kind.VIEW),
        "searches": _ranked(rows, Kind.SEARCH),
        "terms": kept_terms(first, last),
        "exports": _ranked(rows, Kind.EXPORT, with_format=True),
        "export_formats": _ranked(rows, Kind.EXPORT, by_format=True),
        "api_calls": _ranked(rows, Kind.API),
        "chart_height": CHART_HEIGHT,
    }


def by_week(rows, first: date, weeks: int) -> list[Week]:
    totals: dict[tuple[date, str], int] = Counter()
    for week, kind, _page, _format, n in rows:
        totals[(week, kind)] += n
    mondays = [first + timedelta(weeks=i) for i in range(weeks)]
    most = max([totals[(m, Kind.VIEW)] for m in mondays] + [1])
    return [
        Week(m, totals[(m, Kind.VIEW)], totals[(m, Kind.SEARCH)], totals[(m, Kind.EXPORT)], totals[(m, Kind.API)],
             round(CHART_HEIGHT * totals[(m, Kind.VIEW)] / most, 1))
        for m in mondays
    ]


def kept_terms(first: date, last: date) -> list[tuple[str, int]]:
    found = (SearchTerm.objects.filter(week__gte=first, week__lte=last).values("term")
             .annotate(n=Sum("count")).order_by("-n", "term")[:TOP_TERMS])
    return [(row["term"], row["n"]) for row in found]


def _ranked(rows, kind: str, with_format: bool = False, by_format: bool = False) -> list[tuple]:
    totals: Counter = Counter()
    for _week, row_kind, page, fmt, n in rows:
        if row_kind == kind:
            key = (fmt,) if by_format else (page, fmt) if with_format else (page,)
            totals[key] += n
    return [(*key, n) for key, n in sorted(totals.items(), key=lambda item: (-item[1], item[0]))]


def analytics_csv(params) -> str:
    """The page's tables in one CSV, one row per number: table, week, name, format, count."""
    page = analytics_page(params)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["table", "week", "name", "format", "count"])
    for week in page["by_week"]:
        for kind, n in (("page views", week.views), ("searches", week.searches), ("exports", week.exports), ("API calls", week.api_calls)):
            writer.writerow([f"{kind} by week", week.label, "", "", n])
    for name, n in page["pages"]:
        writer.writerow(["page views by page", "", name, "", n])
    for name, n in page["searches"]:
        writer.writerow(["searches by page", "", name, "", n])
    for term, n in page["terms"]:
        # People typed these: a term a spreadsheet would run as a formula gets an apostrophe.
        writer.writerow(["search terms kept", "", neutralise(term), "", n])
    for name, fmt, n in page["exports"]:
        writer.writerow(["exports by page and format", "", name, fmt, n])
    for name, n in page["api_calls"]:
        writer.writerow(["API calls by endpoint", "", name, "", n])
    return out.getvalue()

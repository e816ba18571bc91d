"""Coverage: which bodies' reports are loaded for which years. A rise in findings can be a rise in
reports loaded rather than in problems, so every trend shows this beside it.

Coverage answers "what data is there", so it keeps only the filters that describe a report (body,
setting, nation, year, reporting year, dates): a theme or a search narrows findings, not what was
loaded. Reports are counted from published reports only; findings through FindingQuery.counts().
"""

from dataclasses import dataclass, replace
from datetime import date

from django.db.models import CharField, Count, Q
from django.db.models.functions import Cast, Substr
from django.utils.translation import gettext as _

from scrutiny.analysis.analyses import INTERVALS, Analysis, Column, interval_labels, periods_between
from scrutiny.analysis.wording import number, scope_words
from scrutiny.reports.models import Report, reporting_year_label

REPORT_FACETS = ("body", "setting", "nation", "year", "period")


@dataclass
class Coverage:
    interval: str
    periods: list[str]
    bodies: list[tuple[str, str]]  # (slug, name), most reports first
    reports: dict[tuple[str, str], int]  # (body slug, period) → published reports
    findings: dict[tuple[str, str], int]  # (body slug, period) → published findings
    summary: str

    def cell(self, body: str, period: str) -> tuple[int, int]:
        return self.reports.get((body, period), 0), self.findings.get((body, period), 0)

    def body_totals(self, body: str) -> tuple[int, int]:
        return (sum(self.reports.get((body, p), 0) for p in self.periods),
                sum(self.findings.get((body, p), 0) for p in self.periods))

    def analysis(self) -> Analysis:
        """The long form for downloads: one row per body and period that has any report."""
        columns = [Column(_("Body"), "label"), Column(interval_labels()[self.interval], "label"),
                   Column(_("Published reports")), Column(_("Published findings"))]
        rows = [[name, period, *self.cell(slug, period)]
                for slug, name in self.bodies for period in self.periods if any(self.cell(slug, period))]
        return Analysis("coverage", _("Coverage: reports and findings loaded, by body"), columns, rows, self.summary)


def report_level(query):
    """The query with only the filters that describe a report."""
    return replace(query, selected={f: v for f, v in query.selected.items() if f in REPORT_FACETS}, q="", ignored=[])


def public_reports_in(query):
    reports = Report.objects.filter(is_published=True)
    vocabulary = query.vocabulary
    if bodies := query.values_of("body"):
        reports = reports.filter(body_id__in=[vocabulary.bodies[b].id for b in bodies])
    if settings := query.values_of("setting"):
        reports = reports.filter(setting_id__in=[vocabulary.settings[s].id for s in settings])
    if nations := query.values_of("nation"):
        reports = reports.filter(nation_id__in=[vocabulary.nations[n].id for n in nations])
    if years := query.values_of("year"):
        reports = reports.filter(published__year__in=[int(y) for y in years])
    if periods := query.values_of("period"):
        spans = Q()
        for period in periods:
            start = int(period[:4])
            spans |= Q(published__gte=date(start, 4, 1), published__lte=date(start + 1, 3, 31))
        reports = reports.filter(spans)
    if query.published_from:
        reports = reports.filter(published__gte=query.published_from)
    if query.published_to:
        reports = reports.filter(published__lte=query.published_to)
    return reports


def coverage(query, interval: str = "reporting-year", periods: list[str] | None = None) -> Coverage:
    """Reports and findings by body and period; `periods` narrows it to those a trend shows."""
    scope = report_level(query)
    # Counted by month in SQL and put into years here: SQLite extracts a year or month through a
    # Python function called on every report (150 ms at a million findings), while the first
    # seven characters of the ISO date group in the database itself, on both databases.
    month = Substr(Cast("published", output_field=CharField()), 1, 7)
    rows = public_reports_in(scope).order_by().annotate(month=month).values_list("body__slug", "month").annotate(n=Count("id"))
    label = reporting_year_label if interval == "reporting-year" else str
    reports: dict[tuple[str, str], int] = {}
    for slug, year_month, n in rows:
        year, month_number = int(year_month[:4]), int(year_month[5:7])
        # A reporting year runs April to March and is named by its first calendar year.
        start = year - 1 if interval == "reporting-year" and month_number < 4 else year
        key = (slug, label(start))
        reports[key] = reports.get(key, 0) + n
    findings = {key: n for key, n in scope.counts("body", INTERVALS[interval]).items()}
    if periods is None:
        periods = periods_between([p for _b, p in [*reports, *findings]], interval)
    keys = {*reports, *findings}
    in_view = {slug for slug, period in keys if period in periods}
    totals = {slug: sum(n for (b, p), n in reports.items() if b == slug and p in periods) for slug in in_view}
    bodies = sorted(in_view, key=lambda slug: (-totals[slug], slug))
    named = [(slug, query.vocabulary.bodies[slug].name) for slug in bodies]
    result = Coverage(interval, periods, named, reports, findings, "")
    result.summary = _coverage_summary(result, scope)
    return result


def _coverage_summary(result: Coverage, scope) -> str:
    if not result.bodies:
        return _("No published report is loaded%(where)s.") % {"where": scope_words(scope)}
    report_total = sum(result.body_totals(slug)[0] for slug, _n in result.bodies)
    top_slug, top_name = result.bodies[0]
    return _("%(reports)s published reports from %(bodies)s bodies are loaded%(where)s, from %(first)s to %(last)s. %(top)s has the most: %(top_n)s.") % {
        "reports": number(report_total), "bodies": number(len(result.bodies)), "where": scope_words(scope),
        "first": result.periods[0], "last": result.periods[-1], "top": top_name, "top_n": number(result.body_totals(top_slug)[0]),
    }

"""The timeline on establishment and body pages: findings by year, as stacked columns of
concerns, good practice and other findings, drawn from the history table printed under it."""

from django.utils.translation import gettext as _

from scrutiny.analysis import charts
from scrutiny.analysis.analyses import counts_as
from scrutiny.analysis.wording import number


def timeline_svg(history, name: str, chart_id: str = "timeline-chart") -> str:
    """`history` is dashboard.services.HistoryTable (rows newest first); '' when it is empty."""
    if not history.rows:
        return ""
    by_year = {year: dict(zip((kind for kind, _label in history.kinds), cells)) for year, cells, _total in history.rows}
    years = list(range(min(by_year), max(by_year) + 1))
    groups = {"concerns": _("Concerns"), "good-practice": _("Good practice"), "other": _("Other findings")}
    series = []
    for group, label in groups.items():
        values = [sum(n for kind, n in by_year.get(year, {}).items() if counts_as(kind) == group) for year in years]
        if any(values):
            series.append(charts.Series(label, values, group == "other"))
    total = sum(row[2] for row in history.rows)
    peak = max(history.rows, key=lambda row: (row[2], row[0]))
    title = _("Findings at %(name)s by year") % {"name": name}
    desc = _("%(n)s published findings from %(first)s to %(last)s; the most in %(peak)s (%(peak_n)s). The table below gives each kind.") % {
        "n": number(total), "first": years[0], "last": years[-1], "peak": peak[0], "peak_n": number(peak[2])}
    source = _("Source: UK National Preventive Mechanism – Reporting Dashboard. Open Government Licence v3.0.")
    return charts.column_chart(chart_id, title, desc, [str(y) for y in years], series, source)

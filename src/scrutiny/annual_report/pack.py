"""The annual report pack for one reporting year (April to March), as data: sections of
paragraphs, charts and tables that the HTML page, the DOCX and the PDF all draw from, so the three
can never disagree with each other or with the dashboard.

Every number comes from the dashboard's own code: FindingQuery.counts() for findings (the counting
path behind /findings and /trends), analyses.top_themes() for the top themes (/top-themes),
coverage() for reports loaded (/coverage), repeats.public for the most repeated findings
(/repeats) and followup.pages.status_page() for follow-up (/follow-up).
"""

import re
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from scrutiny.analysis import analyses, charts
from scrutiny.analysis.analyses import Column, counts_as, label_of
from scrutiny.analysis.coverage import coverage
from scrutiny.analysis.wording import number, percent
from scrutiny.findings.models import Kind
from scrutiny.findings.query import Vocabulary, parse, public_findings

SOURCE = "Source: UK National Preventive Mechanism – Reporting Dashboard. Open Government Licence v3.0."
MAX_BARS = 10
REPEATS_SHOWN = 10
_YEAR = re.compile(r"^\d{4}-\d{2}$", re.ASCII)


class BadYear(ValueError):
    """A reporting year not written like 2025-26."""


def checked_year(value: str) -> str:
    """The reporting year in its canonical form, or BadYear saying how to write it."""
    checked, reason = Vocabulary([], [], [], [], []).check("period", value or "")
    if checked is None or not _YEAR.match(value.strip()):
        raise BadYear(_("“%(value)s” is not a reporting year: %(reason)s.") % {
            "value": value, "reason": reason or _("a reporting year is written like 2025-26")})
    return checked


def previous_year(year: str) -> str:
    start = int(year[:4]) - 1
    return f"{start}-{(start + 1) % 100:02d}"


@dataclass
class Table:
    caption: str
    columns: list[Column]  # the first names the row; the same shape as an Analysis
    rows: list[list]


@dataclass
class Chart:
    """A horizontal bar chart: the SVG for the page, and its bars for the PNG and PDF drawings."""
    id: str
    title: str
    description: str  # the alt text: what the chart shows, in words
    bars: list[charts.Bar]
    svg: str = ""


@dataclass
class Figure:
    heading: str
    summary: str
    table: Table
    chart: Chart | None = None
    notes: list[str] = field(default_factory=list)


@dataclass
class Section:
    key: str
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)


@dataclass
class Pack:
    year: str
    title: str
    made: date
    has_data: bool
    sections: list[Section]
    address: str  # the dashboard's /findings address for the year, for readers to check


def chart_of(chart_id: str, title: str, summary: str, rows: list[list], note=None) -> Chart | None:
    """The first MAX_BARS rows of a table (label, count, ...) drawn as bars."""
    bars = [charts.Bar(str(row[0]), row[1], note(row) if note else "") for row in rows[:MAX_BARS] if row[1]]
    if not bars:
        return None
    desc = summary + " " + _("The table after the chart gives every number.")
    return Chart(chart_id, title, desc, bars, charts.bar_chart(chart_id, title, desc, bars, SOURCE))


def counted_by(query, dimension: str, caption: str, heading: str, chart_id: str, what: str) -> Figure:
    """Findings of the year counted by one dimension, largest first (kinds in their own order)."""
    counts = {key[0]: n for key, n in query.counts(dimension).items()}
    total = query.count()
    if dimension == "kind":
        order = [k.value for k in Kind if k.value in counts]
    else:
        order = sorted(counts, key=lambda v: (-counts[v], label_of(query, dimension, v)))
    rows = [[label_of(query, dimension, v), counts[v], percent(counts[v], total)] for v in order]
    columns = [Column(what, "label"), Column(_("Findings")), Column(_("Share of all findings (%)"), "percent")]
    if rows:
        top = max(rows, key=lambda row: row[1])
        summary = _("%(label)s had the most findings: %(n)s of %(total)s.") % {
            "label": top[0], "n": number(top[1]), "total": number(total)}
    else:
        summary = _("No published finding in this year.")
    figure = Figure(heading, summary, Table(caption, columns, rows))
    figure.chart = chart_of(chart_id, heading, summary, rows, note=lambda row: f"({row[2]:g}%)")
    if dimension == "theme":
        figure.notes.append(_("A finding with several themes counts once under each, so the themes add up to more than all findings."))
    return figure


def build(year: str) -> Pack:
    """The pack for a reporting year such as "2025-26" (checked with checked_year first)."""
    year = checked_year(year)
    vocabulary = Vocabulary.load()
    query = parse({"period": [year]}, vocabulary)
    before = parse({"period": [previous_year(year)]}, vocabulary)
    title = _("UK National Preventive Mechanism: annual report pack %(year)s") % {"year": year}
    address = "/findings?" + query.query_string()
    total = query.count()
    reports_loaded = coverage(query)
    has_data = bool(total or reports_loaded.bodies)
    sections = [summary_section(query, before, reports_loaded, year)]
    if has_data:
        sections += [
            bodies_section(reports_loaded, year),
            Section("findings", _("Findings by kind, theme, setting and nation"), figures=[
                counted_by(query, "kind", _("Findings by kind"), _("Findings by kind"), "kind-chart", _("Kind of finding")),
                counted_by(query, "theme", _("Findings by theme"), _("Findings by theme"), "theme-chart", _("Theme")),
                counted_by(query, "setting", _("Findings by setting"), _("Findings by setting"), "setting-chart", _("Setting")),
                counted_by(query, "nation", _("Findings by nation"), _("Findings by nation"), "nation-chart", _("Nation")),
            ]),
            top_themes_section(query),
            change_section(query, before, year),
            repeats_section(year),
            follow_up_section(year),
        ]
    sections.append(method_section(reports_loaded, year, has_data))
    return Pack(year, title, date.today(), has_data, sections, address)


def by_counts_as(query) -> dict[str, int]:
    grouped = {"concerns": 0, "good-practice": 0, "other": 0}
    for (kind,), n in query.counts("kind").items():
        grouped[counts_as(kind)] += n
    grouped["recommendations"] = query.counts("kind").get((Kind.RECOMMENDATION.value,), 0)
    return grouped


def reports_in(cover) -> int:
    return sum(cover.body_totals(slug)[0] for slug, _name in cover.bodies)


def summary_section(query, before, cover, year: str) -> Section:
    section = Section("summary", _("Summary"))
    total = query.count()
    if not total and not cover.bodies:
        section.paragraphs.append(_("No published report or finding is held for the reporting year %(year)s (April %(start)s to March %(end)s), so this pack has no figures. The method note says what the dashboard holds and how it is gathered.") % {
            "year": year, "start": year[:4], "end": int(year[:4]) + 1})
        return section
    grouped = by_counts_as(query)
    section.paragraphs.append(_("In %(year)s (April %(start)s to March %(end)s) the dashboard holds %(reports)s published reports from %(bodies)s bodies, with %(n)s findings.") % {
        "year": year, "start": year[:4], "end": int(year[:4]) + 1, "reports": number(reports_in(cover)),
        "bodies": number(len(cover.bodies)), "n": number(total)})
    section.bullets = [
        _("Concerns of every kind: %(n)s, of which recommendations: %(r)s") % {"n": number(grouped["concerns"]), "r": number(grouped["recommendations"])},
        _("Good practice: %(n)s") % {"n": number(grouped["good-practice"])},
        _("Other findings (such as points of note): %(n)s") % {"n": number(grouped["other"])},
        _("Findings in %(previous)s: %(n)s") % {"previous": previous_year(year), "n": number(before.count())},
    ]
    return section


def bodies_section(cover, year: str) -> Section:
    columns = [Column(_("Body"), "label"), Column(_("Published reports")), Column(_("Published findings"))]
    rows = [[name, *cover.cell(slug, year)] for slug, name in cover.bodies if any(cover.cell(slug, year))]
    rows.sort(key=lambda row: (-row[1], -row[2], row[0]))
    summary = (_("%(name)s published the most reports: %(n)s.") % {"name": rows[0][0], "n": number(rows[0][1])}) if rows else ""
    figure = Figure(_("Reports per body"), summary, Table(_("Reports and findings per body"), columns, rows))
    figure.chart = chart_of("bodies-chart", _("Published reports per body"), summary, rows)
    return Section("bodies", _("Reports per body"), figures=[figure])


def as_figure(analysis, chart_id: str) -> Figure:
    """An Analysis of the analysis app (its chart already drawn) as a figure of the pack."""
    table = Table(analysis.title, analysis.columns, analysis.rows)
    figure = Figure(analysis.title, analysis.summary, table, notes=list(analysis.notes))
    if analysis.rows:
        figure.chart = chart_of(chart_id, analysis.title, analysis.summary, analysis.rows, note=lambda row: f"({row[2]:g}%)")
    return figure


def top_themes_section(query) -> Section:
    return Section("top-themes", _("Top themes of concern and of good practice"), figures=[
        as_figure(analyses.top_themes(query, "concerns", SOURCE), "top-concerns-chart"),
        as_figure(analyses.top_themes(query, "good-practice", SOURCE), "top-good-practice-chart"),
    ])


def change(now: int, then: int) -> str:
    if not then:
        return _("new") if now else "0"
    return f"{100 * (now - then) / then:+.1f}%"


def change_section(query, before, year: str) -> Section:
    last = previous_year(year)
    now, then = by_counts_as(query), by_counts_as(before)
    cover_now, cover_then = coverage(query), coverage(before)
    measures = [
        (_("Published reports"), reports_in(cover_now), reports_in(cover_then)),
        (_("All findings"), query.count(), before.count()),
        (_("Concerns of every kind"), now["concerns"], then["concerns"]),
        (_("Recommendations"), now["recommendations"], then["recommendations"]),
        (_("Good practice"), now["good-practice"], then["good-practice"]),
    ]
    columns = [Column(_("Measure"), "label"), Column(last), Column(year), Column(_("Change"), "label")]
    rows = [[name, was, is_, change(is_, was)] for name, is_, was in measures]
    per_report_now = query.count() / reports_in(cover_now) if reports_in(cover_now) else 0
    per_report_then = before.count() / reports_in(cover_then) if reports_in(cover_then) else 0
    summary = _("Findings went from %(then)s in %(last)s to %(now)s in %(year)s, while reports loaded went from %(r_then)s to %(r_now)s (%(p_then).1f and %(p_now).1f findings a report).") % {
        "then": number(before.count()), "last": last, "now": number(query.count()), "year": year,
        "r_then": number(reports_in(cover_then)), "r_now": number(reports_in(cover_now)),
        "p_then": per_report_then, "p_now": per_report_now}
    figures = [Figure(_("This year against the last"), summary, Table(_("Findings and reports, %(last)s and %(year)s") % {"last": last, "year": year}, columns, rows))]
    concerns_now = analyses.narrowed(query, "concerns")
    concerns_then = analyses.narrowed(before, "concerns")
    themes_now = {t: n for (t,), n in analyses.counted(concerns_now, "theme").items()}
    themes_then = {t: n for (t,), n in analyses.counted(concerns_then, "theme").items()}
    moved = sorted(set(themes_now) | set(themes_then), key=lambda t: (-abs(themes_now.get(t, 0) - themes_then.get(t, 0)), label_of(query, "theme", t)))
    theme_rows = [[label_of(query, "theme", t), themes_then.get(t, 0), themes_now.get(t, 0), change(themes_now.get(t, 0), themes_then.get(t, 0))] for t in moved[:MAX_BARS]]
    if theme_rows:
        figures.append(Figure(_("Themes of concern that changed most"), _("The themes of concern whose number of findings changed most between the two years."),
                              Table(_("Themes of concern, %(last)s and %(year)s") % {"last": last, "year": year},
                                    [Column(_("Theme"), "label"), Column(last), Column(year), Column(_("Change"), "label")], theme_rows)))
    caveat = _("A rise in findings may be a rise in data: more reports loaded, or a body whose reports were not loaded before, raise the counts without any change in conditions. Compare findings a report, and see the coverage table.")
    return Section("change", _("Change from the previous year"), paragraphs=[caveat], figures=figures)


def repeats_section(year: str) -> Section:
    """The recurring findings raised again in this year, most often raised first (/repeats)."""
    from scrutiny.repeats.public import recurring_findings, with_records

    start = int(year[:4])
    recurring = recurring_findings()
    latest_in_year = set(public_findings().filter(id__in=[r.latest_id for r in recurring], reporting_year=start).values_list("id", flat=True))
    raised = [r for r in recurring if r.latest_id in latest_in_year]
    shown = with_records(raised[:REPEATS_SHOWN])
    columns = [Column(_("Finding (latest wording)"), "label"), Column(_("Reports that raised it")), Column(_("First raised"), "label"),
               Column(_("Where"), "label")]
    rows = [[f"{r.latest.text[:220]}", r.times, str(r.first_year), ", ".join(p.name for p in r.places) or r.latest.report.title] for r in shown]
    summary = (_("%(n)s findings raised in %(year)s had been raised before at the same place; the most repeated had been raised in %(times)s reports.") % {
        "n": number(len(raised)), "year": year, "times": number(raised[0].times)}) if raised else _("No finding raised in this year repeats an earlier one.")
    figures = [Figure(_("The most repeated findings"), summary, Table(_("Most repeated findings raised in %(year)s") % {"year": year}, columns, rows))] if rows else []
    return Section("repeats", _("The most repeated findings"), paragraphs=[] if rows else [summary], figures=figures)


def follow_up_section(year: str) -> Section:
    """Verdicts on earlier findings published in this year (/follow-up?period=…)."""
    from scrutiny.followup.pages import status_page

    status = status_page({"period": [year]})
    verdicts = [str(v.label) for v in status["verdicts"]]
    columns = [Column(_("Status"), "label"), Column(_("Findings")), Column(_("Share (%)"), "percent")]
    rows = [[label, n, percent(n, status["total"])] for label, n in zip(verdicts, status["totals"])]
    if not status["total"]:
        return Section("follow-up", _("Follow-up"), paragraphs=[_("No finding published in this year was assessed as a follow-up of an earlier one.")])
    best = max(rows, key=lambda row: row[1])
    summary = _("%(n)s findings were assessed in follow-up reports published in %(year)s; the most common status was “%(status)s” (%(k)s).") % {
        "n": number(status["total"]), "year": year, "status": best[0], "k": number(best[1])}
    figure = Figure(_("Follow-up status"), summary, Table(_("Follow-up status of assessed findings"), columns, rows))
    figure.chart = chart_of("follow-up-chart", _("Follow-up status"), summary, rows)
    body_rows = [[row.name, *row.counts, row.total] for row in status["chart"]]
    body_table = Table(_("Follow-up status by body"), [Column(_("Body"), "label"), *(Column(v) for v in verdicts), Column(_("All assessed"))], body_rows)
    return Section("follow-up", _("Follow-up"), figures=[figure, Figure(_("Follow-up status by body"), "", body_table)])


def method_section(cover, year: str, has_data: bool) -> Section:
    paragraphs = [
        _("Sources: the published inspection, monitoring and visit reports of the bodies of the UK National Preventive Mechanism, read from the files each body publishes. Only published reports count; drafts and unpublished corrections never do."),
        _("Coverage: %(summary)s A body with few reports loaded for a year is under-represented in every count of that year.") % {"summary": cover.summary},
        _("How findings are extracted: each report is read page by page, and every recommendation, concern, good practice and other finding is taken with its number, section and page, following the layout of each body's reports."),
        _("How findings are tagged: themes come from keyword rules and a classifier trained on findings reviewed by people; settings, nations and bodies come from the report. A finding can have several themes, so theme counts add up to more than all findings."),
        _("Years: the reporting year runs from 1 April to 31 March, and a finding belongs to the year its report was published."),
        _("Caveats: a rise in findings may be a rise in data (more reports loaded) rather than in problems; bodies write findings differently, so counts compare better within a body than between bodies; automatic extraction and tagging make mistakes, which staff correct as they find them."),
    ]
    if has_data:
        paragraphs.append(_("Every figure in this pack is counted by the dashboard's own code, and equals the dashboard's pages for the same filter (reporting year %(year)s).") % {"year": year})
    return Section("method", _("Method note"), paragraphs=paragraphs)

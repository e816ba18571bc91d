"""The analyses behind /trends, /top-themes and /compare: each is a function of a FindingQuery
(and its own view options) returning an Analysis, a table (columns and rows), a sentence or two
written from its numbers, and its chart. The page, the SVG and the CSV/JSON/XLSX downloads are all
drawn from that one object, so they can never disagree.

Every count comes from FindingQuery.counts(), the one counting path that another part keeps fast.
"""

from collections import Counter
from dataclasses import dataclass, field, replace

from django.utils.translation import gettext as _, ngettext

from scrutiny.analysis import charts
from scrutiny.analysis.wording import number, percent, scope_words
from scrutiny.findings.models import CONCERN_KINDS, Kind, Status
from scrutiny.reports.models import reporting_year_label

# Series drawn at most; the rest are added up as "Other" (the table keeps every one).
MAX_SERIES = 8
MAX_BARS = 10
MAX_COMPARED = 4
MAX_COMPARED_THEMES = 12

INTERVALS = {"reporting-year": "period", "year": "year"}
# The default trend is concerns against good practice rather than one total: a total adds
# together findings that rise for opposite reasons (more problems, or more praise), and the
# question people bring is nearly always about concerns.
GROUPINGS = ("counts-as", "theme", "setting", "body", "kind", "status")
OF = ("concerns", "good-practice", "all")
GOOD_PRACTICE = Kind.GOOD_PRACTICE.value


def grouping_labels() -> dict[str, str]:
    return {
        "counts-as": _("Concerns and good practice"), "theme": _("Theme"), "setting": _("Setting"),
        "body": _("Body"), "kind": _("Kind of finding"), "status": _("Status"),
    }


def interval_labels() -> dict[str, str]:
    return {"reporting-year": _("Reporting year (April to March)"), "year": _("Calendar year")}


def of_labels() -> dict[str, str]:
    return {"concerns": _("Concerns of every kind"), "good-practice": _("Good practice"), "all": _("All findings")}


@dataclass(frozen=True)
class Column:
    name: str
    kind: str = "count"  # "label", "count" or "percent"


@dataclass
class Analysis:
    name: str  # the view it belongs to, which is also the download's file name
    title: str
    columns: list[Column]
    rows: list[list]  # the first cell names the row; the others are numbers
    summary: str
    chart: str = ""  # SVG
    notes: list[str] = field(default_factory=list)

    def table_rows(self) -> list[dict]:
        return [dict(zip((c.name for c in self.columns), row)) for row in self.rows]


def counts_as(kind: str) -> str:
    if kind in CONCERN_KINDS:
        return "concerns"
    return "good-practice" if kind == GOOD_PRACTICE else "other"


def narrowed(query, of: str):
    """The query restricted to concerns or to good practice, on top of any kinds it chose; None
    when the kinds it chose leave nothing (good practice within ?kind=recommendation)."""
    if of == "all":
        return query
    wanted = {k.value for k in Kind if counts_as(k.value) == of}
    chosen = query.values_of("kind")
    kinds = [k.value for k in Kind if k.value in wanted and (not chosen or k.value in chosen)]
    return replace(query, selected={**query.selected, "kind": kinds}, ignored=list(query.ignored)) if kinds else None


def counted(query, *dimensions) -> Counter:
    return query.counts(*dimensions) if query is not None else Counter()


def label_of(query, dimension: str, value: str) -> str:
    vocabulary = query.vocabulary
    if dimension in ("body", "setting", "nation", "theme", "population"):
        named = vocabulary._slugged(dimension)
        return named[value].name if value in named else value
    if dimension == "kind":
        return str(Kind(value).label) if value in Kind.values else value
    if dimension == "status":
        return str(Status(value).label) if value in Status.values else value
    return value


def periods_between(keys, interval: str) -> list[str]:
    """Every period from the first to the last with findings, gaps included, so a line does not
    jump over a year with none."""
    starts = sorted({int(k[:4]) for k in keys})
    if not starts:
        return []
    years = range(starts[0], starts[-1] + 1)
    return [reporting_year_label(y) if interval == "reporting-year" else str(y) for y in years]


# -- trends ------------------------------------------------------------------------------------


def trends(query, by: str = "counts-as", interval: str = "reporting-year", source: str = "") -> Analysis:
    time = INTERVALS[interval]
    totals = query.counts(time)
    periods = periods_between([k[0] for k in totals], interval)
    series = _trend_series(query, by, time, periods)
    interval_label = interval_labels()[interval]
    columns = [Column(interval_label, "label"), *(Column(s.label) for s in series), Column(_("All findings"))]
    rows = [[p, *(int(s.values[i]) for s in series), totals.get((p,), 0)] for i, p in enumerate(periods)]
    where = scope_words(query)
    interval_name = {"reporting-year": _("reporting year"), "year": _("calendar year")}[interval]
    if by == "counts-as":
        title = _("Concerns and good practice by %(interval)s") % {"interval": interval_name}
    else:
        title = _("Findings by %(grouping)s and %(interval)s") % {"grouping": grouping_labels()[by].lower(), "interval": interval_name}
    title += where
    summary = _trend_summary(series, periods, totals, where)
    notes = []
    if by in ("theme",):
        notes.append(_("A finding with several themes counts once under each, so the themes add up to more than all findings."))
    if any(s.is_other for s in series):
        notes.append(_("The %(n)s largest are drawn; the rest are added up as “Other”, and listed in the table.") % {"n": MAX_SERIES - 1})
    desc = summary + " " + _("The table beside the chart gives every number.")
    chart = charts.line_chart("trends-chart", title, desc, periods, series, source) if periods else ""
    return Analysis("trends", title, columns, rows, summary, chart, notes)


def _trend_series(query, by: str, time: str, periods: list[str]) -> list[charts.Series]:
    index = {p: i for i, p in enumerate(periods)}

    def empty():
        return [0] * len(periods)

    if by == "counts-as":
        grouped: dict[str, list] = {}
        for (period, kind), n in query.counts(time, "kind").items():
            grouped.setdefault(counts_as(kind), empty())[index[period]] += n
        names = {"concerns": _("Concerns"), "good-practice": _("Good practice"), "other": _("Other findings")}
        return [charts.Series(names[g], grouped[g], g == "other") for g in names if g in grouped]
    by_value: dict[str, list] = {}
    for (period, value), n in query.counts(time, by).items():
        by_value.setdefault(value, empty())[index[period]] += n
    if chosen := query.values_of(by):
        # With a theme chosen, a finding's other themes are not what was asked about.
        by_value = {v: by_value[v] for v in chosen if v in by_value}
    if by in ("kind", "status"):
        order = [k.value for k in (Kind if by == "kind" else Status)]
        ranked = [v for v in order if v in by_value]
    else:
        ranked = sorted(by_value, key=lambda v: (-sum(by_value[v]), label_of(query, by, v)))
    series = [charts.Series(label_of(query, by, v), by_value[v]) for v in ranked]
    if len(series) > MAX_SERIES:
        rest = series[MAX_SERIES - 1:]
        other = [sum(s.values[i] for s in rest) for i in range(len(periods))]
        series = series[: MAX_SERIES - 1] + [charts.Series(_("Other (%(n)s more)") % {"n": len(rest)}, other, True)]
    return series


def _trend_summary(series, periods, totals, where: str) -> str:
    if not periods:
        return _("No published finding matches these filters.")
    all_findings = sum(totals.values())
    peak = max(periods, key=lambda p: (totals.get((p,), 0), p))
    text = _("From %(first)s to %(last)s, %(n)s findings%(where)s were published; the most in %(peak)s (%(peak_n)s).") % {
        "first": periods[0], "last": periods[-1], "n": number(all_findings), "where": where,
        "peak": peak, "peak_n": number(totals.get((peak,), 0)),
    }
    named = [s for s in series if not s.is_other]
    if len(named) > 1:
        top = max(named, key=lambda s: sum(s.values))
        text += " " + _("%(label)s was the largest series, with %(n)s.") % {"label": top.label, "n": number(int(sum(top.values)))}
    return text


# -- top themes --------------------------------------------------------------------------------


def top_themes(query, of: str = "concerns", source: str = "") -> Analysis:
    """The themes of concern (or of good practice) ranked, each with its share of all concerns
    (or good practice) in the filter: a finding with two themes counts under both."""
    scoped = narrowed(query, of)
    total = sum(counted(scoped, "kind").values())
    by_theme = {theme: n for (theme,), n in counted(scoped, "theme").items()}
    if chosen := query.values_of("theme"):
        by_theme = {t: n for t, n in by_theme.items() if t in chosen}
    ranked = sorted(by_theme, key=lambda t: (-by_theme[t], label_of(query, "theme", t)))
    noun = {"concerns": _("concerns"), "good-practice": _("examples of good practice"), "all": _("findings")}[of]
    columns = [Column(_("Theme"), "label"), Column(_("Findings")), Column(_("Share of all %(noun)s (%%)") % {"noun": noun}, "percent")]
    rows = [[label_of(query, "theme", t), by_theme[t], percent(by_theme[t], total)] for t in ranked]
    where = scope_words(query)
    title = {
        "concerns": _("Top themes of concern"), "good-practice": _("Top themes of good practice"), "all": _("Top themes"),
    }[of] + where
    if ranked:
        top = ranked[0]
        summary = ngettext("%(theme)s was the most frequent theme of %(what)s%(where)s: %(n)s finding, %(share)s%% of all %(total)s.",
                           "%(theme)s was the most frequent theme of %(what)s%(where)s: %(n)s findings, %(share)s%% of all %(total)s.",
                           by_theme[top]) % {
            "theme": label_of(query, "theme", top),
            "what": {"concerns": _("concern"), "good-practice": _("good practice"), "all": _("findings")}[of],
            "where": where, "n": number(by_theme[top]), "share": _share(by_theme[top], total), "total": number(total),
        }
        if len(ranked) > 1:
            second = ranked[1]
            summary += " " + _("Next was %(theme)s (%(n)s).") % {"theme": label_of(query, "theme", second), "n": number(by_theme[second])}
    else:
        summary = _("No published %(noun)s match these filters.") % {"noun": noun}
    bars = [charts.Bar(row[0], row[1], f"({_share(row[1], total)}%)") for row in rows[:MAX_BARS]]
    desc = summary + " " + _("The table gives every theme.")
    chart = charts.bar_chart(f"top-{of}-chart", title, desc, bars, source) if bars else ""
    notes = [_("A finding with several themes counts once under each, so the shares add up to more than 100%.")]
    return Analysis("top-themes", title, columns, rows, summary, chart, notes)


def _share(n: int, total: int) -> str:
    return f"{percent(n, total):g}"


# -- compare -----------------------------------------------------------------------------------


def compared_settings(query) -> list[str]:
    """The settings chosen in the filter, else the four with the most findings."""
    chosen = query.values_of("setting")
    if chosen:
        return chosen[:MAX_COMPARED]
    by_setting = query.counts("setting")
    return [s for (s,), _n in sorted(by_setting.items(), key=lambda item: (-item[1], item[0][0]))][:MAX_COMPARED]


def compare(query, of: str = "concerns", source: str = "") -> Analysis:
    """Themes side by side across settings: each setting's count and its share of that setting's
    findings, since the settings differ in how many findings they have at all."""
    scoped = narrowed(query, of)
    settings = compared_settings(query)
    per_setting = {s: n for (s,), n in counted(scoped, "setting").items()}
    cells = counted(scoped, "setting", "theme")
    themes = {t for (s, t) in cells if s in settings}
    if chosen := query.values_of("theme"):
        themes &= set(chosen)
    share = {(s, t): percent(cells.get((s, t), 0), per_setting.get(s, 0)) for s in settings for t in themes}
    ranked = sorted(themes, key=lambda t: (-sum(share[(s, t)] for s in settings), label_of(query, "theme", t)))
    names = [label_of(query, "setting", s) for s in settings]
    columns = [Column(_("Theme"), "label")]
    for name in names:
        columns += [Column(_("%(setting)s: findings") % {"setting": name}), Column(_("%(setting)s: share (%%)") % {"setting": name}, "percent")]
    rows = [[label_of(query, "theme", t), *[v for s in settings for v in (cells.get((s, t), 0), share[(s, t)])]] for t in ranked]
    rows.append([_("All findings of the setting"), *[v for s in settings for v in (per_setting.get(s, 0), 100.0 if per_setting.get(s) else 0.0)]])
    what = {"concerns": _("Themes of concern"), "good-practice": _("Themes of good practice"), "all": _("Themes")}[of]
    title = _("%(what)s by setting") % {"what": what} + scope_words(query, skip=("setting",))
    summary = _compare_summary(query, settings, names, ranked, cells, share, per_setting)
    drawn = ranked[:MAX_COMPARED_THEMES]
    series = [charts.Series(name, [share[(s, t)] for t in drawn]) for s, name in zip(settings, names)]
    desc = summary + " " + _("Bars give each theme's share of the setting's findings; the table gives the counts.")
    chart = (charts.grouped_bar_chart("compare-chart", title, desc, [label_of(query, "theme", t) for t in drawn], series, source)
             if drawn else "")
    notes = [_("Shares are of each setting's own findings, so settings with more reports can be set beside those with fewer. A finding with several themes counts under each.")]
    if len(query.values_of("setting")) > MAX_COMPARED:
        notes.append(_("At most %(n)s settings are set side by side: the first %(n)s chosen.") % {"n": MAX_COMPARED})
    return Analysis("compare", title, columns, rows, summary, chart, notes)


def _compare_summary(query, settings, names, ranked, cells, share, per_setting) -> str:
    if not ranked:
        return _("No published finding with a theme matches these filters.")
    parts = []
    for s, name in zip(settings, names):
        if not per_setting.get(s):
            parts.append(_("%(setting)s has no findings in this filter.") % {"setting": name})
            continue
        top = max(ranked, key=lambda t: (share[(s, t)], -ranked.index(t)))
        parts.append(ngettext("In %(setting)s the most frequent theme was %(theme)s (%(n)s finding, %(share)s%% of its %(total)s).",
                              "In %(setting)s the most frequent theme was %(theme)s (%(n)s findings, %(share)s%% of its %(total)s).",
                              cells.get((s, top), 0)) % {
            "setting": name.lower(), "theme": label_of(query, "theme", top), "n": number(cells.get((s, top), 0)),
            "share": f"{share[(s, top)]:g}", "total": number(per_setting[s]),
        })
    if len(settings) == 2 and all(per_setting.get(s) for s in settings):
        a, b = settings
        widest = max(ranked, key=lambda t: abs(share[(a, t)] - share[(b, t)]))
        parts.append(_("The widest gap is in %(theme)s: %(a)s%% against %(b)s%%.") % {
            "theme": label_of(query, "theme", widest), "a": f"{share[(a, widest)]:g}", "b": f"{share[(b, widest)]:g}"})
    return " ".join(parts)

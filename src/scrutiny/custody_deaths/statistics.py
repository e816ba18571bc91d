"""The public figures: counts of published deaths in one jurisdiction, each table suppressed
(suppression.py) before anything reads it, so the page, its charts and its downloads show the
same numbers and never one under 5.

Each count is published once: the deaths by year and by cause are the margins of one two-way
table (year × cause), so they share its suppression; every other table is its own partition of
all the deaths (by financial year, age band, sex, establishment, inquiry), with the same total.
The inquiry table splits the determined and the open cases by how long they took or have taken,
so that no second table of inquiries could be subtracted from it."""

import statistics as stats
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from scrutiny.analysis import charts
from scrutiny.custody_deaths import suppression
from scrutiny.custody_deaths.models import CauseCategory, Death, InquiryStatus, Jurisdiction, PopulationFigure
from scrutiny.custody_deaths.suppression import PRIMARY, SHOWN

AGE_BANDS = [(0, 20, "Under 21"), (21, 29, "21 to 29"), (30, 39, "30 to 39"), (40, 49, "40 to 49"),
             (50, 59, "50 to 59"), (60, 69, "60 to 69"), (70, 200, "70 and over")]
WAIT_BANDS = [(0, 365, "under 1 year"), (365, 730, "1 to 2 years"), (730, 1095, "2 to 3 years"), (1095, 10**6, "3 years or more")]
OPEN_BANDS = [(0, 365, "under 1 year"), (365, 730, "1 to 2 years"), (730, 10**6, "more than 2 years")]


@dataclass(frozen=True)
class Count:
    value: int
    state: str = SHOWN

    @property
    def shown(self) -> bool:
        return self.state == SHOWN

    def text(self) -> str:
        if self.state == SHOWN:
            return f"{self.value:,}"
        return _("fewer than 5") if self.state == PRIMARY else _("withheld")

    def exported(self):
        return self.value if self.state == SHOWN else self.text()


@dataclass
class Table:
    slug: str
    title: str
    columns: list[str]  # the first names the rows
    rows: list[list]  # [label, Count, Count, ...]; the last row is the total
    chart: str = ""
    notes: list[str] = field(default_factory=list)

    def export_rows(self):
        for row in self.rows:
            yield {self.columns[0]: row[0], **{c: v.exported() if isinstance(v, Count) else v for c, v in zip(self.columns[1:], row[1:])}}


def financial_year(day: date) -> str:
    start = day.year if day.month >= 4 else day.year - 1
    return f"{start}-{(start + 1) % 100:02d}"


def _one_way(slug, title, heading, labels: list[str], counts: dict, source: str, chart_title: str, chart=True) -> Table:
    values = [counts.get(label, 0) for label in labels]
    result = suppression.one_way(values)
    rows = [[label, Count(v, s)] for label, v, s in zip(labels, values, result.states)]
    rows.append([_("Total"), Count(result.total, result.total_state)])
    table = Table(slug, title, [heading, _("Deaths")], rows)
    if chart:
        bars = [charts.Bar(label, c.value) for label, c in rows[:-1] if c.shown and c.value]
        table.chart = charts.bar_chart(f"deaths-{slug}", chart_title, title, bars, source) if bars else ""
        if any(not c.shown for _, c in rows[:-1]):
            table.notes.append(_("Counts under 5, and any count that would reveal one, are not drawn."))
    return table


class Figures:
    """Every table for one jurisdiction's published deaths."""

    def __init__(self, jurisdiction: str, source: str, today: date | None = None):
        self.jurisdiction = jurisdiction
        self.source = source
        self.today = today or date.today()
        self.deaths = list(
            Death.objects.filter(is_published=True, jurisdiction=jurisdiction).values_list(
                "date_of_death", "cause_category", "age", "sex", "establishment__name", "establishment_in_source",
                "inquiry_status", "determination_issued",
            )
        )
        self.count = len(self.deaths)

    @property
    def name(self) -> str:
        return str(dict(Jurisdiction.choices)[self.jurisdiction])

    def tables(self) -> list[Table]:
        if not self.deaths:
            return []
        if not hasattr(self, "_tables"):
            by_year, by_cause = self.year_and_cause()
            rates = self.rates()
            self._tables = [by_year, by_cause, self.year_by_cause, self.financial_years(), self.age_bands(), self.sexes(),
                            self.establishments(), self.inquiries(), *([rates] if rates else [])]
        return self._tables

    def table(self, slug: str) -> Table | None:
        return next((t for t in self.tables() if t.slug == slug), None)

    def year_and_cause(self) -> tuple[Table, Table]:
        years = list(range(min(d[0].year for d in self.deaths), max(d[0].year for d in self.deaths) + 1))
        causes = [c for c, _label in CauseCategory.choices]
        cells = [[0] * len(causes) for _year in years]
        for died, cause, *_rest in self.deaths:
            cells[years.index(died.year)][causes.index(cause)] += 1
        grid = suppression.two_way(cells)
        labels = [str(label) for _c, label in CauseCategory.choices]
        rows = [[str(year), *[Count(v, s) for v, s in zip(grid.cells[i], grid.states[i])], Count(grid.row_totals[i], grid.row_states[i])]
                for i, year in enumerate(years)]
        total = Count(grid.total, grid.total_state)
        rows.append([_("Total"), *[Count(v, s) for v, s in zip(grid.column_totals, grid.column_states)], total])
        self.year_by_cause = Table("year-by-cause", _("Deaths by calendar year and cause"), [_("Year"), *labels, _("Total")], rows)
        by_year = Table("by-year", _("Deaths by calendar year"), [_("Year"), _("Deaths")], [[r[0], r[-1]] for r in rows])
        shown = [(r[0], r[-1]) for r in rows[:-1]]
        by_year.chart = "" if not any(c.shown and c.value for _l, c in shown) else charts.column_chart(
            "deaths-by-year", _("Deaths in prison custody by year"), _("Deaths by calendar year, %(place)s") % {"place": self.name},
            [label for label, _c in shown], [charts.Series(_("Deaths"), [c.value if c.shown else 0 for _l, c in shown])], self.source,
        )
        if any(not c.shown for _l, c in shown):
            by_year.notes.append(_("Years with fewer than 5 deaths, or a count that would reveal one, are not drawn."))
        by_cause = Table("by-cause", _("Deaths by cause"), [_("Cause"), _("Deaths")],
                         [[labels[j], rows[-1][1 + j]] for j in range(len(labels))] + [[_("Total"), total]])
        bars = [charts.Bar(label, c.value) for label, c in by_cause.rows[:-1] if c.shown and c.value]
        by_cause.chart = charts.bar_chart("deaths-by-cause", _("Deaths in prison custody by cause"), by_cause.title, bars, self.source) if bars else ""
        if any(not c.shown for _l, c in by_cause.rows[:-1]):
            by_cause.notes.append(_("Causes with fewer than 5 deaths, or a count that would reveal one, are not drawn."))
        return by_year, by_cause

    def financial_years(self) -> Table:
        counts: dict[str, int] = {}
        for died, *_rest in self.deaths:
            counts[financial_year(died)] = counts.get(financial_year(died), 0) + 1
        first, last = min(d[0] for d in self.deaths), max(d[0] for d in self.deaths)
        labels = [financial_year(date(y, 4, 1)) for y in range(int(financial_year(first)[:4]), int(financial_year(last)[:4]) + 1)]
        return _one_way("by-financial-year", _("Deaths by financial year (April to March)"), _("Financial year"), labels,
                        counts, self.source, _("Deaths by financial year"))

    def age_bands(self) -> Table:
        labels = [_(label) for *_b, label in AGE_BANDS] + [_("Age not recorded")]
        counts: dict[str, int] = {}
        for _d, _c, age, *_rest in self.deaths:  # translated once per band, not once per death
            band = labels[-1] if age is None else labels[next(i for i, (low, high, _l) in enumerate(AGE_BANDS) if low <= age <= high)]
            counts[band] = counts.get(band, 0) + 1
        return _one_way("by-age", _("Deaths by age"), _("Age"), labels, counts, self.source, _("Deaths by age"))

    def sexes(self) -> Table:
        from scrutiny.custody_deaths.models import Sex

        named = {value: str(label) for value, label in Sex.choices}
        counts: dict[str, int] = {}
        for death in self.deaths:
            counts[named[death[3]]] = counts.get(named[death[3]], 0) + 1
        return _one_way("by-sex", _("Deaths by sex"), _("Sex"), [str(label) for _s, label in Sex.choices], counts, self.source, _("Deaths by sex"))

    def establishments(self) -> Table:
        counts: dict[str, int] = {}
        for death in self.deaths:
            place = death[4] or death[5]
            counts[place] = counts.get(place, 0) + 1
        labels = sorted(counts, key=str.casefold)
        table = _one_way("by-establishment", _("Deaths by establishment, all years"), _("Establishment"), labels, counts, self.source,
                         _("Deaths by establishment"), chart=False)
        return table

    def inquiries(self) -> Table:
        """Every death once: determined (by how long it took), not required, or open (by how
        long since the death)."""
        determined = [_("Determination issued, %(wait)s after the death") % {"wait": _(label)} for *_b, label in WAIT_BANDS]
        still_open = [_("Open, %(wait)s since the death") % {"wait": _(label)} for *_b, label in OPEN_BANDS]
        not_required = _("No inquiry required")
        labels = determined + [not_required] + still_open
        counts: dict[str, int] = {}
        waits = []
        for died, _c, _a, _s, _p, _w, status, issued in self.deaths:
            if status == InquiryStatus.DETERMINED and issued:
                days = (issued - died).days
                waits.append(days)
                label = determined[next(i for i, (lo, hi, _l) in enumerate(WAIT_BANDS) if lo <= days < hi)]
            elif status == InquiryStatus.NOT_REQUIRED:
                label = not_required
            else:
                days = (self.today - died).days
                label = still_open[next(i for i, (lo, hi, _l) in enumerate(OPEN_BANDS) if lo <= days < hi)]
            counts[label] = counts.get(label, 0) + 1
        table = _one_way("inquiries", _("Fatal accident inquiries and inquests"), _("Inquiry"), labels, counts, self.source,
                         _("Time from death to determination"))
        if len(waits) >= suppression.THRESHOLD:
            months = stats.median(waits) / 30.44
            table.notes.insert(0, _("Median time from death to determination: %(months).1f months (%(count)s determinations).")
                               % {"months": months, "count": f"{len(waits):,}"})
        else:
            table.notes.insert(0, _("The median time to determination is shown once there are at least 5 determinations."))
        return table

    def rates(self) -> Table | None:
        """Deaths per 1,000 average daily population, for the years whose population is loaded."""
        populations = dict(PopulationFigure.objects.filter(jurisdiction=self.jurisdiction, establishment=None).values_list("year", "average_daily_population"))
        by_year = {row[0]: row[-1] for row in self.year_by_cause.rows[:-1]}
        years = sorted(y for y in populations if str(y) in by_year)
        if not years:
            return None
        rows = []
        for year in years:
            count = by_year[str(year)]
            rate = f"{1000 * count.value / populations[year]:.2f}" if count.shown else count.text()
            rows.append([str(year), count, populations[year], rate])
        table = Table("rates", _("Deaths per 1,000 average daily population"),
                      [_("Year"), _("Deaths"), _("Average daily population"), _("Deaths per 1,000")], rows)
        table.notes.append(_("A rate is withheld wherever its count is, since the two together would give the count."))
        return table

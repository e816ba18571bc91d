"""A key issue's evidence, worked out live from its filter, with the dashboard's own query path:
`findings.query.parse` reads the filter exactly as /findings and /trends read their address,
and every figure comes from its `.count()` and `.counts(dimension)`. So the numbers on a key
issue's page are the numbers a reader finds by following its links to /findings and /trends."""

from dataclasses import dataclass, field

from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext as _, ngettext

from scrutiny.analysis import charts
from scrutiny.analysis.analyses import label_of, periods_between
from scrutiny.analysis.wording import number
from scrutiny.findings.query import FindingQuery, parse
from scrutiny.repeats.public import recurring_findings, with_records

RECENT = 10
REPEATED = 5
MAX_BARS = 10
SOURCE = "Source: UK National Preventive Mechanism – Reporting Dashboard. Open Government Licence v3.0."


@dataclass
class Breakdown:
    """One of the page's counts: a chart and the table of every number in it."""

    key: str  # year, setting, body
    title: str
    heading: str  # the first column of the table
    rows: list[tuple[str, str, int]]  # (address value, label, findings)
    chart: str = ""


@dataclass
class Evidence:
    query: FindingQuery
    query_string: str  # the filter as /findings and /trends have it
    total: int
    breakdowns: list[Breakdown] = field(default_factory=list)
    recent: list = field(default_factory=list)
    repeated: list = field(default_factory=list)

    @property
    def findings_address(self) -> str:
        return reverse("findings") + (f"?{self.query_string}" if self.query_string else "")

    @property
    def trends_address(self) -> str:
        # By calendar year, as the page counts: /trends's "All findings" column then reads the same.
        return reverse("trends") + "?" + "&".join(p for p in ("interval=year", self.query_string) if p)


def query_of(evidence_filter: str) -> FindingQuery:
    return parse(QueryDict(evidence_filter or ""))


def evidence_of(evidence_filter: str, title: str) -> Evidence:
    query = query_of(evidence_filter)
    found = Evidence(query, query.query_string(), query.count())
    if found.total:
        found.breakdowns = [by_year(query, title), by_term(query, "setting", title), by_term(query, "body", title)]
        found.recent = list(query.listing()[0:RECENT])
        found.repeated = most_repeated(query)
    return found


def by_year(query: FindingQuery, title: str) -> Breakdown:
    counted = {year: n for (year,), n in query.counts("year").items()}
    years = periods_between(list(counted), "year")  # every year from the first to the last, gaps as 0
    rows = [(y, y, counted.get(y, 0)) for y in years]
    heading = _("Findings by year published: %(issue)s") % {"issue": title}
    desc = ngettext("%(n)s finding from %(first)s to %(last)s.", "%(n)s findings from %(first)s to %(last)s.", sum(counted.values())) % {
        "n": number(sum(counted.values())), "first": years[0], "last": years[-1]}
    chart = charts.column_chart("key-issue-years", heading, desc + " " + _("The table gives every number."), years,
                                [charts.Series(_("Findings"), [n for *__, n in rows])], SOURCE)
    return Breakdown("year", heading, _("Year published"), rows, chart)


def by_term(query: FindingQuery, dimension: str, title: str) -> Breakdown:
    counted = {value: n for (value,), n in query.counts(dimension).items()}
    ranked = sorted(counted, key=lambda v: (-counted[v], label_of(query, dimension, v)))
    rows = [(v, label_of(query, dimension, v), counted[v]) for v in ranked]
    if dimension == "setting":
        heading, first = _("Findings by setting: %(issue)s") % {"issue": title}, _("Setting")
    else:
        heading, first = _("Findings by body: %(issue)s") % {"issue": title}, _("Body")
    bars = [charts.Bar(label, n) for __, label, n in rows[:MAX_BARS]]
    desc = _("%(top)s has the most, %(n)s.") % {"top": rows[0][1], "n": number(rows[0][2])} if rows else ""
    chart = charts.bar_chart(f"key-issue-{dimension}", heading, desc + " " + _("The table gives every number."), bars, SOURCE) if bars else ""
    return Breakdown(dimension, heading, first, rows, chart)


def most_repeated(query: FindingQuery, limit: int = REPEATED) -> list:
    """The recurring findings (the query /repeats uses) with a finding in this filter, most often
    raised first."""
    recurring = recurring_findings()
    wanted = {i for r in recurring for i in r.finding_ids}
    matching: set[int] = set()
    ids = sorted(wanted)
    for start in range(0, len(ids), 500):
        matching |= set(query.findings().filter(id__in=ids[start:start + 500]).order_by().values_list("id", flat=True))
    chosen = [r for r in recurring if matching.intersection(r.finding_ids)][:limit]
    return with_records(chosen)

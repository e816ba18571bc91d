"""First drafts of the sections the data can write: what the dashboard shows this month, the
spotlight reports and the upcoming events. A person edits each one, keeps it or drops it; nothing
here is stored until they save.

Only published things are read: findings through the dashboard's own query code (so the figures
are those /findings shows for the same filter), published reports, Policy Tracker items that are
published, and business plans that are published (never an activity's lead, status or a
tracker item's notes or owner). Links are absolute: the bulletin is read in a mail program."""

import datetime
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from django.db.models import Count, Q
from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from scrutiny.analysis import analyses
from scrutiny.business_plan.models import Activity, Milestone as KeyDate, Status
from scrutiny.business_plan.months import Month
from scrutiny.findings.models import Kind
from scrutiny.findings.query import FindingQuery, parse, public_findings
from scrutiny.reports.models import Report
from scrutiny.tracker.models import Milestone

TOP_THEMES = 5
SPOTLIGHT_REPORTS = 3
# The kinds a body uses for its most serious concerns: what makes a report worth a spotlight.
PRIORITY_KINDS = (Kind.PRIORITY_CONCERN, Kind.KEY_CONCERN, Kind.CAUSE_OF_CONCERN)


@dataclass
class SuggestedEntry:
    title: str
    link: str = ""
    summary: str = ""
    date: datetime.date | None = None


@dataclass
class Suggestion:
    text: str = ""  # Markdown
    entries: list[SuggestedEntry] = field(default_factory=list)


def last_day(month: date) -> date:
    return Month.of(month).plus(1).first_day - timedelta(days=1)


def month_name(month: date) -> str:
    return Month.of(month).name


def month_query(month: date) -> FindingQuery:
    """The dashboard's filter for findings in reports published in the month: ?from=&to=."""
    return parse(QueryDict(f"from={month.isoformat()}&to={last_day(month).isoformat()}"))


def absolute(site: str, name: str, query: str = "", *args) -> str:
    path = reverse(name, args=args)
    return f"{site.rstrip('/')}{path}" + (f"?{query}" if query else "")


def _with(query: FindingQuery, facet: str, value: str) -> FindingQuery:
    return replace(query, selected={**query.selected, facet: [value]}, ignored=[])


# --- what the dashboard shows this month ---------------------------------------------------------

@dataclass
class MonthFigures:
    """The month's figures as the dashboard counts them, each with the address that shows it."""

    reports: int
    findings: int
    findings_address: str
    by_kind: list[tuple[str, int, str]]  # (label, findings, address)
    by_body: list[tuple[str, int, int, str]]  # (body, reports, findings, address)
    top_concerns: list[tuple[str, int, str]]  # (theme, concerns, address)
    top_themes_address: str


def month_figures(month: date, site: str) -> MonthFigures:
    query = month_query(month)
    kinds = {key[0]: n for key, n in query.counts("kind").items()}
    findings_by_body = {key[0]: n for key, n in query.counts("body").items()}
    reports = Report.objects.filter(is_published=True, published__gte=month, published__lte=last_day(month))
    reports_by_body = dict(reports.values_list("body__slug").annotate(n=Count("id")).values_list("body__slug", "n"))
    bodies = query.vocabulary.bodies
    by_body = sorted(
        ((bodies[slug].name, reports_by_body.get(slug, 0), findings_by_body.get(slug, 0),
          absolute(site, "findings", _with(query, "body", slug).query_string()))
         for slug in set(findings_by_body) | set(reports_by_body) if slug in bodies),
        key=lambda row: (-row[2], -row[1], row[0]),
    )
    concerns = analyses.narrowed(query, "concerns")
    by_theme = {key[0]: n for key, n in analyses.counted(concerns, "theme").items()}
    ranked = sorted(by_theme, key=lambda t: (-by_theme[t], analyses.label_of(query, "theme", t)))[:TOP_THEMES]
    return MonthFigures(
        reports=reports.count(),
        findings=query.count(),
        findings_address=absolute(site, "findings", query.query_string()),
        by_kind=[(str(k.label), kinds[k.value], absolute(site, "findings", _with(query, "kind", k.value).query_string()))
                 for k in Kind if kinds.get(k.value)],
        by_body=by_body,
        top_concerns=[(analyses.label_of(query, "theme", t), by_theme[t],
                       absolute(site, "findings", _with(concerns, "theme", t).query_string())) for t in ranked],
        top_themes_address=absolute(site, "top_themes", query.query_string()),
    )


def dashboard_section(month: date, site: str) -> Suggestion:
    figures = month_figures(month, site)
    name = month_name(month)
    if not figures.findings and not figures.reports:
        return Suggestion(_("No reports were published on the Reporting Dashboard in %(month)s.") % {"month": name})
    lines = [
        _("In %(month)s the Reporting Dashboard added %(reports)s with %(findings)s.") % {
            "month": name,
            "reports": ngettext("%(n)s published report", "%(n)s published reports", figures.reports) % {"n": f"{figures.reports:,}"},
            "findings": ngettext("%(n)s finding", "%(n)s findings", figures.findings) % {"n": f"{figures.findings:,}"},
        },
        "",
        f"[{_('See every finding published in %(month)s') % {'month': name}}]({figures.findings_address})",
        "",
        f"**{_('Findings by kind')}**",
        "",
        *[f"- [{label}: {n:,}]({address})" for label, n, address in figures.by_kind],
        "",
        f"**{_('Reports and findings by body')}**",
        "",
        *[f"- [{body}: {ngettext('%(n)s report', '%(n)s reports', reports) % {'n': f'{reports:,}'}}, "
          f"{ngettext('%(n)s finding', '%(n)s findings', findings) % {'n': f'{findings:,}'}}]({address})"
          for body, reports, findings, address in figures.by_body],
    ]
    if figures.top_concerns:
        lines += [
            "",
            f"**{_('Top themes of concern')}**",
            "",
            *[f"{i}. [{theme}: {ngettext('%(n)s concern', '%(n)s concerns', n) % {'n': f'{n:,}'}}]({address})"
              for i, (theme, n, address) in enumerate(figures.top_concerns, start=1)],
            "",
            f"[{_('See the top themes of concern for %(month)s') % {'month': name}}]({figures.top_themes_address})",
        ]
    return Suggestion("\n".join(lines))


# --- spotlight reports ---------------------------------------------------------------------------

def spotlight_reports(month: date) -> list[Report]:
    """Published reports published or first loaded in the month, those with the most serious
    concerns first, then the most findings. Only published findings are counted."""
    end = last_day(month)
    shown = public_findings()
    in_month = Q(published__gte=month, published__lte=end) | Q(ingested_at__date__gte=month, ingested_at__date__lte=end)
    return list(
        Report.objects.filter(in_month, is_published=True)
        .annotate(
            priority=Count("findings", filter=Q(findings__in=shown.filter(kind__in=PRIORITY_KINDS))),
            total=Count("findings", filter=Q(findings__in=shown)),
        )
        .select_related("body")
        .order_by("-priority", "-total", "-published", "title")[:SPOTLIGHT_REPORTS]
    )


def spotlight_section(month: date, site: str) -> Suggestion:
    entries = []
    for report in spotlight_reports(month):
        summary = ngettext("%(n)s finding", "%(n)s findings", report.total) % {"n": f"{report.total:,}"}
        if report.priority:
            summary += ", " + ngettext("including %(n)s priority concern", "including %(n)s priority concerns",
                                       report.priority) % {"n": f"{report.priority:,}"}
        entries.append(SuggestedEntry(f"{report.body.name} – {report.title}", absolute(site, "report", "", report.id),
                                      summary + ".", report.published))
    return Suggestion("", entries)


# --- upcoming events -----------------------------------------------------------------------------

def upcoming_section(month: date, site: str) -> Suggestion:
    """The month and the next: dated milestones of published tracker items, key dates of published
    business plans, and the plan's activities under way next month."""
    next_month = Month.of(month).plus(1)
    end = last_day(next_month.first_day)
    entries = [
        SuggestedEntry(f"{m.item.title}: {m.shown_label}", absolute(site, "tracker_item", "", m.item.slug),
                       m.item.summary, m.date)
        for m in Milestone.objects.filter(item__is_published=True, date__gte=month, date__lte=end).select_related("item")
    ]
    plan_page = absolute(site, "business_plan")
    key_dates = (KeyDate.objects.filter(activity__plan__is_published=True, month__lte=end, last_month__gte=month)
                 .exclude(activity__status=Status.DROPPED).select_related("activity", "activity__plan"))
    with_dates = set()
    for key_date in key_dates:
        with_dates.add(key_date.activity_id)
        entries.append(SuggestedEntry(
            key_date.label, f"{plan_page}?plan={key_date.activity.plan.slug}",
            f"{key_date.when}. " + _("Business plan activity %(code)s: %(title)s") % {
                "code": key_date.activity.code, "title": key_date.activity.title},
            key_date.date))
    active = (Activity.objects.filter(plan__is_published=True, start_month__lte=next_month.first_day,
                                      end_month__gte=next_month.first_day)
              .exclude(status=Status.DROPPED).exclude(id__in=with_dates).select_related("plan"))
    for activity in active:
        entries.append(SuggestedEntry(
            activity.title, f"{plan_page}?plan={activity.plan.slug}",
            _("Under way in %(month)s. Business plan activity %(code)s.") % {"month": next_month.name, "code": activity.code}))
    # Dated entries first, in date order; then the month-long ones as found.
    entries.sort(key=lambda e: (e.date is None, e.date or date.max))
    return Suggestion("", entries)


SUGGESTERS = {"dashboard": dashboard_section, "spotlight": spotlight_section, "upcoming": upcoming_section}


def suggest(key: str, month: date, site: str) -> Suggestion:
    return SUGGESTERS[key](month, site)

"""The good-practice thematic: every published good-practice finding on one theme in a reporting
year, grouped by setting and then body, each cited by its report's title, page and link. The
findings and the counts come from the same query as /findings?kind=good_practice&theme=…&period=…
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from scrutiny.annual_report.pack import checked_year
from scrutiny.findings.models import Kind
from scrutiny.findings.query import Vocabulary, parse, with_context


class UnknownTheme(ValueError):
    """No theme has this slug."""


@dataclass
class Citation:
    finding_id: int
    text: str
    report_title: str
    published: date
    page: int | None
    number: str
    places: list[str]
    link: str  # the body's own copy of the report, else the finding's page on the dashboard
    dashboard: str  # the finding's address on the dashboard ('' without a site for a file)


@dataclass
class BodyGroup:
    slug: str
    name: str
    citations: list[Citation] = field(default_factory=list)


@dataclass
class SettingGroup:
    slug: str
    name: str
    count: int
    bodies: list[BodyGroup] = field(default_factory=list)


@dataclass
class Thematic:
    theme: str
    theme_name: str
    period: str
    total: int
    settings: list[SettingGroup]
    address: str  # the same findings on the dashboard
    made: date

    @property
    def title(self) -> str:
        return _("Good practice on %(theme)s, %(period)s") % {"theme": self.theme_name, "period": self.period}


def build(theme: str, period: str, site: str = "") -> Thematic:
    """`site` ('' or 'https://…') makes the dashboard links absolute for a file read elsewhere."""
    period = checked_year(period)
    vocabulary = Vocabulary.load()
    slug, reason = vocabulary.check("theme", theme or "")
    if slug is None:
        raise UnknownTheme(_("No theme “%(theme)s”: %(reason)s. The themes are listed at /api/v1/themes.") % {"theme": theme, "reason": reason})
    query = parse({"kind": [Kind.GOOD_PRACTICE.value], "theme": [slug], "period": [period]}, vocabulary)
    counts = query.counts("setting", "body")
    by_setting: dict[str, int] = {}
    for (setting_slug, _body), n in counts.items():
        by_setting[setting_slug] = by_setting.get(setting_slug, 0) + n
    groups = {s: SettingGroup(s, _setting_name(vocabulary, s), n) for s, n in by_setting.items()}
    findings = with_context(query.findings().select_related("setting"))
    for finding in findings.order_by("report__published", "report_id", "position"):
        setting_slug = finding.setting.slug if finding.setting_id else None
        group = groups[setting_slug]
        body = next((b for b in group.bodies if b.slug == finding.body.slug), None)
        if body is None:
            body = BodyGroup(finding.body.slug, finding.body.name)
            group.bodies.append(body)
        dashboard = f"{site}/findings/{finding.id}" if site else f"/findings/{finding.id}"
        body.citations.append(Citation(
            finding.id, finding.text, finding.report.title, finding.report.published, finding.page, finding.number,
            [p.name for p in finding.report.establishments.all()], finding.report.source_url or dashboard, dashboard))
    settings = sorted(groups.values(), key=lambda g: (-g.count, g.name))
    for group in settings:
        group.bodies.sort(key=lambda b: (-len(b.citations), b.name))
    return Thematic(slug, vocabulary.themes[slug].name, period, query.count(), settings,
                    f"{site}/findings?{query.query_string()}", date.today())


def _setting_name(vocabulary, slug) -> str:
    return vocabulary.settings[slug].name if slug in vocabulary.settings else _("No setting given")

"""What the public pages show of repeats: the finding page's section and the most-repeated view.

Everything is read through scrutiny.repeats.public, which sees published findings only."""

from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _

from scrutiny.catalogue.models import Setting, Theme
from scrutiny.repeats.public import finding_repeats, grouped, recurring_findings, with_records

VIEWS = {"finding": _("Findings"), "establishment": _("By establishment"), "theme": _("By theme"), "setting": _("By setting")}
PAGE_SIZE = 50
CHART_BARS = 15


def finding_context(finding) -> dict:
    return finding_repeats(finding)


def most_repeated_page(params) -> dict:
    """/repeats?by=&establishment=&theme=&setting=: unknown values are dropped and said so."""
    from scrutiny.dashboard.services import visible_establishments

    ignored = []
    by = params.get("by") or "finding"
    if by not in VIEWS:
        ignored.append(("by", by))
        by = "finding"
    chosen = {}
    for name, choices in (
        ("establishment", visible_establishments()), ("theme", Theme.objects.all()), ("setting", Setting.objects.all()),
    ):
        if slug := params.get(name):
            found = choices.filter(slug=slug).first() if slug.isascii() and "\x00" not in slug else None
            if found:
                chosen[name] = found
            else:
                ignored.append((name, slug))
    recurring = recurring_findings()
    if place := chosen.get("establishment"):
        recurring = [r for r in recurring if place.id in r.place_ids]
    if theme := chosen.get("theme"):
        recurring = [r for r in recurring if theme.id in r.themes]
    if setting := chosen.get("setting"):
        recurring = [r for r in recurring if setting.id in r.settings]
    context = {"by": by, "views": VIEWS, "chosen": chosen, "ignored": ignored, "total": len(recurring)}
    if by == "finding":
        page = Paginator(recurring, PAGE_SIZE).get_page(params.get("page"))
        with_records(page.object_list)
        context["page"] = page
    else:
        groups = grouped(recurring, by)
        widest = max((g.recurring for g in groups), default=1)
        context["groups"] = groups
        context["bars"] = [(g, round(100 * g.recurring / widest)) for g in groups[:CHART_BARS]]
    return context


def address(by: str, chosen: dict, **extra) -> str:
    """The query string of the view `by` with the filters `chosen` (records or slugs) and any
    extra parameters: tabs, group rows and page links keep the filters."""
    from urllib.parse import urlencode

    pairs = [("by", by)] if by != "finding" else []
    pairs += [(name, getattr(value, "slug", value)) for name, value in chosen.items()]
    pairs += [(k, v) for k, v in extra.items() if v not in (None, "")]
    return urlencode(pairs)

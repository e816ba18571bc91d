"""A finding in a list, written in Python rather than a Jinja macro: /findings shows fifty of
them, and at a million findings the macro (three translations, two truncations, a loop over
places, each through Jinja's call machinery) was the largest part of the page's time. The markup
is the one the macro wrote; every value is escaped."""

from django.urls import reverse
from markupsafe import Markup, escape

from scrutiny.dashboard.jinja import kind_name, long_date
from scrutiny.dashboard.jinja import translated as gettext

# The colour repeats what the words say (the tag text is the kind), never replaces them.
KIND_COLOURS = {"good_practice": "govuk-tag--green", "point_of_note": "govuk-tag--grey", "recommendation": "govuk-tag--blue"}


def truncated(text: str, length: int) -> str:
    """Jinja's truncate filter: whole words, "..." at the end, 5 characters of leeway."""
    if len(text) <= length + 5:
        return text
    return text[: length - 3].rsplit(" ", 1)[0] + "..."


def places(report) -> str:
    return ", ".join(place.name for place in report.establishments.all())


def finding_card(finding, heading_level: int = 3, show_report: bool = True) -> Markup:
    h = int(heading_level)
    name = gettext("No. %(number)s") % {"number": finding.number} if finding.number else gettext("Unnumbered")
    meta = []
    if show_report:
        meta += [finding.report.title, finding.body.short_name]
        where = places(finding.report)
        if where:
            meta.append(where)
    published = gettext("published %(date)s") % {"date": long_date(finding.report.published)}
    meta.append(published + (" · " + gettext("page %(page)s") % {"page": finding.page} if finding.page else ""))
    return Markup(
        '<li class="npm-finding">\n'
        f'  <h{h} class="npm-finding__heading">\n'
        f'    <strong class="govuk-tag {KIND_COLOURS.get(finding.kind, "govuk-tag--orange")}">{escape(kind_name(finding.kind))}</strong>\n'
        f'    <a class="govuk-link" href="{escape(reverse("finding", args=[finding.id]))}">{escape(name)}'
        f'<span class="govuk-visually-hidden">: {escape(truncated(finding.text, 60))}</span></a>\n'
        f"  </h{h}>\n"
        f'  <p class="npm-finding__text">{escape(truncated(finding.text, 320))}</p>\n'
        f'  <p class="npm-finding__meta">{escape(" · ".join(meta))}</p>\n'
        "</li>\n"
    )

"""The public statistics page and the downloads of its tables: aggregates of published deaths
only, every table suppressed before it is shown (statistics.py). No record and no name here."""

from django.db.models import Count as Counted
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from scrutiny.accounts.access import public
from scrutiny.api import exports
from scrutiny.custody_deaths.models import Death, Jurisdiction
from scrutiny.custody_deaths.statistics import Figures

DEFAULT = Jurisdiction.SCOTLAND.value


def _jurisdiction(request) -> tuple[str, list[str]]:
    """The jurisdiction asked for (?jurisdiction=), Scotland by default; an unknown one is
    reported on the page rather than refused (the address may be bookmarked)."""
    asked = (request.GET.get("jurisdiction") or "").strip()
    if not asked:
        return DEFAULT, []
    if asked in Jurisdiction.values:
        return asked, []
    return DEFAULT, [asked[:60]]


def _source(request, jurisdiction: str) -> str:
    address = request.build_absolute_uri(reverse("deaths_statistics") + f"?jurisdiction={jurisdiction}")
    return _("Source: UK National Preventive Mechanism – Reporting Dashboard. Open Government Licence v3.0.") + "\n" + address


@public
def statistics_page(request):
    jurisdiction, ignored = _jurisdiction(request)
    figures = Figures(jurisdiction, _source(request, jurisdiction))
    published = dict(Death.objects.filter(is_published=True).values_list("jurisdiction").annotate(n=Counted("id")).values_list("jurisdiction", "n"))
    choices = [(value, label, published.get(value, 0)) for value, label in Jurisdiction.choices]
    return render(request, "custody_deaths/statistics.html", {
        "title": _("Deaths in prison custody"), "figures": figures, "tables": figures.tables(),
        "choices": choices, "jurisdiction": jurisdiction, "ignored": ignored, "section": "deaths",
    })


@public
def table_download(request, slug: str, fmt: str):
    jurisdiction, _ignored = _jurisdiction(request)
    figures = Figures(jurisdiction, _source(request, jurisdiction))
    table = figures.table(slug)
    if table is None or fmt not in exports.FORMATS:
        raise Http404(_("No such table."))
    about = exports.About(
        f"{table.title} – {figures.name}",
        request.build_absolute_uri(reverse("deaths_statistics") + f"?jurisdiction={jurisdiction}"),
        _("Published deaths in prison custody, %(place)s; counts under 5 not shown") % {"place": figures.name},
        f"jurisdiction={jurisdiction}",
    )
    return exports.response(fmt, exports.Table(table.columns, table.export_rows()), about, f"deaths-{slug}-{jurisdiction}")

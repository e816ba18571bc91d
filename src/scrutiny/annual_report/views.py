"""The annual report pack and the good-practice thematic on the dashboard: public, since every
number in them is public already; each page also as the file a person can send on."""

from datetime import date

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from scrutiny.accounts.access import public
from scrutiny.annual_report import outputs, pack, thematic
from scrutiny.api.exports import file_name
from scrutiny.reports.models import reporting_year_label, reporting_year_of

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def _pack(year: str):
    try:
        return pack.build(year)
    except pack.BadYear as problem:
        raise Http404(str(problem)) from None


def _file(data: bytes, name: str, fmt: str) -> HttpResponse:
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{file_name(name, fmt)}"'
    return response


@public
def latest(request):
    """/annual-report: the reporting year that ended last (the one an annual report covers)."""
    return redirect("annual_report", reporting_year_label(reporting_year_of(date.today()) - 1))


@public
def annual_report(request, year: str):
    found = _pack(year)
    return render(request, "annual_report/annual.html", {"pack": found, "title": found.title})


@public
def annual_report_file(request, year: str, fmt: str):
    if fmt not in CONTENT_TYPES:
        raise Http404("the pack downloads as docx or pdf")
    found = _pack(year)
    return _file(outputs.annual(found, fmt), f"annual-report-pack-{found.year}", fmt)


def _thematic(request, theme: str):
    period = (request.GET.get("period") or "").strip()
    if not period:
        return None
    try:
        return thematic.build(theme, period, site=request.build_absolute_uri("/").rstrip("/"))
    except (pack.BadYear, thematic.UnknownTheme) as problem:
        raise Http404(str(problem)) from None


@public
def good_practice(request, theme: str):
    found = _thematic(request, theme)
    if found is None:  # no year asked for: the last full reporting year
        return redirect(f"{request.path}?period={reporting_year_label(reporting_year_of(date.today()) - 1)}")
    return render(request, "annual_report/good_practice.html", {"thematic": found, "title": found.title})


@public
def good_practice_file(request, theme: str):
    found = _thematic(request, theme)
    if found is None:
        raise Http404("a reporting year is needed: ?period=2025-26")
    return _file(outputs.thematic(found, "docx"), f"good-practice-{found.theme}-{found.period}", "docx")

"""The analysis views: the page, or with a suffix (.svg, .csv, .json, .xlsx) its download."""

from django.http import HttpResponseBase
from django.shortcuts import render

from scrutiny.accounts.access import public
from scrutiny.analysis import pages


def _answer(request, template: str, result):
    return result if isinstance(result, HttpResponseBase) else render(request, template, result)


@public
def trends(request, fmt: str = "html"):
    return _answer(request, "analysis/trends.html", pages.trends_page(request, fmt))


@public
def top_themes(request, fmt: str = "html"):
    return _answer(request, "analysis/top_themes.html", pages.top_themes_page(request, fmt))


@public
def compare(request, fmt: str = "html"):
    return _answer(request, "analysis/compare.html", pages.compare_page(request, fmt))


@public
def coverage(request, fmt: str = "html"):
    return _answer(request, "analysis/coverage.html", pages.coverage_page(request, fmt))

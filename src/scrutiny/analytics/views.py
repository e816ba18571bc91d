"""The analytics page for the secretariat, and the same tables as CSV."""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from scrutiny.accounts import access, roles
from scrutiny.analytics import pages


@access.requires(roles.VIEW_ANALYTICS)
def analytics(request):
    return render(request, "analytics/analytics.html", pages.analytics_page(request.GET))


@access.requires(roles.VIEW_ANALYTICS)
def analytics_csv(request):
    response = HttpResponse(pages.analytics_csv(request.GET), content_type="text/csv; charset=utf-8")
    filename = f"scrutiny-analytics-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response

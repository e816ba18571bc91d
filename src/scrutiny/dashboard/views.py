"""One small function per page: the work is in services.py and findings/query.py."""

from django.shortcuts import redirect, render

from scrutiny.accounts.access import public
from scrutiny.dashboard import services
from scrutiny.dashboard.language import prefers_welsh, welsh_address


@public
def home(request):
    if prefers_welsh(request):
        return redirect(welsh_address(request))
    return render(request, "home.html", services.home_page())


@public
def findings(request):
    return render(request, "findings.html", services.findings_page(request.GET))


@public
def finding(request, finding_id: int):
    return render(request, "finding.html", services.finding_page(finding_id))


@public
def reports(request):
    return render(request, "reports.html", services.reports_page(request.GET))


@public
def report(request, report_id: int):
    return render(request, "report.html", services.report_page(report_id))


@public
def establishments(request):
    return render(request, "establishments.html", services.establishments_page())


@public
def establishment(request, slug: str):
    return render(request, "establishment.html", services.establishment_page(slug))


@public
def bodies(request):
    return render(request, "bodies.html", services.bodies_page())


@public
def body(request, slug: str):
    return render(request, "body.html", services.body_page(slug))


@public
def about(request):
    return render(request, "about.html", services.about_page())


@public
def publications(request):
    from scrutiny.business_plan.models import Plan

    # The plan's page answers "not found" until a plan is published; so the link waits too.
    plan_published = Plan.objects.filter(is_published=True).exists()
    return render(request, "publications.html", {"section": "publications", "plan_published": plan_published})


@public
def accessibility(request):
    return render(request, "accessibility.html", services.accessibility_page())


@public
def privacy(request):
    return render(request, "privacy.html", services.privacy_page())

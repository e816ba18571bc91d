"""One small function per page: the work is in services.py and findings/query.py."""

from django.shortcuts import render

from scrutiny.dashboard import services


def home(request):
    return render(request, "home.html", services.home_page())


def findings(request):
    return render(request, "findings.html", services.findings_page(request.GET))


def finding(request, finding_id: int):
    return render(request, "finding.html", services.finding_page(finding_id))


def reports(request):
    return render(request, "reports.html", services.reports_page(request.GET))


def report(request, report_id: int):
    return render(request, "report.html", services.report_page(report_id))


def establishments(request):
    return render(request, "establishments.html", services.establishments_page())


def establishment(request, slug: str):
    return render(request, "establishment.html", services.establishment_page(slug))


def bodies(request):
    return render(request, "bodies.html", services.bodies_page())


def body(request, slug: str):
    return render(request, "body.html", services.body_page(slug))


def about(request):
    return render(request, "about.html", services.about_page())


def accessibility(request):
    return render(request, "accessibility.html", services.accessibility_page())

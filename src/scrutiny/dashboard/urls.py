"""The dashboard's addresses. They are stable (DESIGN §6): bookmarked, cited, checked by scripts."""

from django.urls import path

from scrutiny.dashboard import views

urlpatterns = [
    path("", views.home, name="home"),
    path("findings", views.findings, name="findings"),
    path("findings/<int:finding_id>", views.finding, name="finding"),
    path("reports", views.reports, name="reports"),
    path("reports/<int:report_id>", views.report, name="report"),
    path("establishments", views.establishments, name="establishments"),
    path("establishments/<slug:slug>", views.establishment, name="establishment"),
    path("bodies", views.bodies, name="bodies"),
    path("bodies/<slug:slug>", views.body, name="body"),
    path("about", views.about, name="about"),
    path("publications", views.publications, name="publications"),
    path("accessibility", views.accessibility, name="accessibility"),
    path("privacy", views.privacy, name="privacy"),
]

"""Secretariat outputs addresses (stable: bookmarked, cited, checked by scripts)."""

from django.urls import path

from scrutiny.annual_report import views

urlpatterns = [
    path("annual-report", views.latest, name="annual_report_latest"),
    path("annual-report/good-practice/<slug:theme>", views.good_practice, name="good_practice"),
    path("annual-report/good-practice/<slug:theme>.docx", views.good_practice_file, name="good_practice_file"),
    path("annual-report/<str:year>.<str:fmt>", views.annual_report_file, name="annual_report_file"),
    path("annual-report/<str:year>", views.annual_report, name="annual_report"),
]

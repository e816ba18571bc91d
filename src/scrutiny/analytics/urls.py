"""Analytics addresses (stable: bookmarked, cited, checked by scripts)."""

from django.urls import path

from scrutiny.analytics import views

urlpatterns = [
    path("manage/analytics", views.analytics, name="analytics"),
    path("manage/analytics.csv", views.analytics_csv, name="analytics_csv"),
]

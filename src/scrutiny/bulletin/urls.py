"""Bulletin addresses (stable: bookmarked, cited, checked by scripts). A bulletin is known by
its month: /bulletin/2025-11."""

from django.urls import path

from scrutiny.bulletin import views

urlpatterns = [
    path("bulletin", views.archive, name="bulletin"),
    path("bulletin/<str:slug>", views.issue, name="bulletin_issue"),
    path("bulletin/<str:slug>/email.html", views.issue_email, name="bulletin_issue_email"),
    path("bulletin/<str:slug>/bulletin.txt", views.issue_text, name="bulletin_issue_text"),
    path("manage/bulletin", views.manage, name="bulletin_manage"),
    path("manage/bulletin/<str:slug>", views.compose, name="bulletin_compose"),
    path("manage/bulletin/<str:slug>/sections/<str:key>", views.edit_section, name="bulletin_section"),
    path("manage/bulletin/<str:slug>/email", views.preview_email, name="bulletin_preview_email"),
    path("manage/bulletin/<str:slug>/text", views.preview_text, name="bulletin_preview_text"),
    path("manage/bulletin/<str:slug>/publish", views.publish, name="bulletin_publish"),
]

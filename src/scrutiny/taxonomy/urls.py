"""Addresses of the vocabulary pages and the establishments review."""

from django.urls import path, re_path

from scrutiny.taxonomy import views

KIND = r"(?P<kind_name>themes|populations|settings)"
SLUG = r"(?P<slug>[-a-zA-Z0-9_]+)"

urlpatterns = [
    path("manage/vocabularies", views.vocabularies, name="vocabularies"),
    path("manage/vocabularies/history", views.history, name="vocabularies_history"),
    path("manage/vocabularies/export.json", views.export_json, name="vocabularies_export_json"),
    path("manage/vocabularies/export.csv", views.export_csv, name="vocabularies_export_csv"),
    path("manage/vocabularies/import", views.import_vocabularies, name="vocabularies_import"),
    re_path(rf"^manage/vocabularies/{KIND}/new$", views.add_term, name="vocabulary_add"),
    re_path(rf"^manage/vocabularies/{KIND}/{SLUG}$", views.edit_term, name="vocabulary_edit"),
    re_path(rf"^manage/vocabularies/{KIND}/{SLUG}/merge$", views.merge_term, name="vocabulary_merge"),
    re_path(rf"^manage/vocabularies/themes/{SLUG}/split$", views.split_theme, name="theme_split"),
    path("manage/establishments/review", views.establishments_review, name="establishments_review"),
    path("manage/establishments/<slug:slug>/confirm", views.confirm_establishment, name="establishment_confirm"),
    path("manage/establishments/<slug:slug>/merge", views.merge_establishment, name="establishment_merge"),
]

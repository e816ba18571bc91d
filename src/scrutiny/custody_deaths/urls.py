"""Deaths in custody addresses (stable: bookmarked, cited, checked by scripts)."""

from django.urls import path

from scrutiny.custody_deaths import manage, views

urlpatterns = [
    path("deaths-in-custody", views.statistics_page, name="deaths_statistics"),
    path("deaths-in-custody/<slug:slug>.<str:fmt>", views.table_download, name="deaths_table_as"),
    path("manage/deaths", manage.home, name="deaths_manage"),
    path("manage/deaths/import", manage.import_deaths, name="deaths_import"),
    path("manage/deaths/mapping", manage.mapping, name="deaths_mapping"),
    path("manage/deaths/releases/<int:pk>/publish", manage.publish_release, name="deaths_release_publish"),
    path("manage/deaths/records", manage.records, name="deaths_records"),
    path("manage/deaths/records/<int:pk>", manage.record, name="deaths_record"),
]

from django.urls import path

from scrutiny.historic import views

urlpatterns = [
    path("manage/import", views.import_findings, name="historic_import"),
    path("manage/export.csv", views.export_csv, name="historic_export_csv"),
    path("manage/export.xlsx", views.export_xlsx, name="historic_export_xlsx"),
]

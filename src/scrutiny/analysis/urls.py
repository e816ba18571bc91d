"""Analysis addresses (stable: bookmarked, cited, checked by scripts). Each takes the filters of
/findings in its query string; `<view>.svg`, `.csv`, `.json` and `.xlsx` are its downloads."""

from django.urls import path, register_converter

from scrutiny.analysis import views


class DownloadFormat:
    regex = "svg|csv|json|xlsx"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(DownloadFormat, "analysis_format")

urlpatterns = [
    path("trends", views.trends, name="trends"),
    path("trends.<analysis_format:fmt>", views.trends, name="trends_as"),
    path("top-themes", views.top_themes, name="top_themes"),
    path("top-themes.<analysis_format:fmt>", views.top_themes, name="top_themes_as"),
    path("compare", views.compare, name="compare"),
    path("compare.<analysis_format:fmt>", views.compare, name="compare_as"),
    path("coverage", views.coverage, name="coverage"),
    path("coverage.<analysis_format:fmt>", views.coverage, name="coverage_as"),
]

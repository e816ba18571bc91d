"""Api addresses (stable: bookmarked, cited, checked by scripts): the /findings twins, the
feed, the sitemap and the JSON API under /api/v1/ (described at /api/openapi.json)."""

from django.urls import include, path

from scrutiny.accounts.access import public
from scrutiny.api import views
from scrutiny.api.v1 import api

# Every API operation (and the OpenAPI description) is public and read-only: ninja makes the
# views, so they are declared here, as the meta-test on every address asks.
api_patterns, api_app, api_namespace = api.urls
for pattern in api_patterns:
    public(pattern.callback)

urlpatterns = [
    path("findings.csv", views.findings_csv, name="findings_csv"),
    path("findings.json", views.findings_json, name="findings_json"),
    path("findings.xlsx", views.findings_xlsx, name="findings_xlsx"),
    path("findings.atom", views.findings_atom, name="findings_atom"),
    path("sitemap.xml", views.sitemap_xml, name="sitemap"),
    path("sitemap-<int:number>.xml", views.sitemap_part, name="sitemap_part"),
    path("api/", include((api_patterns, api_app), namespace=api_namespace)),
]

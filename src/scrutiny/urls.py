from django.urls import include, path

urlpatterns = [
    path("", include("scrutiny.dashboard.urls")),
    path("", include("scrutiny.accounts.urls")),
    path("", include("scrutiny.curation.urls")),
    path("", include("scrutiny.historic.urls")),
    path("", include("scrutiny.uploads.urls")),
]

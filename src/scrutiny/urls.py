from django.urls import include, path

urlpatterns = [
    path("", include("scrutiny.dashboard.urls")),
    path("", include("scrutiny.accounts.urls")),
    path("", include("scrutiny.curation.urls")),
    path("", include("scrutiny.historic.urls")),
    path("", include("scrutiny.uploads.urls")),
    path("", include("scrutiny.taxonomy.urls")),
    path("", include("scrutiny.review.urls")),
    path("", include("scrutiny.repeats.urls")),
    path("", include("scrutiny.followup.urls")),
    path("", include("scrutiny.api.urls")),
    path("", include("scrutiny.analysis.urls")),
    path("", include("scrutiny.analytics.urls")),
]

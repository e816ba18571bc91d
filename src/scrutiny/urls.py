from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

# The API, its OpenAPI description and the .csv/.json/.xlsx twins are data for scripts: one
# unprefixed, English-only address each, so field names and citations never vary by language.
urlpatterns = [
    path("", include("scrutiny.api.urls")),
]

# Every page: in English at its address, in Welsh under /cy/ (DESIGN §6).
urlpatterns += i18n_patterns(
    path("", include("scrutiny.dashboard.urls")),
    path("", include("scrutiny.accounts.urls")),
    path("", include("scrutiny.curation.urls")),
    path("", include("scrutiny.historic.urls")),
    path("", include("scrutiny.uploads.urls")),
    path("", include("scrutiny.taxonomy.urls")),
    path("", include("scrutiny.review.urls")),
    path("", include("scrutiny.repeats.urls")),
    path("", include("scrutiny.followup.urls")),
    path("", include("scrutiny.analysis.urls")),
    path("", include("scrutiny.analytics.urls")),
    path("", include("scrutiny.tracker.urls")),
    path("", include("scrutiny.key_issues.urls")),
    path("", include("scrutiny.correspondence.urls")),
    path("", include("scrutiny.custody_deaths.urls")),
    path("", include("scrutiny.reviews.urls")),
    path("", include("scrutiny.business_plan.urls")),
    path("", include("scrutiny.annual_report.urls")),
    path("", include("scrutiny.bulletin.urls")),
    prefix_default_language=False,
)

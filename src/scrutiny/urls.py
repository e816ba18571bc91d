from django.urls import include, path

urlpatterns = [
    path("", include("scrutiny.dashboard.urls")),
]

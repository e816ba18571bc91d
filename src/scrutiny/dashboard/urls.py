from django.urls import path

from scrutiny.dashboard import views

urlpatterns = [
    path("", views.home, name="home"),
]

"""/repeats: findings raised again and again at the same place (stable: bookmarked, cited)."""

from django.urls import path

from scrutiny.repeats import views

urlpatterns = [path("repeats", views.most_repeated, name="repeats")]

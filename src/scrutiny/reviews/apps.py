"""The Scottish independent reviews tracker: reviews, their recommendations, responses and implementation."""
from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "scrutiny.reviews"
    verbose_name = "Independent reviews"

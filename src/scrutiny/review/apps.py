from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "scrutiny.review"
    verbose_name = "Tag review"

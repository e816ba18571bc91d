from django.apps import AppConfig


class AnalyticsConfig(AppConfig):
    name = "scrutiny.analytics"
    verbose_name = "Analytics"

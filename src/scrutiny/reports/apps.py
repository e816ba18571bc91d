from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "scrutiny.reports"
    verbose_name = "Reports"

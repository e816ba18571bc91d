from django.apps import AppConfig


class FindingsConfig(AppConfig):
    name = "scrutiny.findings"
    verbose_name = "Findings"

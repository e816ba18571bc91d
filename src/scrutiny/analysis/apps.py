from django.apps import AppConfig


class AnalysisConfig(AppConfig):
    name = "scrutiny.analysis"
    verbose_name = "Analysis"

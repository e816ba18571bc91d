"""The annual report pack and the good-practice thematics, generated from the dashboard's data."""
from django.apps import AppConfig


class AnnualReportConfig(AppConfig):
    name = "scrutiny.annual_report"
    verbose_name = "Annual report"

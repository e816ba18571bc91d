"""The Scottish deaths-in-prison-custody database: records, annual imports, statistics with suppression."""
from django.apps import AppConfig


class DeathsConfig(AppConfig):
    name = "scrutiny.deaths"
    verbose_name = "Deaths in custody"

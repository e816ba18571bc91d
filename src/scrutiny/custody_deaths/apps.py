"""The Scottish deaths-in-prison-custody database: records, annual imports, statistics with suppression."""
from django.apps import AppConfig


class CustodyDeathsConfig(AppConfig):
    name = "scrutiny.custody_deaths"
    verbose_name = "Deaths in custody"

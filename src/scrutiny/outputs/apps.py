"""Secretariat outputs generated from the data: the annual report pack, good-practice thematics, the monthly bulletin."""
from django.apps import AppConfig


class OutputsConfig(AppConfig):
    name = "scrutiny.outputs"
    verbose_name = "Secretariat outputs"

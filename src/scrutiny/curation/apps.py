from django.apps import AppConfig


class CurationConfig(AppConfig):
    name = "scrutiny.curation"
    verbose_name = "Curation"

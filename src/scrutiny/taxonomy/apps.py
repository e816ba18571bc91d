from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    name = "scrutiny.taxonomy"
    verbose_name = "Taxonomy"

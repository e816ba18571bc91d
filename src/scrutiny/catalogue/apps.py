from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    name = "scrutiny.catalogue"
    verbose_name = "Catalogue: bodies, establishments and vocabularies"

from django.apps import AppConfig


class UploadsConfig(AppConfig):
    name = "scrutiny.uploads"
    verbose_name = "Uploads"

from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "scrutiny.api"
    verbose_name = "Api"

from django.apps import AppConfig


class RepeatsConfig(AppConfig):
    name = "scrutiny.repeats"
    verbose_name = "Repeats"

from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "scrutiny.dashboard"
    verbose_name = "Dashboard"

"""The business-plan calendar: activities, months, the Gantt view and the monthly workload."""
from django.apps import AppConfig


class PlanConfig(AppConfig):
    name = "scrutiny.plan"
    verbose_name = "Business plan"

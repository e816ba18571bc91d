"""The business-plan calendar: activities, months, the Gantt view and the monthly workload."""
from django.apps import AppConfig


class BusinessPlanConfig(AppConfig):
    name = "scrutiny.business_plan"
    verbose_name = "Business plan"

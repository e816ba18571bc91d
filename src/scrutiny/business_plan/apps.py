"""The business-plan calendar: activities, months, the Gantt view and the monthly workload."""
from django.apps import AppConfig
from django.utils.translation import gettext_noop


class BusinessPlanConfig(AppConfig):
    name = "scrutiny.business_plan"
    verbose_name = "Business plan"

    def ready(self) -> None:
        from scrutiny.accounts import roles
        from scrutiny.curation.tools import Tool, register

        register(Tool(gettext_noop("Business plan calendar"), "plan_manage", roles.EDIT_PLAN))

"""The Scottish deaths-in-prison-custody database: records, annual imports, statistics with suppression."""
from django.apps import AppConfig
from django.utils.translation import gettext_noop


class CustodyDeathsConfig(AppConfig):
    name = "scrutiny.custody_deaths"
    verbose_name = "Deaths in custody"

    def ready(self):
        from scrutiny.accounts import roles
        from scrutiny.curation.tools import Tool, register

        from . import signals  # noqa: F401  (connects the merge follower)

        register(Tool(gettext_noop("Deaths in custody"), "deaths_manage", roles.EDIT_DEATHS))

"""Key Issues: a page per systemic issue, its analysis, the standards engaged and the live evidence from the dashboard."""
from django.apps import AppConfig
from django.utils.translation import gettext_noop


class KeyIssuesConfig(AppConfig):
    name = "scrutiny.key_issues"
    verbose_name = "Key Issues"

    def ready(self):
        from scrutiny.accounts import roles
        from scrutiny.curation.tools import Tool, register

        register(Tool(gettext_noop("Key issues"), "key_issues_manage", roles.EDIT_TRACKER))

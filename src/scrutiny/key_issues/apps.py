"""Key Issues: a page per systemic issue, its analysis, the standards engaged and the live evidence from the dashboard."""
from django.apps import AppConfig


class KeyIssuesConfig(AppConfig):
    name = "scrutiny.key_issues"
    verbose_name = "Key Issues"

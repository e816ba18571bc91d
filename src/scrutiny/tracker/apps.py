"""Policy Tracker: bills, consultations, inquiries, reviews and treaty processes the NPM follows, with milestones and the NPM's action."""
from django.apps import AppConfig
from django.utils.translation import gettext_noop


class TrackerConfig(AppConfig):
    name = "scrutiny.tracker"
    verbose_name = "Policy Tracker"

    def ready(self):
        from scrutiny.accounts import roles
        from scrutiny.curation.tools import Tool, register

        register(Tool(gettext_noop("Policy Tracker"), "tracker_manage", roles.EDIT_TRACKER))

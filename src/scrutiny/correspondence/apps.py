"""Correspondence: letters to duty bearers, their replies, reply-due dates and the public register."""
from django.apps import AppConfig
from django.utils.translation import gettext_noop


class CorrespondenceConfig(AppConfig):
    name = "scrutiny.correspondence"
    verbose_name = "Correspondence"

    def ready(self):
        from scrutiny.accounts import roles
        from scrutiny.curation.tools import Tool, register

        register(Tool(gettext_noop("Correspondence with duty bearers"), "correspondence_manage", roles.EDIT_TRACKER))

from django.apps import AppConfig


class FollowupConfig(AppConfig):
    name = "scrutiny.followup"
    verbose_name = "Follow-up"

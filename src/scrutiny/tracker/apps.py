"""Policy Tracker: bills, consultations, inquiries, reviews and treaty processes the NPM follows, with milestones and the NPM's action."""
from django.apps import AppConfig


class TrackerConfig(AppConfig):
    name = "scrutiny.tracker"
    verbose_name = "Policy Tracker"

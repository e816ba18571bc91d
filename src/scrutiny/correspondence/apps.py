"""Correspondence: letters to duty bearers, their replies, reply-due dates and the public register."""
from django.apps import AppConfig


class CorrespondenceConfig(AppConfig):
    name = "scrutiny.correspondence"
    verbose_name = "Correspondence"

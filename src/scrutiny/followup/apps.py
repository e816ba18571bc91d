"""Follow-up: later assessments linked to the findings they assess, and each finding's status history."""
from django.apps import AppConfig
from django.db.models.signals import post_save


def _report_saved(sender, instance, created, **kwargs):
    """Publishing or withdrawing a report shows or hides its verdicts on the findings it assesses."""
    if not created:
        from scrutiny.followup.services import refresh_statuses_assessed_in

        refresh_statuses_assessed_in(instance)


class FollowupConfig(AppConfig):
    name = "scrutiny.followup"
    verbose_name = "Follow-up"

    def ready(self):
        from scrutiny.reports.models import Report

        post_save.connect(_report_saved, sender=Report, dispatch_uid="followup-report-saved")
        # The staff home shows how many follow-up links wait, without the curation app knowing of us.
        from django.template import engines

        from scrutiny.followup.pages import pending_count

        engines["jinja2"].env.globals["follow_up_waiting"] = pending_count

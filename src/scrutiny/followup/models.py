"""Follow-up links and status history.

A LinkSuggestion pairs a later finding that judges progress (an assessment) with an earlier
finding it may be judging, with the evidence for the pairing; a person confirms or rejects it.
A StatusChange is written when a link is confirmed: the earlier finding's status, in the common
scale and in the body's words, as of the assessing report. Rows are never overwritten, so a
finding assessed twice keeps both verdicts; unlinking withdraws a row (kept, marked withdrawn)
and the finding's status goes back to what the remaining history says."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils import timezone

from scrutiny.findings.models import Finding, Status


class SuggestionState(models.TextChoices):
    SUGGESTED = "suggested", _("Waiting for a person")
    CONFIRMED = "confirmed", _("Confirmed")
    REJECTED = "rejected", _("Rejected")


class LinkSuggestion(models.Model):
    assessment = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="link_suggestions")
    assessed = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="suggested_assessments")
    score = models.FloatField()
    rank = models.PositiveSmallIntegerField(default=1, help_text="1 is the best candidate for the assessment")
    # Why, as a person reads it: "same number 3.12", "paragraph reference 4.5", "text similarity 0.71".
    reasons = models.JSONField(default=list)
    # Same number and near-identical words: shown first, still waits for a person (docs/follow-up.md).
    strong = models.BooleanField(default=False)
    state = models.CharField(max_length=20, choices=SuggestionState.choices, default=SuggestionState.SUGGESTED, db_index=True)
    created_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    decided_by_name = models.CharField(max_length=200, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["assessment_id", "rank", "-score"]
        constraints = [models.UniqueConstraint(fields=["assessment", "assessed"], name="link_suggestion_unique_pair")]

    def __str__(self) -> str:
        return f"{self.assessment_id} assesses {self.assessed_id}? ({self.score:.2f}, {self.state})"


class StatusChange(models.Model):
    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="status_changes")
    status = models.CharField(max_length=30, choices=Status.choices)
    status_in_source = models.CharField(max_length=300, blank=True)
    assessed_by = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="status_changes_made")
    report = models.ForeignKey("reports.Report", on_delete=models.CASCADE, related_name="status_changes")
    date = models.DateField(help_text="the assessing report's publication date")
    # What the finding said before this row first took effect, for the first row to restore.
    previous_status = models.CharField(max_length=30, choices=Status.choices, default=Status.NOT_ASSESSED)
    previous_status_in_source = models.CharField(max_length=300, blank=True)
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    confirmed_by_name = models.CharField(max_length=200)
    confirmed_at = models.DateTimeField(default=timezone.now)
    withdrawn_by_name = models.CharField(max_length=200, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["finding_id", "date", "id"]
        indexes = [models.Index(fields=["finding", "withdrawn_at"])]

    def __str__(self) -> str:
        return f"{self.finding_id}: {self.status} on {self.date} (from {self.assessed_by_id})"

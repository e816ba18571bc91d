"""What the review queue keeps: suggestions waiting for a person, and every decision made.

A Suggestion is a theme the model thinks may apply but is not sure enough to tag (its confidence
is under the tag threshold and above the floor, scrutiny.review.tagging). It is not a Tag, so no
count on the dashboard includes it until a person accepts it. A Decision records who decided
what about a finding's theme, and when; decisions are what `scrutiny tagger retrain` learns from."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils import timezone

from scrutiny.catalogue.models import Theme
from scrutiny.findings.models import Finding


class Suggestion(models.Model):
    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="suggestions")
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="suggestions")
    confidence = models.FloatField()
    # The theme's rule words found in the finding (comma-separated), empty when only the model spoke.
    evidence = models.CharField(max_length=300, blank=True)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["finding", "theme"], name="suggestion_unique")]
        indexes = [models.Index(fields=["theme", "confidence"])]

    def __str__(self) -> str:
        return f"{self.theme_id} on finding {self.finding_id} ({self.confidence:.2f})"


class Verdict(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")  # a suggestion accepted, or a machine tag confirmed
    REJECTED = "rejected", _("Rejected")  # a suggestion rejected, or a tag removed
    ADDED = "added", _("Added")  # a theme neither rules nor model suggested


class Decision(models.Model):
    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="tag_decisions")
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="tag_decisions")
    decision = models.CharField(max_length=10, choices=Verdict.choices)
    # What was decided on: a suggestion, or a tag with its origin (rule, model, person); empty
    # for a theme added from nothing.
    on = models.CharField(max_length=12, blank=True)
    confidence = models.FloatField(null=True, blank=True, help_text="the machine's confidence at the time")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    user_name = models.CharField(max_length=200)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["finding", "theme"])]

    def __str__(self) -> str:
        return f"{self.user_name} {self.decision} {self.theme_id} on finding {self.finding_id}"

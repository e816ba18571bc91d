"""The audit trail: every change to a curated record, who made it, when, and the values before
and after. A change is undone by a new change that puts the old values back, so the trail only
ever grows."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils import timezone


class Action(models.TextChoices):
    CREATED = "created", _("Created")
    EDITED = "edited", _("Edited")
    SUBMITTED = "submitted", _("Sent for review")
    PUBLISHED = "published", _("Published")
    UNPUBLISHED = "unpublished", _("Unpublished")
    RETURNED = "returned", _("Returned to draft")
    REVERTED = "reverted", _("Reverted")
    IMPORTED = "imported", _("Imported")
    DELETED = "deleted", _("Deleted")
    # Vocabularies, tag review and follow-up links (issue 4).
    RENAMED = "renamed", _("Renamed")
    MERGED = "merged", _("Merged")
    SPLIT = "split", _("Split")
    CONFIRMED = "confirmed", _("Confirmed")
    REJECTED = "rejected", _("Rejected")
    LINKED = "linked", _("Linked")
    UNLINKED = "unlinked", _("Unlinked")


class Change(models.Model):
    at = models.DateTimeField(default=timezone.now, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # The name at the time, so the trail still reads after an account is anonymised.
    user_name = models.CharField(max_length=200)
    action = models.CharField(max_length=20, choices=Action.choices)
    # The record changed, as "app.model" and its id; the report it belongs to, for its history.
    subject = models.CharField(max_length=60)
    object_id = models.PositiveBigIntegerField()
    report = models.ForeignKey("reports.Report", null=True, blank=True, on_delete=models.SET_NULL, related_name="changes")
    description = models.CharField(max_length=300)
    before = models.JSONField(default=dict)
    after = models.JSONField(default=dict)
    reverts = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="reverted_by")

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["subject", "object_id"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.user_name}: {self.description}"

    @property
    def fields(self) -> list[tuple[str, object, object]]:
        """(field, before, after) for each field the change touched, as a person reads them."""
        names = list(dict.fromkeys([*self.before, *self.after]))
        return [(name, _readable(name, self.before.get(name)), _readable(name, self.after.get(name))) for name in names]


def _readable(name: str, value):
    from scrutiny.reports.models import State

    return State(value).label if name == "state" and value in State.values else value


class ProposalState(models.TextChoices):
    PENDING = "pending", _("Waiting for the secretariat")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


class Proposal(models.Model):
    """A correction to a published finding by someone who may not change the public record
    (a body contributor). It waits, unapplied, until a person who may publish accepts it."""

    finding = models.ForeignKey("findings.Finding", on_delete=models.CASCADE, related_name="proposals")
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    proposed_by_name = models.CharField(max_length=200)
    proposed_at = models.DateTimeField(default=timezone.now)
    base_version = models.PositiveIntegerField()  # the version the proposer corrected
    before = models.JSONField(default=dict)
    after = models.JSONField(default=dict)
    state = models.CharField(max_length=20, choices=ProposalState.choices, default=ProposalState.PENDING, db_index=True)
    decided_by_name = models.CharField(max_length=200, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-proposed_at", "-id"]

    @property
    def fields(self) -> list[tuple[str, object, object]]:
        return [(name, self.before.get(name), value) for name, value in self.after.items()]

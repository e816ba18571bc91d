"""Independent reviews commissioned in Scotland, their recommendations, the government's response
to each, and what became of each over time.

A review is public only once staff publish it (`is_published`); until then nothing of it, its
recommendations or its updates shows on any public page or export. `notes` and the names of the
people who recorded things are for staff only, whatever the review's state."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ReviewStatus(models.TextChoices):
    ANNOUNCED = "announced", _("Announced")
    IN_PROGRESS = "in_progress", _("In progress")
    PUBLISHED = "published", _("Report published")
    RESPONDED = "responded", _("Government responded")
    PROGRESS_REVIEWED = "progress_reviewed", _("Progress reviewed")


class Response(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    PARTLY_ACCEPTED = "partly_accepted", _("Partly accepted")
    REJECTED = "rejected", _("Rejected")
    NOT_YET = "not_yet", _("Not yet responded")


class Implementation(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    IMPLEMENTED = "implemented", _("Implemented")
    NOT_IMPLEMENTED = "not_implemented", _("Not implemented")
    UNCLEAR = "unclear", _("Unclear")


class Review(models.Model):
    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=120, unique=True)
    commissioned_by = models.CharField(max_length=300, blank=True)
    chair = models.CharField(max_length=300, blank=True)
    date_announced = models.DateField(null=True, blank=True)
    date_published = models.DateField(null=True, blank=True)
    date_responded = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=30, choices=ReviewStatus.choices, default=ReviewStatus.ANNOUNCED)
    link = models.URLField(max_length=500, blank=True)
    summary = models.TextField(blank=True, help_text="Markdown")
    # When the NPM means to look again at what was done (often three years on from publication).
    progress_review_due = models.DateField(null=True, blank=True)
    tracker_items = models.ManyToManyField("tracker.Item", blank=True, related_name="independent_reviews")
    key_issues = models.ManyToManyField("key_issues.KeyIssue", blank=True, related_name="independent_reviews")
    is_published = models.BooleanField(default=False, db_index=True)
    notes = models.TextField(blank=True)  # staff only
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by_name = models.CharField(max_length=200, blank=True)  # staff only

    class Meta:
        ordering = ["-date_published", "-date_announced", "title"]

    def __str__(self) -> str:
        return self.title


class ReviewRecommendation(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="recommendations")
    position = models.PositiveIntegerField(default=0)
    number = models.CharField(max_length=20, blank=True)
    text = models.TextField()
    page = models.PositiveIntegerField(null=True, blank=True)
    response = models.CharField(max_length=20, choices=Response.choices, default=Response.NOT_YET)
    response_text = models.TextField(blank=True)
    extracted_from = models.CharField(max_length=300, blank=True)  # the file's name; blank when typed in

    class Meta:
        ordering = ["review_id", "position", "id"]

    def __str__(self) -> str:
        return f"{self.review_id} recommendation {self.number or self.position}"


class ImplementationUpdate(models.Model):
    recommendation = models.ForeignKey(ReviewRecommendation, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField()
    status = models.CharField(max_length=20, choices=Implementation.choices)
    evidence = models.TextField(blank=True)
    evidence_link = models.URLField(max_length=500, blank=True)
    recorded_by_name = models.CharField(max_length=200, blank=True)  # staff only
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["recommendation_id", "date", "id"]

    def __str__(self) -> str:
        return f"{self.recommendation_id}: {self.status} on {self.date}"

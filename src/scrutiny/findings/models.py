"""A finding is one recommendation, concern or good practice printed in a report, with where it
was printed (page, section, number) and how it has been tagged and followed up."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from scrutiny.catalogue.models import Body, Nation, Population, Setting, Theme
from scrutiny.reports.models import Report


class Kind(models.TextChoices):
    RECOMMENDATION = "recommendation", _("Recommendation")
    PRIORITY_CONCERN = "priority_concern", _("Priority concern")
    KEY_CONCERN = "key_concern", _("Key concern")
    CAUSE_OF_CONCERN = "cause_of_concern", _("Cause of concern")
    CONCERN = "concern", _("Concern")
    AREA_FOR_IMPROVEMENT = "area_for_improvement", _("Area for improvement")
    REQUIREMENT = "requirement", _("Requirement")
    ACTION_POINT = "action_point", _("Action point")
    GOOD_PRACTICE = "good_practice", _("Good practice")
    POINT_OF_NOTE = "point_of_note", _("Point of note")


CONCERN_KINDS = frozenset(
    {
        Kind.RECOMMENDATION, Kind.PRIORITY_CONCERN, Kind.KEY_CONCERN, Kind.CAUSE_OF_CONCERN,
        Kind.CONCERN, Kind.AREA_FOR_IMPROVEMENT, Kind.REQUIREMENT, Kind.ACTION_POINT,
    }
)


class Status(models.TextChoices):
    NOT_ASSESSED = "not_assessed", _("Not assessed")
    ACHIEVED = "achieved", _("Achieved")
    GOOD_PROGRESS = "good_progress", _("Good progress")
    SOME_PROGRESS = "some_progress", _("Some progress")
    NO_PROGRESS = "no_progress", _("No progress")
    NO_LONGER_RELEVANT = "no_longer_relevant", _("No longer relevant")


class Provenance(models.TextChoices):
    EXTRACTED = "extracted", _("Extracted from the report")
    IMPORTED = "imported", _("Imported")
    ENTERED = "entered", _("Entered by hand")


class Finding(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="findings")
    position = models.PositiveIntegerField(help_text="order of the finding in its report")
    kind = models.CharField(max_length=30, choices=Kind.choices, db_index=True)
    label_in_source = models.CharField(max_length=500, blank=True)
    number = models.CharField(max_length=40, blank=True)
    text = models.TextField()
    page = models.PositiveIntegerField(null=True, blank=True)
    section = models.CharField(max_length=500, blank=True)
    addressee = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=30, choices=Status.choices, default=Status.NOT_ASSESSED, db_index=True)
    status_in_source = models.CharField(max_length=300, blank=True)
    assesses = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="assessments")
    repeats = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="repeated_by")
    provenance = models.CharField(max_length=20, choices=Provenance.choices, default=Provenance.EXTRACTED)
    themes = models.ManyToManyField(Theme, through="Tag", related_name="findings", blank=True)
    populations = models.ManyToManyField(Population, through="PopulationTag", related_name="findings", blank=True)

    # Copied from the report so that facet counts need no joins; kept in step by the ingest
    # service and by Report edits (reports.services.refresh_finding_facets).
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="findings")
    setting = models.ForeignKey(Setting, null=True, blank=True, on_delete=models.PROTECT, related_name="findings")
    nation = models.ForeignKey(Nation, null=True, blank=True, on_delete=models.PROTECT, related_name="findings")
    year = models.PositiveSmallIntegerField(db_index=True)
    reporting_year = models.PositiveSmallIntegerField(db_index=True)
    is_published = models.BooleanField(default=True, db_index=True)
    # Bumped by every edit, so that of two people editing at once the second is told.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["report", "position"]
        constraints = [
            models.UniqueConstraint(fields=["report", "position"], name="finding_position_unique_in_report")
        ]
        indexes = [models.Index(fields=["is_published", "year", "kind"])]

    def __str__(self) -> str:
        label = f"{self.get_kind_display()} {self.number}".strip()
        return f"{label}: {self.text[:60]}"

    @property
    def counts_as(self) -> str:
        if self.kind in CONCERN_KINDS:
            return "concern"
        return "good practice" if self.kind == Kind.GOOD_PRACTICE else "neither"


class TagOrigin(models.TextChoices):
    RULE = "rule", _("Rule")
    MODEL = "model", _("Model")
    PERSON = "person", _("Person")


class Labelling(models.Model):
    """What every label on a finding carries: where it came from and how sure it is."""

    origin = models.CharField(max_length=10, choices=TagOrigin.choices, default=TagOrigin.RULE)
    confidence = models.FloatField(default=1.0)
    # The words that triggered a rule tag, so that an analyst can see why it is there.
    evidence = models.CharField(max_length=300, blank=True)

    class Meta:
        abstract = True


class Tag(Labelling):
    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="tags")
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="tags")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["finding", "theme"], name="tag_unique")]


class PopulationTag(Labelling):
    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="population_tags")
    population = models.ForeignKey(Population, on_delete=models.CASCADE, related_name="tags")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["finding", "population"], name="population_tag_unique")]


class FindingChange(models.Model):
    """One line of the change log that database triggers write whenever a finding, its tags or
    its report's publication change (migration 0004), so that the in-memory query engine of
    every process can tell it is stale and re-read only the findings named here.

    `token` is random: tests roll transactions back, so a sequence number can come back naming a
    different change, and only (seq, token) together say "the same change". A null finding_id
    means "everything may have changed" (written after a migration rebuilt a table)."""

    seq = models.BigAutoField(primary_key=True)
    finding_id = models.BigIntegerField(null=True)
    token = models.BigIntegerField()

    class Meta:
        db_table = "findings_change"

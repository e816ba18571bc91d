"""A report is one published document from one NPM body (sometimes jointly with others)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from scrutiny.catalogue.models import Body, Establishment, Nation, Setting


class ReportType(models.TextChoices):
    FULL_INSPECTION = "full-inspection", _("Full inspection")
    UNANNOUNCED_INSPECTION = "unannounced-inspection", _("Unannounced inspection")
    REVIEW_OF_PROGRESS = "review-of-progress", _("Follow-up / review of progress")
    THEMATIC = "thematic", _("Thematic")
    ANNUAL_REPORT = "annual-report", _("Annual report")
    MONITORING_VISIT = "monitoring-visit", _("Monitoring visit")
    CUSTODY_VISIT_SUMMARY = "custody-visit-summary", _("Custody visit summary")
    # A sheriff's determination after a fatal accident inquiry (the "scottish-fai" source, not an NPM body).
    FAI_DETERMINATION = "fai-determination", _("Fatal accident inquiry determination")


class LegalBasis(models.TextChoices):
    CRIMINAL_JUSTICE = "criminal-justice", _("Criminal justice")
    PACE = "pace", _("Police and Criminal Evidence Act (PACE)")
    MENTAL_HEALTH_ACT = "mental-health-act", _("Mental Health Act")
    MENTAL_CAPACITY_DOLS = "mental-capacity-dols", _("Mental Capacity Act / DoLS / LPS")
    ADULTS_WITH_INCAPACITY = "adults-with-incapacity", _("Adults with Incapacity (Scotland)")
    IMMIGRATION = "immigration", _("Immigration powers")
    TERRORISM_ACT = "terrorism-act", _("Terrorism Act")
    SECURE_WELFARE = "secure-welfare", _("Children's secure welfare orders")


class State(models.TextChoices):
    """Draft → in review → published. Only a published report, and its findings, is public."""

    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")


class Report(models.Model):
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="reports")
    co_bodies = models.ManyToManyField(Body, related_name="joint_reports", blank=True)
    report_type = models.CharField(max_length=40, choices=ReportType.choices)
    title = models.CharField(max_length=500)
    establishments = models.ManyToManyField(Establishment, related_name="reports", blank=True)
    setting = models.ForeignKey(Setting, null=True, blank=True, on_delete=models.PROTECT, related_name="reports")
    nation = models.ForeignKey(Nation, null=True, blank=True, on_delete=models.PROTECT, related_name="reports")
    published = models.DateField(db_index=True)
    fieldwork_start = models.DateField(null=True, blank=True)
    fieldwork_end = models.DateField(null=True, blank=True)
    legal_basis = models.CharField(max_length=40, choices=LegalBasis.choices, blank=True)
    source_url = models.URLField(max_length=500, blank=True)
    file_name = models.CharField(max_length=300)
    file_format = models.CharField(max_length=10)
    content_hash = models.CharField(max_length=64, unique=True)
    page_count = models.PositiveIntegerField(null=True, blank=True)
    language = models.CharField(max_length=10, default="en")
    extraction_profile = models.CharField(max_length=60, blank=True)
    state = models.CharField(max_length=20, choices=State.choices, default=State.PUBLISHED)
    # state == published, kept beside it (and copied to each finding) for the public queries.
    is_published = models.BooleanField(default=True, db_index=True)
    # A stable key that historic import and export use to recognise the report.
    reference = models.CharField(max_length=120, unique=True)
    # Bumped by every edit: an edit made against an older version is refused, not merged.
    version = models.PositiveIntegerField(default=1)
    ingested_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-published", "title"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if not self.reference:
            self.reference = default_reference(self.body.slug, self.content_hash)
        self.is_published = self.state == State.PUBLISHED
        super().save(*args, **kwargs)

    @property
    def reporting_year(self) -> int:
        return reporting_year_of(self.published)


def default_reference(body_slug: str, content_hash: str) -> str:
    """A report ingested from a file is known by its body and the start of its content hash."""
    return f"{body_slug}-{content_hash[:12]}"


def reporting_year_of(day) -> int:
    """The NPM reports April to March: 14 May 2024 and 2 February 2025 are both in 2024-25,
    which we store as its first calendar year, 2024."""
    return day.year if day.month >= 4 else day.year - 1


def reporting_year_label(start_year: int) -> str:
    return f"{start_year}-{(start_year + 1) % 100:02d}"

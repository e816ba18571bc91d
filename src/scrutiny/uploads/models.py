"""A report file sent through the web, waiting for or being read by the background worker.

The file is kept under SCRUTINY_FILES_DIR/uploads/ with a name the server chose (a uuid and the
extension its type earned); the name it had on the sender's computer is kept for display only."""

from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils import timezone

from scrutiny.catalogue.models import Body, Nation, Setting
from scrutiny.reports.models import Report, ReportType


class UploadState(models.TextChoices):
    QUEUED = "queued", _("Waiting")
    RUNNING = "running", _("Reading")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")
    DUPLICATE = "duplicate", _("Already held")


FINISHED = (UploadState.DONE, UploadState.FAILED, UploadState.DUPLICATE)


def uploads_dir() -> Path:
    return Path(settings.SCRUTINY_FILES_DIR) / "uploads"


class Upload(models.Model):
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="uploads"
    )
    uploaded_at = models.DateTimeField(default=timezone.now, db_index=True)
    original_name = models.CharField(max_length=255)  # for display only: never part of a path
    stored_name = models.CharField(max_length=64, unique=True)  # uuid hex + extension, in uploads_dir()
    size = models.BigIntegerField()
    sha256 = models.CharField(max_length=64, db_index=True)
    file_format = models.CharField(max_length=10)

    # The metadata chosen in the form, as `scrutiny ingest` takes it.
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="uploads")
    establishment = models.CharField(max_length=300, blank=True)
    published = models.DateField()
    report_type = models.CharField(max_length=40, choices=ReportType.choices)
    title = models.CharField(max_length=500, blank=True)
    setting = models.ForeignKey(Setting, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    nation = models.ForeignKey(Nation, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    state = models.CharField(max_length=20, choices=UploadState.choices, default=UploadState.QUEUED, db_index=True)
    progress = models.FloatField(default=0.0)  # 0 to 1
    progress_message = models.CharField(max_length=300, blank=True)
    error = models.TextField(blank=True)
    report = models.ForeignKey(Report, null=True, blank=True, on_delete=models.SET_NULL, related_name="uploads")
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    # Which worker holds it (host:pid:thread) and when it last said it was alive, so a job left
    # running by a worker that died is found and queued again.
    worker = models.CharField(max_length=200, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        indexes = [models.Index(fields=["state", "uploaded_at"], name="upload_queue")]

    def __str__(self) -> str:
        return f"{self.original_name} ({self.get_state_display()})"

    @property
    def path(self) -> Path:
        return uploads_dir() / self.stored_name

    @property
    def finished(self) -> bool:
        return self.state in FINISHED

    @property
    def percent(self) -> int:
        return 100 if self.state == UploadState.DONE else max(0, min(100, round(self.progress * 100)))

    def overrides(self) -> dict:
        """The metadata as Ingester overrides (the options of `scrutiny ingest`)."""
        return {
            "body": self.body.slug, "establishment": self.establishment, "published": self.published.isoformat(),
            "type": self.report_type, "title": self.title,
            "setting": self.setting.slug if self.setting_id else None,
            "nation": self.nation.slug if self.nation_id else None,
        }

"""Letters from the NPM, its chair or a subgroup to duty bearers, and the replies they bring.

A letter is drafted, then sent; a sent letter may be published on the public register, and each
reply may be published with it or kept back. Internal notes are for the secretariat only, never
shown on a public page or in an export. Files are kept under SCRUTINY_FILES_DIR/correspondence/
with a name the server chose; the sender's file name is kept for display only."""

from pathlib import Path

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from scrutiny.catalogue.models import Theme
from scrutiny.correspondence.services import working_days
from scrutiny.findings.models import Finding
from scrutiny.key_issues.models import KeyIssue
from scrutiny.tracker.models import Item


def letters_dir() -> Path:
    return Path(settings.SCRUTINY_FILES_DIR) / "correspondence"


class Sender(models.TextChoices):
    NPM = "npm", _("NPM")
    CHAIR = "chair", _("NPM chair")
    SUBGROUP = "subgroup", _("NPM subgroup")


class RecipientNation(models.TextChoices):
    UK_WIDE = working_days.UK_WIDE, _("UK-wide")
    ENGLAND_AND_WALES = working_days.ENGLAND_AND_WALES, _("England and Wales")
    SCOTLAND = working_days.SCOTLAND, _("Scotland")
    NORTHERN_IRELAND = working_days.NORTHERN_IRELAND, _("Northern Ireland")


class LetterStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SENT = "sent", _("Sent")


class AttachedFile(models.Model):
    """A letter's or a reply's file: PDF or Word, checked by its content."""

    original_name = models.CharField(max_length=255, blank=True)  # for display only: never part of a path
    stored_name = models.CharField(max_length=64, blank=True)  # uuid hex + extension, in letters_dir()
    size = models.BigIntegerField(default=0)

    class Meta:
        abstract = True

    @property
    def has_file(self) -> bool:
        return bool(self.stored_name)

    @property
    def file_path(self) -> Path:
        return letters_dir() / Path(self.stored_name).name


class Letter(AttachedFile):
    sender = models.CharField(max_length=20, choices=Sender.choices, default=Sender.NPM)
    subgroup = models.CharField(max_length=200, blank=True)  # the subgroup's name, when a subgroup sent it
    recipient_name = models.CharField(max_length=200, blank=True)
    recipient_role = models.CharField(max_length=200)
    recipient_organisation = models.CharField(max_length=300)
    recipient_nation = models.CharField(max_length=20, choices=RecipientNation.choices, default=RecipientNation.UK_WIDE)
    sent_on = models.DateField(null=True, blank=True)
    subject = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    internal_notes = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=LetterStatus.choices, default=LetterStatus.DRAFT, db_index=True)
    is_published = models.BooleanField(default=False, db_index=True)
    reply_working_days = models.PositiveSmallIntegerField(
        default=working_days.DEFAULT_WORKING_DAYS, validators=[MinValueValidator(1), MaxValueValidator(250)]
    )
    # Worked out from the three fields above on every save, so "overdue" is one query.
    reply_due = models.DateField(null=True, blank=True, db_index=True)

    key_issues = models.ManyToManyField(KeyIssue, blank=True, related_name="letters")
    tracker_items = models.ManyToManyField(Item, blank=True, related_name="letters")
    findings = models.ManyToManyField(Finding, blank=True, related_name="letters")
    themes = models.ManyToManyField(Theme, blank=True, related_name="letters")

    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-sent_on", "-id"]

    def __str__(self) -> str:
        return self.subject

    def save(self, *args, **kwargs):
        self.reply_due = self.due_date()
        if "update_fields" in kwargs and kwargs["update_fields"] is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "reply_due"}
        super().save(*args, **kwargs)

    def due_date(self):
        if self.status != LetterStatus.SENT or self.sent_on is None:
            return None
        return working_days.reply_due(self.sent_on, self.recipient_nation, self.reply_working_days)

    @property
    def on_register(self) -> bool:
        """What the public sees: sent and marked for the register."""
        return self.status == LetterStatus.SENT and self.is_published

    @property
    def sender_words(self) -> str:
        if self.sender == Sender.SUBGROUP and self.subgroup:
            return self.subgroup
        return self.get_sender_display()


class Reply(AttachedFile):
    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="replies")
    received_on = models.DateField()
    summary = models.TextField(blank=True)
    is_published = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["received_on", "id"]
        verbose_name_plural = "replies"

    def __str__(self) -> str:
        return f"Reply to {self.letter.subject} ({self.received_on})"

"""Policy Tracker items: the bills, consultations, inquiries, reviews, treaty processes, guidance
and court cases the NPM follows, their dated milestones and the NPM's own action on each.

What the public may see is the published item and its milestones, and the action documents
marked public. The internal notes, the owner and every draft stay with staff (see the leak
tests in tests/tracker)."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils.functional import LazyObject
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    BILL = "bill", _("Bill")
    CONSULTATION = "consultation", _("Consultation")
    INQUIRY = "inquiry", _("Parliamentary inquiry")
    INDEPENDENT_REVIEW = "independent_review", _("Independent review")
    TREATY = "treaty", _("Treaty process")
    GUIDANCE = "guidance", _("Guidance or strategy")
    COURT_CASE = "court_case", _("Court case")


class Treaty(models.TextChoices):
    """Which treaty process, for items of the kind TREATY."""

    NONE = "", _("Not a treaty process")
    UNCAT = "uncat", _("UNCAT periodic review")
    CPT = "cpt", _("CPT visit")
    SPT = "spt", _("SPT")
    ICCPR = "iccpr", _("ICCPR")
    CRC = "crc", _("CRC")


class Jurisdiction(models.TextChoices):
    UK = "uk", _("United Kingdom")
    ENGLAND_AND_WALES = "england_and_wales", _("England and Wales")
    SCOTLAND = "scotland", _("Scotland")
    NORTHERN_IRELAND = "northern_ireland", _("Northern Ireland")
    WALES = "wales", _("Wales")
    INTERNATIONAL = "international", _("International")


class Stage(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    AWAITING_OUTCOME = "awaiting_outcome", _("Awaiting outcome")
    CONCLUDED = "concluded", _("Concluded")


class Action(models.TextChoices):
    NONE = "none", _("None")
    CONSIDERING = "considering", _("Considering")
    DRAFTING = "drafting", _("Drafting")
    SUBMITTED = "submitted", _("Submitted")
    PUBLISHED = "published", _("Published")


# An action is finished once the NPM has sent or published its response.
DONE_ACTIONS = frozenset({Action.SUBMITTED, Action.PUBLISHED})


class MilestoneKind(models.TextChoices):
    OPENS = "opens", _("Opens")
    DEADLINE = "deadline", _("Deadline")
    HEARING = "hearing", _("Hearing")
    OUTCOME_DUE = "outcome_due", _("Outcome due")
    OTHER = "other", _("Other")


class Item(models.Model):
    slug = models.SlugField(max_length=120, unique=True)
    title = models.CharField(max_length=300)
    is_published = models.BooleanField(default=False)
    kind = models.CharField(max_length=30, choices=Kind.choices, default=Kind.CONSULTATION)
    treaty = models.CharField(max_length=10, choices=Treaty.choices, default=Treaty.NONE, blank=True)
    jurisdiction = models.CharField(max_length=30, choices=Jurisdiction.choices, default=Jurisdiction.UK)
    lead = models.CharField("lead organisation", max_length=300, blank=True)
    stage = models.CharField(max_length=30, choices=Stage.choices, default=Stage.OPEN)
    summary = models.TextField(blank=True)
    link = models.URLField(max_length=500, blank=True)
    action = models.CharField(max_length=20, choices=Action.choices, default=Action.NONE)
    # Internal: never on a public page, feed or export.
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="tracker_items")
    notes = models.TextField(blank=True)
    themes = models.ManyToManyField("catalogue.Theme", blank=True, related_name="tracker_items")
    key_issues = models.ManyToManyField("key_issues.KeyIssue", blank=True, related_name="tracker_items")
    findings = models.ManyToManyField("findings.Finding", blank=True, related_name="tracker_items")
    created = models.DateTimeField(auto_now_add=True, null=True)
    updated = models.DateTimeField(auto_now=True, null=True)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    @property
    def action_done(self) -> bool:
        return self.action in DONE_ACTIONS


class Milestone(models.Model):
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="milestones")
    kind = models.CharField(max_length=20, choices=MilestoneKind.choices, default=MilestoneKind.DEADLINE)
    date = models.DateField()
    label = models.CharField(max_length=300, blank=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["date", "id"]

    def __str__(self) -> str:
        return f"{self.item}: {self.get_kind_display()} {self.date:%Y-%m-%d}"

    @property
    def shown_label(self) -> str:
        return self.label or str(self.get_kind_display())


class _DocumentStorage(LazyObject):
    """Action documents are kept beside the report files, read from settings when first used
    (tests point SCRUTINY_FILES_DIR elsewhere)."""

    def _setup(self):
        self._wrapped = FileSystemStorage(location=settings.SCRUTINY_FILES_DIR / "tracker")


document_storage = _DocumentStorage()


def _storage():
    return document_storage


class ActionDocument(models.Model):
    """A document of the NPM's action: a response, a submission, a letter. Public only when
    marked so, and only on a published item."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(max_length=300)
    link = models.URLField(max_length=500, blank=True)
    file = models.FileField(upload_to="documents/%Y/", storage=_storage, blank=True, max_length=300)
    is_public = models.BooleanField(default=False)
    added = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["added", "id"]

    def __str__(self) -> str:
        return self.title


class FeedToken(models.Model):
    """A person's secret link to the private calendar (drafts too). Only its hash is kept, so a
    copy of the database does not give the links away; making a new one revokes the old."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tracker_feed")
    token_hash = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(auto_now_add=True)

"""Deaths in prison custody: one record per death, the wording-to-category mapping the imports
normalise with, the annual releases that make figures public, and average daily populations.

A record names a person who died: surname, forename, date of birth and notes are personal data,
shown only to holders of roles.VIEW_PERSONAL_DEATHS. The public sees counts, never records."""

import re

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Jurisdiction(models.TextChoices):
    SCOTLAND = "scotland", _("Scotland")
    ENGLAND_AND_WALES = "england-and-wales", _("England and Wales")
    NORTHERN_IRELAND = "northern-ireland", _("Northern Ireland")


class Sex(models.TextChoices):
    MALE = "male", _("Male")
    FEMALE = "female", _("Female")
    NOT_RECORDED = "not-recorded", _("Not recorded")


class LegalStatus(models.TextChoices):
    REMAND = "remand", _("Remand")
    CONVICTED = "convicted", _("Convicted")
    OTHER = "other", _("Other")
    NOT_RECORDED = "not-recorded", _("Not recorded")


class CauseCategory(models.TextChoices):
    NATURAL = "natural-causes", _("Natural causes")
    SUICIDE = "self-inflicted", _("Probable suicide / self-inflicted")
    DRUGS = "drug-related", _("Drug-related")
    ACCIDENT = "accident", _("Accident")
    HOMICIDE = "homicide", _("Homicide")
    OTHER_NON_NATURAL = "other-non-natural", _("Other non-natural")
    NOT_YET_DETERMINED = "not-yet-determined", _("Not yet determined")
    NOT_RECORDED = "not-recorded", _("Not recorded")


class InquiryStatus(models.TextChoices):
    """A fatal accident inquiry (Scotland) or an inquest (England, Wales, Northern Ireland)."""

    NOT_STARTED = "not-started", _("Not started")
    ONGOING = "ongoing", _("Ongoing")
    DETERMINED = "determination-issued", _("Determination issued")
    NOT_REQUIRED = "not-required", _("Not required")


def wording_key(wording: str) -> str:
    """The source's wording with its spacing tidied: 'Natural  Causes ' is 'Natural Causes'."""
    return " ".join(wording.split())


class CauseWording(models.Model):
    """How one source words a cause, and the category it counts under. Staff see and edit the
    whole list (/manage/deaths/mapping); an import refuses a wording that is not in it."""

    wording = models.CharField(max_length=200, unique=True)
    category = models.CharField(max_length=30, choices=CauseCategory.choices)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["category", "wording"]

    def __str__(self) -> str:
        return f"{self.wording} → {self.category}"


class AnnualRelease(models.Model):
    """The figures of one annual update. Records count on the public pages once their release is
    published; until then they are visible to staff only."""

    name = models.CharField(max_length=100, unique=True)  # "2024-25 update"
    created = models.DateTimeField(default=timezone.now)
    published = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_published(self) -> bool:
        return self.published is not None


def name_key(name: str) -> str:
    """A name as the natural key compares it: letters only, case folded ('Mc Mullen' and
    'McMullen' are one name)."""
    return re.sub(r"[^\w]|_|\d", "", name.casefold())


def natural_key(jurisdiction: str, surname: str, forename: str, date_of_death) -> str:
    """What makes a death the same death in two files: where, who and when it happened. The
    date of birth is not in it (the England and Wales file has none) and neither is the
    establishment (a later file corrects or renames it: that is the same death, updated)."""
    return "|".join([jurisdiction, name_key(surname), name_key(forename), date_of_death.isoformat()])


class Death(models.Model):
    natural_key = models.CharField(max_length=400, unique=True)
    # Personal data: roles.VIEW_PERSONAL_DEATHS only.
    surname = models.CharField(max_length=200)
    forename = models.CharField(max_length=200, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)

    age = models.PositiveSmallIntegerField(null=True, blank=True)
    sex = models.CharField(max_length=20, choices=Sex.choices, default=Sex.NOT_RECORDED)
    date_of_death = models.DateField(db_index=True)
    # SET_NULL, not CASCADE: merging two places in the register deletes one; signals.py points
    # its deaths at the place that took its names (establishment_in_source keeps the wording).
    establishment = models.ForeignKey(
        "catalogue.Establishment", null=True, blank=True, on_delete=models.SET_NULL, related_name="deaths",
    )
    establishment_in_source = models.CharField(max_length=200)
    jurisdiction = models.CharField(max_length=30, choices=Jurisdiction.choices)
    legal_status = models.CharField(max_length=20, choices=LegalStatus.choices, default=LegalStatus.NOT_RECORDED)
    cause_category = models.CharField(max_length=30, choices=CauseCategory.choices)
    cause_in_source = models.CharField(max_length=200, blank=True)

    inquiry_status = models.CharField(max_length=30, choices=InquiryStatus.choices, default=InquiryStatus.NOT_STARTED)
    inquiry_started = models.DateField(null=True, blank=True)
    determination_issued = models.DateField(null=True, blank=True)
    determination_url = models.URLField(max_length=500, blank=True)
    # The determination as a report, once the FAI determination profile has read it.
    determination_report = models.ForeignKey(
        "reports.Report", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
    )

    release = models.ForeignKey(AnnualRelease, on_delete=models.PROTECT, related_name="deaths")
    is_published = models.BooleanField(default=False, db_index=True)  # its release is published
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date_of_death", "surname"]

    def __str__(self) -> str:
        # Never the name: this text can reach logs and error pages.
        return f"Death {self.pk} on {self.date_of_death.isoformat()}"


class PopulationFigure(models.Model):
    """Average daily population of one establishment, or of a whole jurisdiction (no
    establishment), in one calendar year: the denominator of rates per 1,000."""

    year = models.PositiveSmallIntegerField()
    jurisdiction = models.CharField(max_length=30, choices=Jurisdiction.choices)
    establishment = models.ForeignKey("catalogue.Establishment", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    average_daily_population = models.PositiveIntegerField()

    class Meta:
        ordering = ["jurisdiction", "year"]
        constraints = [
            models.UniqueConstraint(fields=["year", "jurisdiction", "establishment"], name="one_population_figure"),
            models.UniqueConstraint(fields=["year", "jurisdiction"], condition=models.Q(establishment=None), name="one_nation_figure"),
        ]


class ImportRecord(models.Model):
    """Who imported which file when, and what it did (counts only: no names)."""

    at = models.DateTimeField(default=timezone.now)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    file_name = models.CharField(max_length=200)
    release = models.ForeignKey(AnnualRelease, on_delete=models.CASCADE, related_name="imports")
    summary = models.JSONField(default=dict)

    class Meta:
        ordering = ["-at"]

"""The monthly NPM bulletin: one per month, its sections in the order the bulletin has always
had them (see the November 2025 bulletin), each a piece of Markdown and, where it fits, a list
of entries (a report, an event, a resource: title, link, summary, date).

A bulletin is a draft until a person publishes it; only then is it on /bulletin. What goes into
it is chosen by a person: the composer only suggests (scrutiny.bulletin.suggest)."""

from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _


class State(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class SectionKey(models.TextChoices):
    """The sections, in the bulletin's order (the order of this list is the order printed)."""

    WELCOME = "welcome", _("Welcome")
    SUBGROUPS = "subgroups", _("National subgroups")
    EVENTS = "events", _("Events")
    BLOG = "blog", _("Blog")
    DASHBOARD = "dashboard", _("What the dashboard shows this month")
    SPOTLIGHT = "spotlight", _("Spotlight reports from NPM bodies")
    NEWS = "news", _("Latest news from NPM bodies")
    UPCOMING = "upcoming", _("Upcoming events and activities")
    RESOURCES = "resources", _("External resources of interest")


ORDER = [key.value for key in SectionKey]
# Sections whose first draft the composer can write from the dashboard's own data.
SUGGESTED = frozenset({SectionKey.DASHBOARD, SectionKey.SPOTLIGHT, SectionKey.UPCOMING})


class Bulletin(models.Model):
    month = models.DateField(unique=True)  # the first day of the bulletin's month
    title = models.CharField(max_length=200)
    state = models.CharField(max_length=20, choices=State.choices, default=State.DRAFT)
    published_on = models.DateField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-month"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.state == State.PUBLISHED

    @property
    def slug(self) -> str:
        """`2025-11`: the bulletin's address (/bulletin/2025-11)."""
        return f"{self.month:%Y-%m}"

    @staticmethod
    def default_title(month: date) -> str:
        return f"NPM Bulletin – {month:%B %Y}"

    def ordered_sections(self) -> list["Section"]:
        """Every section, in the bulletin's order, made on first use so a new bulletin has them all."""
        have = {s.key: s for s in self.sections.prefetch_related("entries")}
        for key in ORDER:
            if key not in have:
                have[key] = Section.objects.create(bulletin=self, key=key)
        return [have[key] for key in ORDER]


class Section(models.Model):
    bulletin = models.ForeignKey(Bulletin, on_delete=models.CASCADE, related_name="sections")
    key = models.CharField(max_length=20, choices=SectionKey.choices)
    heading = models.CharField(max_length=200, blank=True)  # blank: the section's usual heading
    text = models.TextField(blank=True)  # Markdown

    class Meta:
        constraints = [models.UniqueConstraint(fields=["bulletin", "key"], name="bulletin_section_key")]

    def __str__(self) -> str:
        return self.shown_heading

    @property
    def shown_heading(self) -> str:
        return self.heading or str(SectionKey(self.key).label)

    @property
    def position(self) -> int:
        return ORDER.index(self.key)

    @property
    def is_empty(self) -> bool:
        return not self.text.strip() and not self.entries.exists()

    @property
    def can_suggest(self) -> bool:
        return self.key in SUGGESTED


class Entry(models.Model):
    """One report, event or resource listed in a section."""

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="entries")
    title = models.CharField(max_length=500)
    link = models.URLField(max_length=500, blank=True)
    summary = models.TextField(blank=True)
    date = models.DateField(null=True, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name_plural = "entries"

    def __str__(self) -> str:
        return self.title

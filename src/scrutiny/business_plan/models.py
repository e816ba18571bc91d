"""A business plan: its strategic objectives, the activities of its calendar (appendix 1) with
their key dates, and the communications-plan activities serving each objective.

Months are stored as the first day of the month (a DateField), so they sort and filter in SQL."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from scrutiny.business_plan.checks import ActivityLine
from scrutiny.business_plan.months import Month, span


class Function(models.Model):
    """One of the four functions of an NPM named by the Subcommittee on Prevention of Torture:
    visiting, advisory, educational, cooperative. The plans call the last one "collaborative"
    too; both words find it (see `Function.ALIASES`)."""

    VISITING, ADVISORY, EDUCATIONAL, COOPERATIVE = "visiting", "advisory", "educational", "cooperative"
    ALIASES = {"collaborative": COOPERATIVE, "cooperation": COOPERATIVE, "co-operative": COOPERATIVE}

    slug = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=80)
    description = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def ensure(cls) -> None:
        """The four functions exist (migration 0002 adds them; a test database flushed between
        tests, or a restored older backup, may have lost them)."""
        if cls.objects.count() < 4:
            names = [cls.VISITING, cls.ADVISORY, cls.EDUCATIONAL, cls.COOPERATIVE]
            for position, slug in enumerate(names):
                cls.objects.get_or_create(slug=slug, defaults={"name": slug.capitalize(), "position": position})


class Plan(models.Model):
    title = models.CharField(max_length=200, unique=True)  # "NPM business plan 2026-27"
    slug = models.SlugField(max_length=200, unique=True)
    first_month = models.DateField()  # first day of the plan's first month
    last_month = models.DateField()
    # The monthly totals the plan states (its "monthly workload" row), one per month or null.
    stated_workload = models.JSONField(default=list, blank=True)
    is_published = models.BooleanField(default=True)  # a business plan is a published document
    source_name = models.CharField(max_length=200, blank=True)
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-first_month", "title"]

    def __str__(self) -> str:
        return self.title

    @property
    def months(self) -> list[Month]:
        return span(Month.of(self.first_month), Month.of(self.last_month))


class Objective(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="objectives")
    number = models.PositiveSmallIntegerField()  # 1 for activities 1.1, 1.2, ...
    title = models.CharField(max_length=500, blank=True)
    functions = models.ManyToManyField(Function, blank=True, related_name="objectives")

    class Meta:
        ordering = ["plan", "number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="business_plan_objective_number")]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}" if self.title else str(_("Strategic objective %(number)s") % {"number": self.number})


class Priority(models.TextChoices):
    CORE = "core", _("Core business")
    FUNDING = "funding", _("Dependent on funding")


class Status(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ON_TRACK = "on_track", _("On track")
    AT_RISK = "at_risk", _("At risk")
    DELAYED = "delayed", _("Delayed")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


class Activity(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="activities")
    objective = models.ForeignKey(Objective, on_delete=models.PROTECT, related_name="activities")
    code = models.CharField(max_length=20)  # "2.4"
    title = models.CharField(max_length=300)
    notes = models.TextField(blank=True)  # "Notes/Key dates" as published
    start_month = models.DateField()
    end_month = models.DateField()
    priority = models.CharField(max_length=20, choices=Priority.choices, default=Priority.CORE)
    lead = models.CharField(max_length=120, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PLANNED)
    stated_total = models.PositiveSmallIntegerField(null=True, blank=True)  # the row total as published
    position = models.PositiveIntegerField(default=0)  # order in the calendar

    class Meta:
        ordering = ["plan", "position"]
        verbose_name_plural = "activities"
        constraints = [models.UniqueConstraint(fields=["plan", "code"], name="business_plan_activity_code")]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def line(self) -> ActivityLine:
        return ActivityLine(
            self.code, self.title, self.notes, Month.of(self.start_month), Month.of(self.end_month), self.stated_total,
        )


class Milestone(models.Model):
    """A key date from an activity's notes ("November: Conference"): the month it names, or an
    exact date when someone knows it."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="milestones")
    month = models.DateField()  # first day of the month (of the first month, for a range)
    last_month = models.DateField()  # same as month unless the note names a range
    date = models.DateField(null=True, blank=True)
    label = models.CharField(max_length=500)

    class Meta:
        ordering = ["activity", "month", "id"]

    def __str__(self) -> str:
        return self.label

    @property
    def when(self) -> str:
        first, last = Month.of(self.month), Month.of(self.last_month)
        return first.name if first == last else f"{first.name} – {last.name}"


class CommunicationActivity(models.Model):
    """An activity of the communications plan (YouTube channel, guest blogs, ...), serving one
    strategic objective and some of the four functions."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="communications")
    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="communications")
    title = models.CharField(max_length=300)
    functions = models.ManyToManyField(Function, blank=True, related_name="communications")
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["objective", "position"]
        verbose_name_plural = "communication activities"

    def __str__(self) -> str:
        return self.title

"""Usage counts by ISO week. No row holds anything about a person: no address, no user agent,
no cookie, no account, no full path (a page is its URL pattern's name, so no id or query string).

Search terms are the one thing people type. A term is kept in plain text (SearchTerm) only once
five different searches in a week used it; until then it is a count under a keyed hash
(SearchTally), with a key per week (SearchKey) that is deleted when the week is over, together
with its tallies, so a term that never reached five cannot be recovered afterwards at all."""

from django.db import models


class Kind(models.TextChoices):
    VIEW = "view", "Page view"
    SEARCH = "search", "Search"
    EXPORT = "export", "Export"
    API = "api", "API call"


class UsageCount(models.Model):
    week = models.DateField(help_text="The Monday of the ISO week")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    page = models.CharField(max_length=100, help_text="The URL pattern's name, such as 'findings'")
    format = models.CharField(max_length=10, blank=True, help_text="Exports: csv, json, xlsx, atom…")
    count = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["week", "kind", "page", "format"], name="analytics_one_count_per_key")]
        indexes = [models.Index(fields=["kind", "week"])]

    def __str__(self):
        return f"{self.week} {self.kind} {self.page} {self.format}: {self.count}"


class SearchKey(models.Model):
    """The week's HMAC key, shared by every process through the database."""

    week = models.DateField(unique=True)
    secret = models.CharField(max_length=64)


class SearchTally(models.Model):
    """Searches for a term not (yet) kept, known only by HMAC-SHA256(week's key, term)."""

    week = models.DateField()
    digest = models.CharField(max_length=64)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["week", "digest"], name="analytics_one_tally_per_digest")]


class SearchTerm(models.Model):
    """A term at least five different searches used, in plain text, counted by week."""

    week = models.DateField()
    term = models.CharField(max_length=200)
    count = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["week", "term"], name="analytics_one_count_per_term")]
        indexes = [models.Index(fields=["term"])]

    def __str__(self):
        return f"{self.week} {self.term!r}: {self.count}"

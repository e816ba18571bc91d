"""The taxonomy's own records: a version number that every change to the vocabularies moves on by
one, and the terms retired by a merge, kept whole so that an old slug still says where it went."""

from django.db import models
from django.utils import timezone


class TaxonomyVersion(models.Model):
    """One change to the vocabularies (an edit, a merge, a split, an import) and the version
    number it produced. The audit trail entry holds who, what, before and after."""

    # Counted here, not taken from the id: a sequence skips numbers when a transaction rolls back.
    number = models.PositiveIntegerField(unique=True)
    at = models.DateTimeField(default=timezone.now)
    user_name = models.CharField(max_length=200)
    action = models.CharField(max_length=20)
    summary = models.CharField(max_length=300)
    change = models.OneToOneField("curation.Change", null=True, blank=True, on_delete=models.SET_NULL, related_name="taxonomy_version")

    class Meta:
        ordering = ["-number"]

    def __str__(self) -> str:
        return f"v{self.number}: {self.summary}"


class RetiredTerm(models.Model):
    """A theme, population or setting merged into another: gone from the vocabularies (so no
    facet, tagger or import offers it), but every field of it kept, with where its tags went.
    Its slug is never given to a new term, so an old export or address cannot mean something else."""

    kind = models.CharField(max_length=20)  # themes, populations, settings
    slug = models.SlugField(max_length=60)
    name = models.CharField(max_length=200)
    successor = models.SlugField(max_length=60)
    fields = models.JSONField(default=dict)  # every field as it was when retired
    version = models.ForeignKey(TaxonomyVersion, on_delete=models.PROTECT, related_name="retired")

    class Meta:
        ordering = ["kind", "slug"]
        constraints = [models.UniqueConstraint(fields=["kind", "slug"], name="retired_term_unique")]

    def __str__(self) -> str:
        return f"{self.kind}/{self.slug} → {self.successor}"

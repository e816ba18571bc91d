"""Key Issues: a page per systemic issue the NPM raises, with its analysis, the standards it
engages and its evidence, a saved filter of /findings whose figures are worked out live."""

from django.db import models


class Standard(models.Model):
    """A human-rights standard a key issue engages (OPCAT, ECHR article 3, the Mandela Rules...):
    a small vocabulary, seeded by a data migration and added to by staff in the admin later."""

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=200)
    group = models.CharField(max_length=100)
    link = models.URLField(max_length=500, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class KeyIssue(models.Model):
    slug = models.SlugField(max_length=120, unique=True)
    title = models.CharField(max_length=300)
    is_published = models.BooleanField(default=False)
    summary = models.TextField(blank=True)
    analysis = models.TextField(blank=True, help_text="Markdown")
    standards = models.ManyToManyField(Standard, blank=True, related_name="key_issues")
    # The evidence: the query string of /findings that picks it out ("theme=segregation&setting=yoi").
    evidence_filter = models.CharField(max_length=1000, blank=True)
    updated = models.DateTimeField(auto_now=True, null=True)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

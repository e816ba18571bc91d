"""Reference data held as editable data: nations, settings, the NPM bodies, vocabularies and the
establishment register. Slugs are stable identifiers used in URLs, the API and exports."""

import re

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


class Vocabulary(models.Model):
    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=200)
    name_cy = models.CharField("name in Welsh", max_length=200, blank=True)
    description = models.TextField(blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def shown_name(self) -> str:
        """The name in the reader's language: the Welsh name on Welsh pages when there is one."""
        if self.name_cy and (translation.get_language() or "").startswith("cy"):
            return self.name_cy
        return self.name


class Nation(Vocabulary):
    pass


class Setting(Vocabulary):
    pass


class Population(Vocabulary):
    pass


class Theme(Vocabulary):
    group = models.CharField(max_length=100)
    # Words and phrases that suggest the theme; the keyword tagger reads them (see core.tagging).
    keywords = models.JSONField(default=list, blank=True)
    # Phrases in which a keyword means something else and does not count ("transfer to hospital"
    # is not transport): the rules read like a policy, both halves kept as data.
    exclusions = models.JSONField(default=list, blank=True)


class BodyQuerySet(models.QuerySet):
    def of_the_npm(self):
        """The NPM's own bodies (members, advisory and associate members): "the 21 bodies". A
        source whose reports are read beside theirs (a sheriff's FAI determination) is not one."""
        return self.exclude(membership=Body.Membership.EXTERNAL)


class Body(models.Model):
    class Membership(models.TextChoices):
        MEMBER = "member", _("Member")
        ADVISORY = "advisory", _("Advisory member")
        ASSOCIATE = "associate", _("Associate member")
        # Publishes findings on detention without being designated to the NPM.
        EXTERNAL = "external", _("Not an NPM member (other source)")

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=200)
    short_name = models.CharField(max_length=40)
    nations = models.ManyToManyField(Nation, related_name="bodies")
    settings = models.ManyToManyField(Setting, related_name="bodies", blank=True)
    designated = models.DateField(null=True, blank=True)
    membership = models.CharField(max_length=20, choices=Membership.choices, default=Membership.MEMBER)
    is_coordinator = models.BooleanField(default=False)
    aliases = models.JSONField(default=list, blank=True)

    objects = BodyQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "bodies"

    def __str__(self) -> str:
        return self.name


# Words that name the kind of place rather than the place: dropped from the front of a name.
_KIND_WORDS = frozenset(
    "hmp hmyoi hmp/yoi yoi hm his her majestys prison prisons and young offender offenders institution "
    "irc stc the".split()
)


def establishment_key(name: str) -> str:
    """The part of a place's name that survives renaming: 'HMP & YOI Kelderbrook' and
    'HM Prison Kelderbrook' are both 'kelderbrook'."""
    words = re.sub(r"[’'`]", "", name.lower()).replace("&", " and ")
    tokens = re.findall(r"[a-z0-9/]+", words)
    while len(tokens) > 1 and tokens[0] in _KIND_WORDS:
        tokens.pop(0)
    return " ".join(t.replace("/", " ") for t in tokens).strip()


class Establishment(models.Model):
    slug = models.SlugField(max_length=120, unique=True)
    name = models.CharField(max_length=200)
    setting = models.ForeignKey(Setting, null=True, blank=True, on_delete=models.PROTECT, related_name="establishments")
    nation = models.ForeignKey(Nation, null=True, blank=True, on_delete=models.PROTECT, related_name="establishments")
    operator = models.CharField(max_length=200, blank=True)
    opened = models.DateField(null=True, blank=True)
    closed = models.DateField(null=True, blank=True)
    # Set when a person should confirm a place that ingest added to the register by itself.
    needs_review = models.BooleanField(default=False)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class EstablishmentAlias(models.Model):
    """Every name a place has been published under, including its current one."""

    establishment = models.ForeignKey(Establishment, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200, unique=True)
    key = models.CharField(max_length=200, db_index=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "establishment aliases"

    def __str__(self) -> str:
        return self.name

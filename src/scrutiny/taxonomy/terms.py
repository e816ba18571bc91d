"""The three vocabularies the secretariat edits (themes, populations, settings): their fields,
one set of checks for a term's values that the web form and the import both use, and how many
findings each term labels.

The slug is the stable identifier (addresses, the API, exports, training files): a term keeps
its slug for life. Renaming changes the name only; a slug is replaced by merging the term into a
new one, which retires the old slug with a pointer to its successor."""

import re
from dataclasses import dataclass

from django.db.models import Count

from scrutiny.catalogue.models import Population, Setting, Theme
from scrutiny.findings.models import Finding, PopulationTag, Tag

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
PHRASE_SEPARATOR = "|"  # between phrases in one CSV cell
COMMON_FIELDS = ("slug", "name", "name_cy", "description", "position")
THEME_FIELDS = ("group", "keywords", "exclusions")
LISTS = ("keywords", "exclusions")
LIMITS = {"slug": 60, "name": 200, "name_cy": 200, "description": 2000, "group": 100}
PHRASE_LIMIT = 100


@dataclass(frozen=True)
class Kind:
    slug: str  # as in addresses and exports: "themes"
    model: type
    noun: str  # "theme"
    tag_model: type | None = None  # the labels that carry the term, for themes and populations
    tag_field: str = ""

    @property
    def fields(self) -> tuple[str, ...]:
        return COMMON_FIELDS + (THEME_FIELDS if self.model is Theme else ())

    @property
    def plural(self) -> str:
        return self.slug


KINDS = {
    "themes": Kind("themes", Theme, "theme", Tag, "theme"),
    "populations": Kind("populations", Population, "population", PopulationTag, "population"),
    "settings": Kind("settings", Setting, "setting"),
}


def kind_of(name: str) -> Kind:
    try:
        return KINDS[name]
    except KeyError:
        raise ValueError(f"unknown vocabulary {name!r}: use themes, populations or settings") from None


def snapshot(term) -> dict:
    """Every field of a term, as exports and the history hold it."""
    kind = kind_for_model(type(term))
    return {name: getattr(term, name) for name in kind.fields}


def kind_for_model(model) -> Kind:
    return next(k for k in KINDS.values() if k.model is model)


def tagged_findings(kind: Kind, term_ids) -> set[int]:
    """The ids of the findings that carry any of these terms (tags, or the setting column)."""
    if kind.tag_model is None:
        return set(Finding.objects.filter(setting_id__in=term_ids).values_list("id", flat=True))
    return set(kind.tag_model.objects.filter(**{f"{kind.tag_field}_id__in": term_ids}).values_list("finding_id", flat=True))


def counts(kind: Kind) -> dict[int, int]:
    """term id → how many findings it labels, for the whole vocabulary in one query."""
    if kind.tag_model is None:
        rows = Finding.objects.order_by().filter(setting__isnull=False).values_list("setting_id").annotate(n=Count("id"))
    else:
        rows = kind.tag_model.objects.order_by().values_list(f"{kind.tag_field}_id").annotate(n=Count("id"))
    return dict(rows)


def phrases(value) -> list[str]:
    """A list of phrases from a list, or from text with one phrase a line or '|' between them;
    blanks dropped, repeats dropped, order kept."""
    if isinstance(value, str):
        value = re.split(r"[\r\n|]+", value)
    seen: dict[str, None] = {}
    for phrase in value:
        phrase = " ".join(str(phrase).split())
        if phrase:
            seen.setdefault(phrase, None)
    return list(seen)


def clean_term(kind: Kind, raw: dict, current=None) -> tuple[dict, list[tuple[str, str]]]:
    """Check the values given for a term (new when current is None; only the fields present in
    raw change). Returns the values to store and the problems as (field, message)."""
    values, problems = {}, []
    for name, value in raw.items():
        if name not in kind.fields:
            problems.append((name, f"{kind.plural} have no {name.replace('_', ' ')}"))
            continue
        if name in LISTS:
            if not isinstance(value, (str, list)) or any(not isinstance(p, str) for p in (value if isinstance(value, list) else [])):
                problems.append((name, "must be a list of phrases"))
                continue
            if isinstance(value, list) and any(PHRASE_SEPARATOR in p for p in value):
                problems.append((name, f"a phrase cannot contain “{PHRASE_SEPARATOR}”"))
                continue
            values[name] = phrases(value)
            if any(len(p) > PHRASE_LIMIT for p in values[name]):
                problems.append((name, f"a phrase can be at most {PHRASE_LIMIT} characters"))
        elif name == "position":
            if value in (None, ""):
                continue
            try:
                position = int(value)
            except (TypeError, ValueError):
                problems.append((name, "must be a whole number"))
                continue
            if isinstance(value, bool) or isinstance(value, float) or position < 0:
                problems.append((name, "must be a whole number, 0 or more"))
            values[name] = position
        else:
            if value is None:
                value = ""
            if not isinstance(value, str):
                problems.append((name, "must be text"))
                continue
            value = value.strip() if name == "description" else " ".join(value.split())
            if len(value) > LIMITS[name]:
                problems.append((name, f"can be at most {LIMITS[name]} characters"))
            values[name] = value
    if current is None or "slug" in values:
        problems += _slug_problems(kind, values.get("slug", ""), current)
    for required in ("name", "group") if kind.model is Theme else ("name",):
        if (current is None or required in values) and not values.get(required):
            problems.append((required, f"enter the {kind.noun}’s {required}"))
    return values, problems


def _slug_problems(kind: Kind, slug: str, current) -> list[tuple[str, str]]:
    from scrutiny.taxonomy.models import RetiredTerm

    if current is not None:
        return [] if slug == current.slug else [("slug", "a slug never changes: merge into a new term instead")]
    if not slug:
        return [("slug", f"enter a slug for the {kind.noun}")]
    if not SLUG.fullmatch(slug):
        return [("slug", "use lower-case letters, digits and single hyphens only, like “use-of-force”")]
    if len(slug) > LIMITS["slug"]:
        return [("slug", f"can be at most {LIMITS['slug']} characters")]
    if slug == "new":
        return [("slug", "“new” is kept for the address of the form that adds a term")]
    if kind.model.objects.filter(slug=slug).exists():
        return [("slug", f"a {kind.noun} with the slug “{slug}” exists already")]
    retired = RetiredTerm.objects.filter(kind=kind.slug, slug=slug).first()
    if retired is not None:
        return [("slug", f"“{slug}” was retired (merged into “{retired.successor}”) and is not used again")]
    return []

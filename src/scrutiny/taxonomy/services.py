"""Changing the vocabularies: add, edit (rename), merge and split, each in one transaction that
moves the taxonomy on one version and leaves one entry in the audit trail.

Merging and splitting move labels, never drop them: each checks, before it commits, that the
findings labelled before are exactly the findings labelled after, and undoes itself otherwise."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Max

from scrutiny.accounts.services import display_name
from scrutiny.catalogue.models import Population, Theme
from scrutiny.core.tagging import KeywordTagger, Vocabulary
from scrutiny.curation.models import Action
from scrutiny.curation.services import record
from scrutiny.findings.models import Tag, TagOrigin
from scrutiny.taxonomy.models import RetiredTerm, TaxonomyVersion
from scrutiny.taxonomy.terms import Kind, clean_term, kind_of, phrases, snapshot, tagged_findings


class TermProblems(ValueError):
    """The values given for a term have problems; nothing was stored."""

    def __init__(self, problems: list[tuple[str, str]]):
        super().__init__("; ".join(f"{field}: {message}" for field, message in problems))
        self.problems = problems


class LostLabels(RuntimeError):
    """A merge or split would have changed which findings are labelled: refused, rolled back."""


class SplitChanged(ValueError):
    """The findings moved on between the preview and the confirmation."""


def current_version() -> int:
    return TaxonomyVersion.objects.aggregate(n=Max("number"))["n"] or 0


def versioned(user, action: str, subject, description: str, before: dict, after: dict) -> TaxonomyVersion:
    """One new taxonomy version and its audit trail entry (call inside the change's transaction)."""
    previous = current_version()
    version = TaxonomyVersion.objects.create(
        number=previous + 1, user_name=display_name(user), action=action, summary=description[:300]
    )
    version.change = record(
        user, action, subject if subject is not None else version, f"{description} (taxonomy version {version.number})",
        before={**before, "taxonomy version": previous}, after={**after, "taxonomy version": version.number},
    )
    version.save(update_fields=["change"])
    return version


def get_term(kind: Kind, slug: str, lock: bool = False):
    terms = kind.model.objects.select_for_update() if lock else kind.model.objects
    term = terms.filter(slug=slug).first()
    if term is None:
        raise ValueError(f"there is no {kind.noun} “{slug}”")
    return term


# --- add and edit ----------------------------------------------------------------------------

@transaction.atomic
def save_term(user, kind_name: str, values: dict, slug: str | None = None) -> TaxonomyVersion | None:
    """Add a term (slug None) or change one; None when nothing changed. Changing only the name
    (or the Welsh name) is recorded as a rename."""
    kind = kind_of(kind_name)
    current = get_term(kind, slug, lock=True) if slug else None
    cleaned, problems = clean_term(kind, values, current)
    if problems:
        raise TermProblems(problems)
    if current is None:
        cleaned.setdefault("position", (kind.model.objects.aggregate(n=Max("position"))["n"] or 0) + 1)
        term = kind.model.objects.create(**cleaned)
        return versioned(user, Action.CREATED, term, f"Added the {kind.noun} “{term.name}” ({term.slug})", {}, snapshot(term))
    before = {k: getattr(current, k) for k, v in cleaned.items() if getattr(current, k) != v}
    if not before:
        return None
    for name in before:
        setattr(current, name, cleaned[name])
    current.save()
    after = {k: cleaned[k] for k in before}
    renamed = set(before) <= {"name", "name_cy"}
    verb = f"Renamed the {kind.noun} “{before.get('name', current.name)}” to “{current.name}”" if renamed else f"Edited the {kind.noun} “{current.name}”"
    return versioned(user, Action.RENAMED if renamed else Action.EDITED, current, f"{verb} ({current.slug})", before, after)


# --- merge -----------------------------------------------------------------------------------

STRENGTH = {TagOrigin.RULE: 0, TagOrigin.MODEL: 1, TagOrigin.PERSON: 2}


def _stronger(a, b) -> bool:
    """Is label a worth more than label b: a person's over a model's over a rule's, then the surer."""
    return (STRENGTH.get(a.origin, 0), a.confidence) > (STRENGTH.get(b.origin, 0), b.confidence)


@transaction.atomic
def merge(user, kind_name: str, source_slug: str, target_slug: str) -> TaxonomyVersion:
    """Every finding labelled source ends labelled target (one label where it had both: the
    stronger); every other record that pointed at source points at target; source is retired,
    kept whole in RetiredTerm. Its keywords and exclusions join target's, so the rules keep
    finding what they found."""
    kind = kind_of(kind_name)
    if source_slug == target_slug:
        raise ValueError(f"choose another {kind.noun} to merge into")
    source, target = get_term(kind, source_slug, lock=True), get_term(kind, target_slug, lock=True)
    labelled = {source.slug: tagged_findings(kind, [source.id]), target.slug: tagged_findings(kind, [target.id])}
    union = labelled[source.slug] | labelled[target.slug]
    if kind.tag_model is not None:
        _merge_labels(kind, source, target)
    _repoint(kind, source, target)
    before_target = snapshot(target)
    _absorb_phrases(source, target)
    grown = _changed(before_target, snapshot(target))
    after = tagged_findings(kind, [target.id])
    if after != union:
        raise LostLabels(f"merging would have labelled {len(after)} findings instead of {len(union)}")
    version = versioned(
        user, Action.MERGED, target, f"Merged the {kind.noun} “{source.name}” ({source.slug}) into “{target.name}” ({target.slug})",
        before={kind.plural: f"{source.slug}, {target.slug}", "findings labelled": len(union),
                f"labelled {source.slug}": len(labelled[source.slug]), f"labelled {target.slug}": len(labelled[target.slug]),
                **{k: before_target[k] for k in grown}},
        after={kind.plural: target.slug, "findings labelled": len(after), f"labelled {source.slug}": 0,
               f"labelled {target.slug}": len(after), **grown},
    )
    RetiredTerm.objects.create(kind=kind.slug, slug=source.slug, name=source.name, successor=target.slug,
                               fields=snapshot(source), version=version)
    # A term retired into the source earlier now leads straight to the target.
    RetiredTerm.objects.filter(kind=kind.slug, successor=source.slug).update(successor=target.slug)
    source.delete()
    return version


def _merge_labels(kind: Kind, source, target) -> None:
    labels = kind.tag_model.objects
    on_target = {label.finding_id: label for label in labels.filter(**{kind.tag_field: target})}
    labels.filter(**{kind.tag_field: source}).exclude(finding_id__in=list(on_target)).update(**{kind.tag_field: target})
    for label in labels.filter(**{kind.tag_field: source}):  # findings that had both: keep the stronger row
        kept = on_target[label.finding_id]
        if _stronger(label, kept):
            kept.delete()
            setattr(label, kind.tag_field, target)
            label.save(update_fields=[kind.tag_field])
        else:
            label.delete()


def _repoint(kind: Kind, source, target) -> None:
    """Every other record that refers to source now refers to target: findings', reports' and
    establishments' setting, bodies' settings, and whatever later features point at a term. A
    row that would then repeat one already on the target (a unique constraint) is dropped."""
    for relation in kind.model._meta.related_objects:
        related = relation.related_model
        if related is kind.tag_model:
            continue
        if relation.many_to_many:
            if not relation.through._meta.auto_created:
                continue  # a through model (the tags) has its own foreign key, met on its own
            name = relation.field.name
            for owner in related._base_manager.filter(**{name: source}):
                getattr(owner, name).add(target)
                getattr(owner, name).remove(source)
            continue
        name = relation.field.name
        rows = related._base_manager.filter(**{name: source})
        try:
            with transaction.atomic():
                rows.update(**{name: target})
        except IntegrityError:
            for row in rows:
                try:
                    with transaction.atomic():
                        related._base_manager.filter(pk=row.pk).update(**{name: target})
                except IntegrityError:
                    row.delete()


def _absorb_phrases(source, target) -> None:
    if isinstance(target, Theme):
        target.keywords = phrases([*target.keywords, *source.keywords])
        target.exclusions = phrases([*target.exclusions, *source.exclusions])
    elif isinstance(target, Population):
        # A population's keywords are its description, comma separated (see ingest).
        words = [w.strip() for w in f"{target.description},{source.description}".split(",") if w.strip()]
        target.description = ", ".join(dict.fromkeys(words))
    target.save()


def _changed(before: dict, after: dict) -> dict:
    return {k: v for k, v in after.items() if before.get(k) != v}


# --- split (themes) --------------------------------------------------------------------------

@dataclass(frozen=True)
class SplitPlan:
    """Where each finding tagged with the theme goes: stays, moves to the new theme, or both."""

    stay: tuple[int, ...]
    move: tuple[int, ...]
    both: tuple[int, ...]
    evidence: dict  # finding id → the new theme's words found in it

    @property
    def counts(self) -> tuple[int, int, int]:
        return len(self.stay), len(self.move), len(self.both)


def plan_split(source_slug: str, new: dict, source_keywords=None) -> SplitPlan:
    """Read each finding tagged with source for the new theme's phrases and source's own (its
    keywords after the split, when given): the new theme's alone → moves; both → keeps both
    tags; the new theme's not found → stays."""
    source = get_term(kind_of("themes"), source_slug)
    kept = phrases(source_keywords) if source_keywords is not None else source.keywords
    marker = "\x00new"  # cannot clash with a slug
    tagger = KeywordTagger([
        Vocabulary(source.slug, tuple(kept), tuple(source.exclusions)),
        Vocabulary(marker, tuple(phrases(new.get("keywords", []))), tuple(phrases(new.get("exclusions", [])))),
    ], limit=2)
    stay, move, both, evidence = [], [], [], {}
    tagged = Tag.objects.filter(theme=source).select_related("finding").only("finding__id", "finding__text").order_by("finding_id")
    for tag in tagged.iterator(chunk_size=2000):
        found = {s.slug: s for s in tagger.suggest(tag.finding.text)}
        if marker not in found:
            stay.append(tag.finding_id)
            continue
        evidence[tag.finding_id] = ", ".join(found[marker].evidence)
        (both if source.slug in found else move).append(tag.finding_id)
    return SplitPlan(tuple(stay), tuple(move), tuple(both), evidence)


def new_theme_values(source, new: dict) -> dict:
    """The new theme of a split, checked (TermProblems); its group is source's unless given."""
    values, problems = clean_term(kind_of("themes"), {**new, "group": new.get("group") or source.group})
    if not values.get("keywords"):
        problems.append(("keywords", "give the new theme at least one phrase: it decides which findings move"))
    if problems:
        raise TermProblems(problems)
    return values


@transaction.atomic
def split(user, source_slug: str, new: dict, source_keywords=None, expected: tuple | None = None) -> TaxonomyVersion:
    """Make the new theme and move source's findings to it as plan_split says: a moved tag keeps
    its origin and confidence, with the new theme's words as its evidence. expected: the counts
    the person saw in the preview; refused if the findings have moved on since."""
    themes = kind_of("themes")
    source = get_term(themes, source_slug, lock=True)
    values = new_theme_values(source, new)
    plan = plan_split(source.slug, values, source_keywords)
    if expected is not None and tuple(expected) != plan.counts:
        raise SplitChanged("the findings tagged with this theme changed since the preview: check the new figures")
    before_findings = tagged_findings(themes, [source.id])
    before_source = snapshot(source)
    values.setdefault("position", source.position)
    created = Theme.objects.create(**values)
    Tag.objects.filter(theme=source, finding_id__in=plan.move).update(theme=created)
    for finding_id in plan.move:  # the words that now justify each moved tag
        Tag.objects.filter(theme=created, finding_id=finding_id).update(evidence=plan.evidence[finding_id][:300])
    Tag.objects.bulk_create([
        Tag(finding_id=tag.finding_id, theme=created, origin=tag.origin, confidence=tag.confidence,
            evidence=plan.evidence[tag.finding_id][:300])
        for tag in Tag.objects.filter(theme=source, finding_id__in=plan.both)
    ])
    if source_keywords is not None:
        source.keywords = phrases(source_keywords)
        source.save(update_fields=["keywords"])
    after = tagged_findings(themes, [source.id, created.id])
    if after != before_findings:
        raise LostLabels(f"splitting would have tagged {len(after)} findings instead of {len(before_findings)}")
    stay, move, both = plan.counts
    return versioned(
        user, Action.SPLIT, source, f"Split the theme “{source.name}” ({source.slug}): “{created.name}” ({created.slug}) made from it",
        before={"themes": source.slug, "findings tagged": len(before_findings), f"tagged {source.slug}": len(before_findings),
                **({"keywords": before_source["keywords"]} if source_keywords is not None and before_source["keywords"] != source.keywords else {})},
        after={"themes": f"{source.slug}, {created.slug}", "findings tagged": len(after), f"tagged {source.slug}": stay + both,
               f"tagged {created.slug}": move + both, "moved": move, "tagged with both": both, "new theme": snapshot(created),
               **({"keywords": source.keywords} if source_keywords is not None and before_source["keywords"] != source.keywords else {})},
    )

"""Deciding about a finding's themes: accept or reject a suggestion, confirm or remove a tag the
rules or the model made, add a theme nobody suggested. Each decision is kept (who, when, the
machine's confidence at the time) and written to the audit trail.

Decisions are safe to repeat and to race: the suggestion or tag is claimed by deleting or
updating it in one statement, so of two people deciding the same thing at once, the second is
told who decided first (AlreadyDecided) and nothing else happens."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.http import Http404
from django.utils import timezone, translation

from scrutiny.accounts import access, roles
from scrutiny.accounts.services import display_name
from scrutiny.catalogue.models import Theme
from scrutiny.curation.models import Action
from scrutiny.curation.services import record
from scrutiny.findings.models import Finding, Tag, TagOrigin
from scrutiny.review.models import Decision, Suggestion, Verdict

PERMISSION = roles.EDIT_VOCABULARIES  # secretariat editors review tags, for every body

# What a person can do, by what they decide on: a suggestion or a tag.
VERBS = {"accept", "reject", "confirm", "remove", "add"}


class AlreadyDecided(Exception):
    """The suggestion or tag was decided (by someone else, or in another tab) since the page
    was drawn. `decision` is the latest decision on that finding's theme, if any."""

    def __init__(self, finding: Finding, theme: Theme, decision: Decision | None, message: str):
        super().__init__(message)
        self.finding, self.theme, self.decision = finding, theme, decision


@dataclass(frozen=True)
class Done:
    finding: Finding
    theme: Theme
    decision: Decision


def suggestions_for(user):
    """Pending suggestions on findings of the bodies this person reviews for."""
    scope = access.bodies_for(user, PERMISSION)
    pending = Suggestion.objects.all()
    return pending if scope is access.ALL_BODIES else pending.filter(finding__body_id__in=scope)


def queue_size(user) -> int | None:
    """How many suggestions wait for this person; None for someone who does not review."""
    return suggestions_for(user).count() if access.can(user, PERMISSION) else None


def themes_waiting(user) -> list[tuple[Theme, int]]:
    """Themes with suggestions waiting, most first, with their counts."""
    counts = dict(suggestions_for(user).order_by().values_list("theme").annotate(n=Count("id")))
    themes = Theme.objects.filter(pk__in=counts)
    return sorted(((t, counts[t.pk]) for t in themes), key=lambda item: (-item[1], item[0].name))


def finding_for(user, finding_id: int) -> Finding:
    finding = Finding.objects.select_related("report", "body").filter(pk=finding_id).first()
    if finding is None or not access.can(user, PERMISSION, finding.body_id):
        raise Http404("No such finding")
    return finding


def _latest(finding, theme) -> Decision | None:
    return Decision.objects.filter(finding=finding, theme=theme).select_related("user").first()


def _stale(finding, theme, what: str) -> AlreadyDecided:
    latest = _latest(finding, theme)
    if latest is None:
        return AlreadyDecided(finding, theme, None, f"“{theme.name}” on this finding {what}; nothing was changed.")
    at = timezone.localtime(latest.at)
    when = f"{at.day} {at:%B %Y} at {at:%H:%M}"
    return AlreadyDecided(
        finding, theme, latest,
        f"“{theme.name}” was already {latest.get_decision_display().lower()} by {latest.user_name} on {when}; nothing was changed.",
    )


@transaction.atomic
def decide(user, finding_id: int, theme_id: int, verb: str) -> Done:
    """Carry out one decision. Raises Http404 for a finding the person may not review,
    ValueError for an unknown verb or theme, AlreadyDecided when the form was stale."""
    if not access.can(user, PERMISSION):
        raise PermissionDenied
    if verb not in VERBS:
        raise ValueError(f"unknown decision {verb!r}")
    finding = finding_for(user, finding_id)
    theme = Theme.objects.filter(pk=theme_id).first()
    if theme is None:
        raise ValueError("no such theme")
    if verb in ("accept", "reject", "add"):
        return _on_suggestion(user, finding, theme, verb)
    return _on_tag(user, finding, theme, verb)


def _on_suggestion(user, finding, theme, verb) -> Done:
    suggestion = Suggestion.objects.filter(finding=finding, theme=theme).first()
    if verb == "add" and Tag.objects.filter(finding=finding, theme=theme).exists():
        raise _stale(finding, theme, "is already tagged")
    # Claimed by deleting it: of two people at once, one deletes it and the other finds none.
    claimed = suggestion is not None and Suggestion.objects.filter(pk=suggestion.pk).delete()[0] == 1
    if verb != "add" and not claimed:
        raise _stale(finding, theme, "is no longer waiting for review")
    confidence = suggestion.confidence if claimed else None
    if verb == "reject":
        decision = _decided(user, finding, theme, Verdict.REJECTED, "suggestion", confidence)
        record(user, Action.REJECTED, finding, f"Rejected the suggested theme “{theme.name}” ({_percent(confidence)}) of {finding}")
        return Done(finding, theme, decision)
    Tag.objects.update_or_create(finding=finding, theme=theme, defaults={
        "origin": TagOrigin.PERSON, "confidence": 1.0, "evidence": suggestion.evidence if claimed else "",
    })
    verdict = Verdict.ACCEPTED if verb == "accept" else Verdict.ADDED
    decision = _decided(user, finding, theme, verdict, "suggestion" if claimed else "", confidence)
    what = f"Accepted the suggested theme “{theme.name}” ({_percent(confidence)})" if verb == "accept" else f"Added the theme “{theme.name}”"
    record(user, Action.CONFIRMED, finding, f"{what} to {finding}")
    return Done(finding, theme, decision)


def _on_tag(user, finding, theme, verb) -> Done:
    tag = Tag.objects.filter(finding=finding, theme=theme).first()
    if tag is None:
        raise _stale(finding, theme, "is no longer tagged")
    if verb == "confirm":
        # Claimed by the update: only a machine's tag becomes a person's.
        if Tag.objects.filter(pk=tag.pk).exclude(origin=TagOrigin.PERSON).update(origin=TagOrigin.PERSON, confidence=1.0) == 0:
            raise _stale(finding, theme, "is already confirmed")
        decision = _decided(user, finding, theme, Verdict.ACCEPTED, tag.origin, tag.confidence)
        with translation.override(None):  # the audit trail is written in English, whatever page the person used
            record(user, Action.CONFIRMED, finding, f"Confirmed the {tag.get_origin_display().lower()} tag “{theme.name}” of {finding}")
        return Done(finding, theme, decision)
    if Tag.objects.filter(pk=tag.pk).delete()[0] == 0:
        raise _stale(finding, theme, "is no longer tagged")
    decision = _decided(user, finding, theme, Verdict.REJECTED, tag.origin, tag.confidence)
    with translation.override(None):
        record(user, Action.REJECTED, finding, f"Removed the {tag.get_origin_display().lower()} tag “{theme.name}” from {finding}")
    return Done(finding, theme, decision)


def _decided(user, finding, theme, verdict, on, confidence) -> Decision:
    return Decision.objects.create(
        finding=finding, theme=theme, decision=verdict, on=on, confidence=confidence,
        user=user, user_name=display_name(user),
    )


def _percent(confidence) -> str:
    return f"{round(confidence * 100)}% confident" if confidence is not None else "no confidence recorded"


def decide_many(user, pairs: list[tuple[int, int]], verb: str) -> tuple[list[Done], list[AlreadyDecided]]:
    """The same decision on several finding-theme pairs, each in its own transaction, so a
    stale one is reported and the others still go through."""
    done, stale = [], []
    for finding_id, theme_id in pairs:
        try:
            done.append(decide(user, finding_id, theme_id, verb))
        except AlreadyDecided as error:
            stale.append(error)
    return done, stale


def review_of(user, finding: Finding) -> dict:
    """Everything about one finding's themes: its tags, its suggestions, the decisions made,
    and the themes it could be given."""
    tags = list(finding.tags.select_related("theme").order_by("theme__name"))
    suggestions = list(finding.suggestions.select_related("theme").order_by("-confidence"))
    taken = {t.theme_id for t in tags} | {s.theme_id for s in suggestions}
    return {
        "tags": tags,
        "suggestions": suggestions,
        "decisions": list(finding.tag_decisions.select_related("theme")[:50]),
        "addable": list(Theme.objects.exclude(pk__in=taken).order_by("name")),
    }

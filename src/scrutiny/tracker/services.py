"""The Policy Tracker's work: what the public may see, the staff list's filters, the horizon of
deadlines and overdue actions, publishing, milestones and the private calendar links."""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404
from django.utils.translation import gettext_noop

from scrutiny.accounts import access, roles
from scrutiny.tracker.models import DONE_ACTIONS, Action, FeedToken, Item, Jurisdiction, Kind, Milestone, MilestoneKind, Stage

HORIZONS = (30, 60, 90)  # days ahead the horizon view groups deadlines by
FILTERS = {"kind": Kind, "jurisdiction": Jurisdiction, "stage": Stage}
STAFF_FILTERS = {**FILTERS, "action": Action}


def public_items() -> QuerySet:
    return Item.objects.filter(is_published=True)


def public_item(slug: str) -> Item:
    item = public_items().filter(slug=slug).prefetch_related("milestones", "themes").first()
    if item is None:
        raise Http404("No such item")
    return item


def staff_item(item_id: int) -> Item:
    item = Item.objects.filter(pk=item_id).select_related("owner").first()
    if item is None:
        raise Http404("No such item")
    return item


def public_documents(item: Item) -> QuerySet:
    return item.documents.filter(is_public=True) if item.is_published else item.documents.none()


@dataclass(frozen=True)
class Choice:
    name: str
    value: str
    label: str
    selected: bool


def chosen(params, filters: dict) -> dict[str, list[str]]:
    """The filters of a list's address, unknown values dropped (addresses get bookmarked)."""
    picked = {}
    for name, choices in filters.items():
        values = [v for v in params.getlist(name) if v in choices.values] if hasattr(params, "getlist") else []
        if values:
            picked[name] = values
    return picked


def filtered(items: QuerySet, picked: dict[str, list[str]]) -> QuerySet:
    for name, values in picked.items():
        items = items.filter(**{f"{name}__in": values})
    return items


def filter_options(filters: dict, picked: dict) -> list[tuple[str, str, list[Choice]]]:
    # English here, translated where the page shows them.
    titles = {"kind": gettext_noop("Kind"), "jurisdiction": gettext_noop("Jurisdiction"), "stage": gettext_noop("Stage"),
              "action": gettext_noop("NPM action")}
    return [
        (name, titles[name], [Choice(name, value, str(label), value in picked.get(name, [])) for value, label in choices.choices])
        for name, choices in filters.items()
    ]


# -- the horizon --------------------------------------------------------------------------------


@dataclass
class Horizon:
    today: date
    windows: list[tuple[int, list[Milestone]]]  # (days ahead, deadlines up to then and after the window before)
    overdue: list[Item]


def horizon(today: date | None = None) -> Horizon:
    """Deadlines in the next 30, 60 and 90 days (each window after the one before it), and the
    overdue actions: items whose deadline has passed while the NPM's action is not yet sent."""
    today = today or date.today()
    deadlines = Milestone.objects.filter(kind=MilestoneKind.DEADLINE).select_related("item", "item__owner")
    windows, start = [], today
    for days in HORIZONS:
        end = today + timedelta(days=days)
        windows.append((days, list(deadlines.filter(date__gte=start, date__lte=end))))
        start = end + timedelta(days=1)
    return Horizon(today, windows, list(overdue_items(today)))


def overdue_items(today: date) -> QuerySet:
    passed = Milestone.objects.filter(item=OuterRef("pk"), kind=MilestoneKind.DEADLINE, date__lt=today)
    return Item.objects.filter(Exists(passed)).exclude(action__in=DONE_ACTIONS).select_related("owner").order_by("title")


def last_deadline(item: Item) -> date | None:
    return item.milestones.filter(kind=MilestoneKind.DEADLINE).order_by("-date").values_list("date", flat=True).first()


# -- changes ------------------------------------------------------------------------------------


def set_published(item: Item, published: bool) -> Item:
    item.is_published = published
    item.save(update_fields=["is_published", "updated"])
    return item


def add_milestone(item: Item, kind: str, when: date, label: str) -> Milestone:
    return Milestone.objects.create(item=item, kind=kind, date=when, label=label.strip())


def remove_milestone(item: Item, milestone_id: int) -> None:
    deleted, _ = item.milestones.filter(pk=milestone_id).delete()
    if not deleted:
        raise Http404("No such milestone")


# -- private calendar links ---------------------------------------------------------------------


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def new_feed_token(user) -> str:
    """A new secret link for this person; the old one stops working at once. The token itself
    is shown once and never stored."""
    token = secrets.token_urlsafe(32)
    FeedToken.objects.update_or_create(user=user, defaults={"token_hash": token_hash(token)})
    return token


def feed_owner(token: str):
    """The active person this token belongs to, or None (a revoked, guessed or closed one)."""
    if not token or len(token) > 100:
        return None
    found = FeedToken.objects.filter(token_hash=token_hash(token)).select_related("user").first()
    # A person who has since lost the permission (or the account) loses the feed with it.
    if found is None or not found.user.is_active or not access.can(found.user, roles.EDIT_TRACKER):
        return None
    return found.user

"""The composer's work: find a bulletin by its month, start one, save a section, publish.
What the public may see is a published bulletin; anything else answers as an address that never
existed."""

import re
from datetime import date

from django.db import transaction
from django.http import Http404

from scrutiny.bulletin.models import Bulletin, Entry, Section, SectionKey, State

NOT_FOUND = "No such page"
_MONTH = re.compile(r"^(\d{4})-(\d{2})$", re.ASCII)


class BadMonth(ValueError):
    pass


def month_of(text: str) -> date:
    """`2025-11` as the first day of that month; BadMonth says how to write it."""
    match = _MONTH.match((text or "").strip())
    if not match or not 1 <= int(match[2]) <= 12 or not 1990 <= int(match[1]) <= 2100:
        raise BadMonth(f"“{(text or '').strip()[:20]}” is not a month: write it like 2025-11")
    return date(int(match[1]), int(match[2]), 1)


def public_bulletins():
    return Bulletin.objects.filter(state=State.PUBLISHED).order_by("-month")


def public_bulletin(slug: str) -> Bulletin:
    try:
        month = month_of(slug)
    except BadMonth:
        raise Http404(NOT_FOUND) from None
    found = public_bulletins().filter(month=month).first()
    if found is None:
        raise Http404(NOT_FOUND)
    return found


def staff_bulletin(slug: str) -> Bulletin:
    try:
        month = month_of(slug)
    except BadMonth:
        raise Http404(NOT_FOUND) from None
    found = Bulletin.objects.filter(month=month).first()
    if found is None:
        raise Http404(NOT_FOUND)
    return found


def section_of(bulletin: Bulletin, key: str) -> Section:
    if key not in SectionKey.values:
        raise Http404(NOT_FOUND)
    return next(s for s in bulletin.ordered_sections() if s.key == key)


def start(month: date, title: str = "") -> Bulletin:
    bulletin, _ = Bulletin.objects.get_or_create(month=month, defaults={"title": title or Bulletin.default_title(month)})
    bulletin.ordered_sections()
    return bulletin


@transaction.atomic
def save_section(section: Section, heading: str, text: str, entries: list[dict]) -> Section:
    """The section as the person left it: its entries replaced whole, in the order given."""
    section.heading = heading.strip()
    section.text = text.strip()
    section.save()
    section.entries.all().delete()
    Entry.objects.bulk_create([
        Entry(section=section, position=i, title=e["title"].strip(), link=e.get("link") or "",
              summary=(e.get("summary") or "").strip(), date=e.get("date"))
        for i, e in enumerate(entries)
    ])
    return section


def set_published(bulletin: Bulletin, published: bool, today: date) -> Bulletin:
    bulletin.state = State.PUBLISHED if published else State.DRAFT
    if published and not bulletin.published_on:
        bulletin.published_on = today
    bulletin.save(update_fields=["state", "published_on", "updated"])
    return bulletin

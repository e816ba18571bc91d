"""The tracker's milestones as an iCalendar feed (RFC 5545), for Outlook, Google or Apple
calendars to subscribe to. `/tracker.ics` is a stable interface: published items only.

Each milestone is an all-day event whose UID is built from the milestone's id, so a calendar that
reads the feed again updates the event rather than adding a second one. DTSTAMP is the time the
milestone or its item last changed, not the time of the request: the same data gives the same
file (and the leak tests can compare two answers)."""

from datetime import datetime, timedelta, timezone as dt_timezone

from django.http import HttpResponse
from icalendar import Calendar, Event

from scrutiny.tracker.models import Milestone

PRODID = "-//UK National Preventive Mechanism//Scrutiny Policy Tracker//EN"
UID_DOMAIN = "tracker.scrutiny.npm"
CONTENT_TYPE = "text/calendar; charset=utf-8"
EPOCH = datetime(2020, 1, 1, tzinfo=dt_timezone.utc)


def calendar(milestones, address_of, name: str, private: bool = False) -> bytes:
    """`address_of(item)` gives an item's absolute address (public page or staff page)."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    for milestone in milestones:
        cal.add_component(event(milestone, address_of(milestone.item), private))
    return cal.to_ical()


def event(milestone: Milestone, address: str, private: bool) -> Event:
    item = milestone.item
    one = Event()
    one.add("uid", f"milestone-{milestone.pk}@{UID_DOMAIN}")
    changed = max(t for t in (milestone.updated, item.updated, EPOCH) if t is not None)
    one.add("dtstamp", changed.astimezone(dt_timezone.utc))
    one.add("dtstart", milestone.date)  # a date: an all-day event
    one.add("dtend", milestone.date + timedelta(days=1))
    one.add("summary", f"{milestone.shown_label}: {item.title}")
    one.add("url", address)
    lines = [f"{item.get_kind_display()} ({item.get_jurisdiction_display()})"]
    if item.lead:
        lines.append(f"Lead: {item.lead}")
    lines.append(f"Stage: {item.get_stage_display()}")
    if item.summary:
        lines += ["", item.summary]
    if private:  # the staff feed says where the NPM stands; the public one never does
        lines += ["", f"NPM action: {item.get_action_display()}"]
        if not item.is_published:
            lines.append("Draft: not public")
    lines += ["", address]
    one.add("description", "\n".join(lines))
    one.add("categories", [str(milestone.get_kind_display())])
    one.add("transp", "TRANSPARENT")  # a deadline does not make anybody busy
    return one


def response(body: bytes, filename: str) -> HttpResponse:
    answer = HttpResponse(body, content_type=CONTENT_TYPE)
    answer["Content-Disposition"] = f'inline; filename="{filename}"'
    return answer

"""`/findings.atom?<filters>`: the newest published findings of any filtered list, so that a
reader can be told when a new finding on segregation in YOIs is published.

Each entry's id is a tag: URI made from a fixed authority and the finding's id, not from the
host the feed was asked on, so a feed reader sees the same entry as the same entry wherever the
dashboard is served from (RFC 4151)."""

from datetime import date, datetime, time, timezone

from django.conf import settings
from django.db.models import Max
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from scrutiny.api.exports import LICENCE, LICENCE_URL, PUBLISHER, describe
from scrutiny.findings.query import parse, public_findings, with_context

ENTRIES = 50
# The authority of the tag: URIs (RFC 4151): a domain the NPM held on that date.
TAG_AUTHORITY = "nationalpreventivemechanism.org.uk,2025"


def tag_uri(finding_id: int) -> str:
    authority = getattr(settings, "SCRUTINY_FEED_TAG_AUTHORITY", TAG_AUTHORITY)
    return f"tag:{authority}:finding/{finding_id}"


def newest(query, limit: int = ENTRIES) -> list:
    """The newest published matches. Without a search the query's own order is newest first; a
    search orders by relevance, so its matches are put in date order here."""
    if query.q:
        found = query.findings().order_by("-report__published", "-report_id", "position")[:limit]
        ids = list(found.values_list("id", flat=True))
    else:
        ids = query.ids(0, limit)
    by_id = {f.id: f for f in with_context(public_findings().filter(id__in=ids))}
    return [by_id[i] for i in ids if i in by_id]


class FindingsFeed(Atom1Feed):
    def __init__(self, *args, empty_updated: datetime, **kwargs):
        super().__init__(*args, **kwargs)
        self.empty_updated = empty_updated

    def latest_post_date(self):
        # With no entries Django would say "now", and the same empty feed would change every second.
        return super().latest_post_date() if self.items else self.empty_updated


def _midnight(day: date | None) -> datetime:
    return datetime.combine(day or date(2000, 1, 1), time(), tzinfo=timezone.utc)


def findings_feed(request) -> FindingsFeed:
    query = parse(request.GET)
    query_string = query.query_string()
    page = reverse("findings") + (f"?{query_string}" if query_string else "")
    own = reverse("findings_atom") + (f"?{query_string}" if query_string else "")
    newest_report = public_findings().aggregate(day=Max("report__published"))["day"]
    feed = FindingsFeed(
        title=_("Findings: %(filter)s") % {"filter": describe(query)} + f" – {PUBLISHER}",
        link=request.build_absolute_uri(page),
        feed_url=request.build_absolute_uri(own),
        feed_guid=request.build_absolute_uri(own),
        description="",
        language="en-GB",
        author_name=_("UK National Preventive Mechanism"),
        feed_copyright=f"{LICENCE} {LICENCE_URL}",
        empty_updated=_midnight(newest_report),
    )
    for finding in newest(query):
        label = f"{finding.get_kind_display()} {finding.number}".strip()
        feed.add_item(
            title=f"{label}: {finding.report.title}",
            link=request.build_absolute_uri(reverse("finding", args=[finding.id])),
            description=escape(finding.text),  # Atom's html summary: the plain text, escaped
            unique_id=tag_uri(finding.id),
            unique_id_is_permalink=False,
            updateddate=_midnight(finding.report.published),
            author_name=finding.body.name,
            categories=[],
        )
    return feed

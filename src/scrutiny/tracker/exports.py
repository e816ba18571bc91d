"""The tracker as CSV, JSON or XLSX through scrutiny.api.exports (source, date, filter and
licence in the file). The public export has published items and public fields only; the staff
export adds the drafts, the NPM's action, its owner and the internal notes, and its columns
are the import's, so an export can be corrected and imported again."""

from django.urls import reverse

from scrutiny.api import exports
from scrutiny.tracker.models import MilestoneKind

PUBLIC_COLUMNS = ["slug", "title", "kind", "treaty", "jurisdiction", "lead", "stage", "summary", "link", "address",
                  "themes", "key_issues", "milestones", "documents"]
STAFF_COLUMNS = ["slug", "title", "kind", "treaty", "jurisdiction", "lead", "stage", "summary", "link", "action", "owner",
                 "notes", "themes", *[k.value for k in MilestoneKind], "published", "key_issues", "findings", "documents"]


def public_rows(items, request):
    for item in items.prefetch_related("themes", "milestones", "documents", "key_issues"):
        yield {
            **_shared(item),
            "address": request.build_absolute_uri(reverse("tracker_item", args=[item.slug])),
            "key_issues": [k.slug for k in item.key_issues.all() if k.is_published],
            "milestones": [f"{m.date.isoformat()} {m.kind} {m.label}".strip() for m in item.milestones.all()],
            "documents": [d.link or d.title for d in item.documents.all() if d.is_public],
        }


def staff_rows(items):
    for item in items.select_related("owner").prefetch_related("themes", "milestones", "documents", "key_issues", "findings"):
        dates = {k.value: [m.date.isoformat() for m in item.milestones.all() if m.kind == k.value] for k in MilestoneKind}
        yield {
            **_shared(item), **{k: ";".join(v) for k, v in dates.items()},
            "action": item.action, "owner": item.owner.email if item.owner else "", "notes": item.notes,
            "themes": ";".join(t.slug for t in item.themes.all()),
            "published": "yes" if item.is_published else "no",
            "key_issues": [k.slug for k in item.key_issues.all()],
            "findings": [f.id for f in item.findings.all()],
            "documents": [f"{d.title} ({'public' if d.is_public else 'internal'})" for d in item.documents.all()],
        }


def _shared(item) -> dict:
    return {
        "slug": item.slug, "title": item.title, "kind": item.kind, "treaty": item.treaty, "jurisdiction": item.jurisdiction,
        "lead": item.lead, "stage": item.stage, "summary": item.summary, "link": item.link,
        "themes": [t.slug for t in item.themes.all()],
    }


def response(fmt: str, request, items, staff: bool, filter_words: str, query_string: str):
    view = "tracker_manage" if staff else "tracker"
    source = request.build_absolute_uri(reverse(view) + (f"?{query_string}" if query_string else ""))
    title = "Policy Tracker (staff, with drafts and notes)" if staff else "Policy Tracker"
    about = exports.About(title, source, filter_words, query_string)
    table = exports.Table(STAFF_COLUMNS if staff else PUBLIC_COLUMNS, staff_rows(items) if staff else public_rows(items, request))
    return exports.response(fmt, table, about, "policy-tracker-staff" if staff else "policy-tracker")

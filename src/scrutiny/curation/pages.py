"""What each staff page shows. Every query is limited to the bodies the person works for."""

from django.core.paginator import Paginator
from django.db.models import Count

from scrutiny.accounts import access, roles
from scrutiny.curation import services, tools
from scrutiny.curation.models import Change, Proposal, ProposalState
from scrutiny.reports.models import Report, State

PAGE_SIZE = 50


def home(user) -> dict:
    reports = services.reports_for(user)
    by_state = dict(reports.order_by().values_list("state").annotate(n=Count("id")))
    return {
        "section": "manage",
        "by_state": [(s.value, s.label, by_state.get(s.value, 0)) for s in State],
        "in_review": reports.filter(state=State.IN_REVIEW).select_related("body").order_by("-published")[:20],
        "changes": _changes_for(user)[:10] if access.can(user, roles.VIEW_HISTORY) else [],
        "proposals": services.proposals_for(user)[:50],
        "tools": tools.tools_for(user),
        "can": {perm: access.can(user, perm) for perm in (roles.UPLOAD, roles.IMPORT, roles.MANAGE_USERS, roles.VIEW_DRAFTS, roles.EDIT_VOCABULARIES, roles.VIEW_HISTORY)},
    }


def reports(user, params) -> dict:
    reports = services.reports_for(user).select_related("body").annotate(finding_count=Count("findings"))
    state = params.get("state", "")
    if state in State.values:
        reports = reports.filter(state=state)
    page = Paginator(reports.order_by("-ingested_at", "-id"), PAGE_SIZE).get_page(params.get("page"))
    return {"section": "manage", "page": page, "state": state, "states": State.choices}


def report(user, report_id: int) -> dict:
    report = services.report_for(user, report_id)
    return {
        "section": "manage",
        "report": report,
        "findings": report.findings.order_by("position"),
        "transitions": services.transitions_for(user, report),
        "may_edit": services.may_edit(user, report),
        "may_propose": services.may_propose(user, report),
        "may_decide": access.can(user, roles.PUBLISH, report.body_id),
        "proposals": report_proposals(user, report),
        "may_revert": access.can(user, roles.REVERT, report.body_id),
        "changes": services.report_history(report)[:100],
    }


def report_proposals(user, report):
    """Pending proposals on the report's findings: all of them for whoever decides, and the
    person's own for a contributor (so they can see theirs is waiting)."""
    pending = Proposal.objects.filter(finding__report=report, state=ProposalState.PENDING).select_related("finding")
    return pending if access.can(user, roles.PUBLISH, report.body_id) else pending.filter(proposed_by=user)


def history(record) -> dict:
    return {"changes": services.history_of(record)[:50]}


def _changes_for(user):
    scope = access.bodies_for(user, roles.VIEW_HISTORY)
    changes = Change.objects.select_related("report")
    return changes if scope is access.ALL_BODIES else changes.filter(report__body_id__in=scope)


def recent_changes(user, params) -> dict:
    page = Paginator(_changes_for(user), PAGE_SIZE).get_page(params.get("page"))
    return {"section": "manage", "page": page, "may_revert": access.can(user, roles.REVERT)}



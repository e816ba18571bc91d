"""Changing curated records: edits with optimistic locking, the publishing workflow, the audit
trail and undo. Every change goes through here, inside one transaction, and leaves a Change."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404

from scrutiny.accounts import access, roles
from scrutiny.accounts.services import display_name
from scrutiny.catalogue.models import Nation, Setting
from django.utils import timezone, translation
# Button labels stay English here and are translated where the page shows them.
from django.utils.translation import gettext_noop as N_

from scrutiny.curation.models import Action, Change, Proposal, ProposalState
from scrutiny.findings.models import Finding
from scrutiny.reports.models import Report, State, reporting_year_of

FINDING_FIELDS = ["kind", "number", "label_in_source", "text", "page", "section", "addressee", "status", "status_in_source"]
REPORT_FIELDS = ["title", "report_type", "published", "setting", "nation", "fieldwork_start", "fieldwork_end", "legal_basis", "source_url"]
SLUGGED = {"setting": Setting, "nation": Nation}  # stored in the trail by slug, not by id


class EditConflict(Exception):
    """Somebody else saved the record after this person opened it."""

    def __init__(self, current, since: list[Change]):
        super().__init__("changed by someone else since you opened it")
        self.current = current
        self.since = since


class RevertConflict(Exception):
    def __init__(self, fields: list[str]):
        super().__init__(
            "cannot undo this change: " + ", ".join(fields) + " changed again since; undo the later change first"
        )
        self.fields = fields


@dataclass(frozen=True)
class Transition:
    action: str
    target: str
    permission: str
    label: str


TRANSITIONS = {
    (State.DRAFT, State.IN_REVIEW): Transition(Action.SUBMITTED, State.IN_REVIEW, roles.EDIT, N_("Send for review")),
    (State.IN_REVIEW, State.DRAFT): Transition(Action.RETURNED, State.DRAFT, roles.EDIT, N_("Return to draft")),
    (State.DRAFT, State.PUBLISHED): Transition(Action.PUBLISHED, State.PUBLISHED, roles.PUBLISH, N_("Publish")),
    (State.IN_REVIEW, State.PUBLISHED): Transition(Action.PUBLISHED, State.PUBLISHED, roles.PUBLISH, N_("Publish")),
    (State.PUBLISHED, State.DRAFT): Transition(Action.UNPUBLISHED, State.DRAFT, roles.PUBLISH, N_("Unpublish")),
}


# --- who may see and change what -------------------------------------------------------------

def reports_for(user, permission: str = roles.VIEW_DRAFTS):
    """Every report, in any state, that this person may see in the staff pages."""
    scope = access.bodies_for(user, permission)
    reports = Report.objects.all()
    return reports if scope is access.ALL_BODIES else reports.filter(body_id__in=scope)


def report_for(user, report_id: int, permission: str = roles.VIEW_DRAFTS) -> Report:
    """The report, or 404 when it does not exist or lies outside the person's bodies: the two
    look the same, so a contributor cannot learn that another body has a draft."""
    report = reports_for(user, permission).select_related("body", "setting", "nation").filter(pk=report_id).first()
    if report is None:
        raise Http404("No such report")
    return report


def finding_for(user, finding_id: int, permission: str = roles.VIEW_DRAFTS) -> Finding:
    finding = Finding.objects.select_related("report", "body").filter(pk=finding_id).first()
    if finding is None or not access.can(user, permission, finding.report.body_id):
        raise Http404("No such finding")
    return finding


def may_edit(user, report: Report) -> bool:
    """A contributor corrects drafts; a published report is changed by those who may publish
    (or unpublished first), so the public record never changes without the secretariat."""
    if not access.can(user, roles.EDIT, report.body_id):
        return False
    return report.state != State.PUBLISHED or access.can(user, roles.PUBLISH, report.body_id)


def may_propose(user, report: Report) -> bool:
    """A contributor cannot change a published report, but can propose a correction to it."""
    return report.state == State.PUBLISHED and access.can(user, roles.EDIT, report.body_id) and not may_edit(user, report)


def transitions_for(user, report: Report) -> list[Transition]:
    return [
        t for (source, _), t in TRANSITIONS.items()
        if source == report.state and access.can(user, t.permission, report.body_id)
    ]


# --- the audit trail -------------------------------------------------------------------------

def record(user, action: str, subject, description: str, before=None, after=None, reverts=None) -> Change:
    report = subject if isinstance(subject, Report) else getattr(subject, "report", None)
    return Change.objects.create(
        user=user if getattr(user, "is_authenticated", False) else None,
        user_name=display_name(user if getattr(user, "is_authenticated", False) else None),
        action=action, subject=subject._meta.label_lower, object_id=subject.pk, report=report,
        description=description[:300], before=before or {}, after=after or {}, reverts=reverts,
    )


def history_of(subject):
    return Change.objects.filter(subject=subject._meta.label_lower, object_id=subject.pk).select_related("reverts")


def report_history(report: Report):
    """Changes to the report and to every one of its findings, newest first."""
    return Change.objects.filter(report=report).select_related("reverts")


def _stored(name: str, value):
    if name in SLUGGED:
        return value.slug if value is not None else None
    if isinstance(value, date):
        return value.isoformat()
    return value


def _loaded(model, name: str, value):
    if name in SLUGGED:
        return SLUGGED[name].objects.get(slug=value) if value else None
    return model._meta.get_field(name).to_python(value)


def _differences(record_, values: dict) -> tuple[dict, dict]:
    before, after = {}, {}
    for name, value in values.items():
        old, new = _stored(name, getattr(record_, name)), _stored(name, value)
        if old != new:
            before[name], after[name] = old, new
    return before, after


# --- edits -----------------------------------------------------------------------------------

def _correction(user, finding_id: int, version: int, values: dict, allowed) -> tuple[Finding, dict, dict]:
    """The finding, locked, once the person may see it, `allowed(user, report)` holds and nobody
    saved it since they opened it at `version`; with the fields the correction would change."""
    finding = Finding.objects.select_for_update().select_related("report").filter(pk=finding_id).first()
    if finding is None or not access.can(user, roles.VIEW_DRAFTS, finding.report.body_id):
        raise Http404("No such finding")
    if not allowed(user, finding.report):
        raise PermissionDenied
    if finding.version != version:
        raise EditConflict(finding, list(history_of(finding)[: max(finding.version - version, 1)]))
    before, after = _differences(finding, {k: v for k, v in values.items() if k in FINDING_FIELDS})
    return finding, before, after


@transaction.atomic
def edit_finding(user, finding_id: int, version: int, values: dict) -> Change | None:
    """Save a person's correction. If the finding changed since they opened it (its version
    moved on) nothing is saved and EditConflict says what changed and who changed it."""
    finding, before, after = _correction(user, finding_id, version, values, may_edit)
    if not after:
        return None
    for name in after:
        setattr(finding, name, values[name])
    finding.version += 1
    finding.full_clean(exclude=["report", "body", "setting", "nation", "assesses", "repeats"])
    finding.save()
    return record(user, Action.EDITED, finding, f"Edited {_names(after)} of {finding}", before, after)


@transaction.atomic
def edit_report(user, report_id: int, version: int, values: dict) -> Change | None:
    report = Report.objects.select_for_update().filter(pk=report_id).first()
    if report is None or not access.can(user, roles.VIEW_DRAFTS, report.body_id):
        raise Http404("No such report")
    if not may_edit(user, report):
        raise PermissionDenied
    if report.version != version:
        raise EditConflict(report, list(history_of(report)[: max(report.version - version, 1)]))
    before, after = _differences(report, {k: v for k, v in values.items() if k in REPORT_FIELDS})
    if not after:
        return None
    for name in after:
        setattr(report, name, values[name])
    report.version += 1
    report.save()
    refresh_finding_facets(report)
    return record(user, Action.EDITED, report, f"Edited {_names(after)} of the report", before, after)


def refresh_finding_facets(report: Report) -> None:
    """Findings carry copies of their report's facets (for fast counts): keep them in step."""
    report.findings.update(
        setting=report.setting, nation=report.nation, year=report.published.year,
        reporting_year=reporting_year_of(report.published), is_published=report.is_published,
    )


def _names(fields) -> str:
    return ", ".join(name.replace("_", " ") for name in fields)


# --- the workflow ----------------------------------------------------------------------------

@transaction.atomic
def change_state(user, report_id: int, target: str) -> Change:
    report = Report.objects.select_for_update().filter(pk=report_id).first()
    if report is None or not access.can(user, roles.VIEW_DRAFTS, report.body_id):
        raise Http404("No such report")
    transition = TRANSITIONS.get((report.state, target))
    if transition is None:
        raise ValueError(f"a report that is {report.get_state_display().lower()} cannot go to {target}")
    if not access.can(user, transition.permission, report.body_id):
        raise PermissionDenied
    return _set_state(user, report, target, transition.action)


def _set_state(user, report: Report, target: str, action: str, reverts=None) -> Change:
    before = {"state": report.state}
    report.state = target
    report.version += 1
    report.save()
    report.findings.update(is_published=report.is_published)
    with translation.override(None):  # the audit trail is written in English, whatever page the person used
        label = str(Action(action).label).lower()
    return record(user, action, report, f"Report {label}", before, {"state": target}, reverts)


# --- undo ------------------------------------------------------------------------------------

@transaction.atomic
def revert(user, change_id: int) -> Change:
    """Put back the values a change replaced, as a new change. Refused when a later change has
    touched the same fields (undo that first), so nobody's work is overwritten unseen."""
    change = Change.objects.select_related("report").filter(pk=change_id).first()
    if change is None or change.report is None or not access.can(user, roles.VIEW_HISTORY, change.report.body_id):
        raise Http404("No such change")
    if not access.can(user, roles.REVERT, change.report.body_id):
        raise PermissionDenied
    model = Finding if change.subject == Finding._meta.label_lower else Report
    subject = model.objects.select_for_update().filter(pk=change.object_id).first()
    if subject is None or not change.after:
        raise ValueError("this change cannot be undone")
    moved = [name for name, value in change.after.items() if _stored(name, getattr(subject, name)) != value]
    if moved:
        raise RevertConflict(moved)
    if set(change.after) == {"state"}:
        action = Action.PUBLISHED if change.before["state"] == State.PUBLISHED else Action.REVERTED
        return _set_state(user, subject, change.before["state"], action, reverts=change)
    for name, value in change.before.items():
        setattr(subject, name, _loaded(model, name, value))
    subject.version += 1
    subject.save()
    if model is Report:
        refresh_finding_facets(subject)
    return record(
        user, Action.REVERTED, subject, f"Undid “{change.description}”",
        dict(change.after), dict(change.before), reverts=change,
    )


# --- proposed corrections --------------------------------------------------------------------

@transaction.atomic
def propose(user, finding_id: int, version: int, values: dict) -> Proposal | None:
    """Keep a contributor's correction to a published finding, unapplied, for the secretariat."""
    finding, before, after = _correction(user, finding_id, version, values, may_propose)
    if not after:
        return None
    return Proposal.objects.create(
        finding=finding, proposed_by=user, proposed_by_name=display_name(user),
        base_version=finding.version, before=before, after=after,
    )


def proposals_for(user):
    """Pending proposals this person may decide on."""
    scope = access.bodies_for(user, roles.PUBLISH)
    pending = Proposal.objects.filter(state=ProposalState.PENDING).select_related("finding__report")
    return pending if scope is access.ALL_BODIES else pending.filter(finding__body_id__in=scope)


@transaction.atomic
def decide(user, proposal_id: int, accept: bool) -> Proposal:
    """Accept (apply it as an edit, in the proposer's name and the decider's) or reject. If the
    finding changed since it was proposed, accepting raises EditConflict and nothing happens."""
    proposal = Proposal.objects.select_for_update().select_related("finding__report").filter(pk=proposal_id).first()
    if proposal is None or not access.can(user, roles.VIEW_DRAFTS, proposal.finding.report.body_id):
        raise Http404("No such proposal")
    if not access.can(user, roles.PUBLISH, proposal.finding.report.body_id):
        raise PermissionDenied
    if proposal.state != ProposalState.PENDING:
        raise ValueError("this proposal has already been decided")
    if accept:
        values = {name: _loaded(Finding, name, value) for name, value in proposal.after.items()}
        change = edit_finding(user, proposal.finding_id, proposal.base_version, values)
        if change is not None:
            change.description = f"Accepted {proposal.proposed_by_name}'s correction: {change.description}"[:300]
            change.save(update_fields=["description"])
    proposal.state = ProposalState.ACCEPTED if accept else ProposalState.REJECTED
    proposal.decided_by_name = display_name(user)
    proposal.decided_at = timezone.now()
    proposal.save(update_fields=["state", "decided_by_name", "decided_at"])
    return proposal

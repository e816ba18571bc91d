"""Follow-up links: suggesting which earlier finding a later assessment judges, and the decisions
people make about the suggestions.

A finding is an *assessment* when it carries a verdict in the body's words (status_in_source),
or sits in a follow-up report (a review of progress) or under a "progress since the last report"
heading. Its candidates are the findings of earlier reports at the same establishment by the same
body (or a body that wrote either report jointly). Each pair is scored from three kinds of
evidence: a number the two share (or that the assessment cites), a paragraph reference they share,
and the TF-IDF cosine of their content words (scrutiny.core.similarity's words: stems, the
inspectorates' synonyms folded, paragraph citations dropped). Nothing is linked without a person:
confirming sets Finding.assesses and writes the earlier finding's new status as a StatusChange.
"""

import re
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F, Q
from django.http import Http404
from django.utils import timezone, translation

from scrutiny.accounts import access, roles
from scrutiny.accounts.services import display_name
from scrutiny.core.similarity import content_words
from scrutiny.curation.models import Action
from scrutiny.curation.services import may_edit, record
from scrutiny.findings.models import Finding, Kind, Status
from scrutiny.followup.models import LinkSuggestion, StatusChange, SuggestionState
from scrutiny.reports.models import Report, ReportType

# Chosen on the labelled pairs in tests/followup (docs/follow-up.md has the figures).
THRESHOLD = 0.50
# Below this the words share too little for the other evidence alone to make a pair, unless a number is cited.
MIN_SIMILARITY = 0.20
MAX_SUGGESTIONS = 3
# A runner-up this far below the best is noise, not an alternative worth a person's time.
MARGIN = 0.25
STRONG_SIMILARITY = 0.80

CITED_NUMBER = re.compile(
    r"\b(?:recommendations?|(?:key |priority |causes? of )?concerns?|points? of note|requirements?|"
    r"areas? for improvement|action points?)\s+(?:no\.?\s*|number\s+)?([A-Z]{0,2}\d+(?:\.\d+)*)\b",
    re.IGNORECASE,
)
CODED_NUMBER = re.compile(r"\b([A-Z]{1,2}\d{1,3})\b")  # "S12", "R3": HMIP's older numbering
PARAGRAPH_REFERENCE = re.compile(r"(?:\(|\bparagraphs?\s+|\bpara\.?\s+)((?:\d+\.\d+)(?:\s*(?:,|and|&)\s*\d+\.\d+)*)")
DOTTED = re.compile(r"\d+\.\d+")
PROGRESS_HEADING = re.compile(r"progress (?:since|on|against|made)|follow[- ]up", re.IGNORECASE)


# --- suggesting --------------------------------------------------------------------------------

def is_assessment(finding: Finding, report: Report, verdicts_read: bool = True) -> bool:
    """Does this finding judge an earlier one (rather than raise something new)? In a review of
    progress whose verdicts were read, the findings without one are new (HMIPS follow-ups end
    with new recommendations); if none was read, every finding may be an assessment."""
    if finding.kind == Kind.GOOD_PRACTICE:
        return False
    if finding.status_in_source or PROGRESS_HEADING.search(f"{finding.section} {finding.label_in_source}"):
        return True
    return report.report_type == ReportType.REVIEW_OF_PROGRESS and not verdicts_read


def candidates_for(report: Report):
    """Findings of earlier reports at the report's establishments, by its body or a co-body."""
    bodies = {report.body_id, *report.co_bodies.values_list("id", flat=True)}
    earlier = (
        Report.objects.filter(establishments__in=report.establishments.values("id"), published__lt=report.published)
        .filter(Q(body_id__in=bodies) | Q(co_bodies__in=bodies))
        .exclude(id=report.id)
        .values("id")
    )
    # A linked assessment is not itself followed up: the finding it assesses is.
    return (
        Finding.objects.filter(report_id__in=earlier, assesses__isnull=True)
        .exclude(kind=Kind.GOOD_PRACTICE).select_related("report")
    )


def _number(value: str) -> str:
    return value.strip().rstrip(".").upper()


def cited_numbers(text: str) -> set[str]:
    """Numbers of earlier findings a text names: "recommendation 3.12", "S12"."""
    return {_number(m) for m in CITED_NUMBER.findall(text)} | {_number(m) for m in CODED_NUMBER.findall(text)}


def paragraph_references(text: str) -> set[str]:
    """Paragraph references a text carries: "(1.23)", "(paragraph 4.12)", "paragraphs 2.3 and 2.4"."""
    return {ref for group in PARAGRAPH_REFERENCE.findall(text) for ref in DOTTED.findall(group)}


def _terms(text: str) -> list[str]:
    words = content_words(text)
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]


def similarities(assessments: list[Finding], candidates: list[Finding]):
    """TF-IDF cosine of every assessment with every candidate (rows: assessments)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectoriser = TfidfVectorizer(analyzer=_terms, sublinear_tf=True)
    try:
        vectors = vectoriser.fit_transform([f.text for f in assessments] + [f.text for f in candidates])
    except ValueError:  # not one content word among them
        import numpy as np

        return np.zeros((len(assessments), len(candidates)))
    # TfidfVectorizer rows are L2-normalised, so the dot product is the cosine.
    return (vectors[: len(assessments)] @ vectors[len(assessments):].T).toarray()


@dataclass
class Candidate:
    finding: Finding
    score: float  # shown, in [0, 1]
    reasons: list[str] = field(default_factory=list)
    strong: bool = False
    evidence: float = 0.0  # ranks: the same sum, not cut at 1, so that two perfect matches still differ


def score_pair(assessment: Finding, candidate: Finding, similarity: float, latest: bool = False) -> Candidate:
    """The evidence that `assessment` judges `candidate`, and a score in [0, 1] from it.
    `latest`: the candidate is in the body's latest report before this one at the place, the
    one a review of progress follows up (an older report may have made the same ask)."""
    reasons, bonus, numbered = [], 0.0, False
    number = _number(candidate.number) if candidate.number else ""
    if number and number in cited_numbers(assessment.text):
        reasons.append(f"cites number {candidate.number}")
        bonus, numbered = bonus + 0.35, True
    elif number and assessment.number and _number(assessment.number) == number:
        # A shared "7.4" or "S12" is telling; a shared "3" is what any two numbered lists have.
        distinctive = not number.isdigit()
        reasons.append(f"same number {candidate.number}")
        bonus, numbered = bonus + (0.30 if distinctive else 0.10), distinctive
    shared = sorted(paragraph_references(assessment.text) & paragraph_references(candidate.text))
    if shared:
        reasons.append("paragraph reference " + ", ".join(shared))
        bonus += 0.20
    if assessment.kind == candidate.kind:
        bonus += 0.05
    if latest:
        reasons.append("in the latest earlier report")
        bonus += 0.15
    reasons.append(f"text similarity {similarity:.2f}")
    evidence = similarity + bonus
    if similarity < MIN_SIMILARITY and not numbered:
        evidence = 0.0
    return Candidate(candidate, round(min(1.0, evidence), 4), reasons, numbered and similarity >= STRONG_SIMILARITY, evidence)


def rank(assessment: Finding, scored: list[Candidate]) -> list[Candidate]:
    """The candidates worth a person's look: above the threshold, near the best, at most three."""
    kept = sorted((c for c in scored if c.evidence >= THRESHOLD), key=lambda c: (-c.strong, -c.evidence, c.finding.id))
    if not kept:
        return []
    best = kept[0].evidence
    return [c for c in kept if c.evidence >= best - MARGIN][:MAX_SUGGESTIONS]


def latest_followed_up(report: Report, candidates: list[Finding]) -> int | None:
    """The report a follow-up follows up: the body's latest earlier report there that is not
    itself a review of progress (an IMB annual report follows up the last annual report)."""
    own = [c.report for c in candidates if c.report.body_id == report.body_id]
    own = [r for r in own if r.report_type != ReportType.REVIEW_OF_PROGRESS] or own
    return max(own, key=lambda r: (r.published, r.id)).id if own else None


def suggest_for(report: Report, findings: list[Finding] | None = None) -> list[LinkSuggestion]:
    """Suggestions for the report's assessments. Pending suggestions are worked out afresh;
    confirmed and rejected pairs are kept and a rejected pair is never suggested again."""
    findings = list(report.findings.all()) if findings is None else findings
    verdicts_read = any(f.status_in_source for f in findings)
    assessments = [f for f in findings if is_assessment(f, report, verdicts_read) and f.assesses_id is None]
    if not assessments:
        return []
    LinkSuggestion.objects.filter(assessment__in=assessments, state=SuggestionState.SUGGESTED).delete()
    candidates = list(candidates_for(report))
    if not candidates:
        return []
    decided = set(
        LinkSuggestion.objects.filter(assessment__in=assessments).values_list("assessment_id", "assessed_id")
    )
    matrix = similarities(assessments, candidates)
    latest = latest_followed_up(report, candidates)
    rows = []
    for i, assessment in enumerate(assessments):
        scored = [
            score_pair(assessment, candidate, float(matrix[i, j]), latest=candidate.report_id == latest)
            for j, candidate in enumerate(candidates)
            if (assessment.id, candidate.id) not in decided
        ]
        for position, chosen in enumerate(rank(assessment, scored), start=1):
            rows.append(LinkSuggestion(
                assessment=assessment, assessed=chosen.finding, score=chosen.score, rank=position,
                reasons=chosen.reasons, strong=chosen.strong,
            ))
    return LinkSuggestion.objects.bulk_create(rows)


def suggest_follow_ups(report: Report, findings: list) -> None:
    """Called by ingest inside the report's transaction, with the report's new findings."""
    suggest_for(report, findings)


# --- status history ----------------------------------------------------------------------------

def refresh_status(finding_id: int) -> None:
    """Set a finding's status from its history: the latest verdict (by the assessing report's
    date) that is confirmed, not withdrawn and published; with none, what it said before the
    first one. A verdict in an unpublished report never shows on a published finding."""
    rows = StatusChange.objects.filter(finding_id=finding_id)
    if not rows.exists():
        return
    current = rows.filter(withdrawn_at__isnull=True, report__is_published=True).order_by("-date", "-id").first()
    if current is None:
        first = rows.order_by("id").first()
        status, words = first.previous_status, first.previous_status_in_source
    else:
        status, words = current.status, current.status_in_source
    Finding.objects.filter(pk=finding_id).exclude(status=status, status_in_source=words).update(
        status=status, status_in_source=words, version=F("version") + 1
    )


def refresh_statuses_assessed_in(report: Report) -> None:
    """A report was published or withdrawn: the findings it assesses show, or stop showing, its verdicts."""
    for finding_id in set(StatusChange.objects.filter(report=report).values_list("finding_id", flat=True)):
        refresh_status(finding_id)


def history_of(finding: Finding, public: bool = True):
    """A finding's verdicts, oldest first; for the public only those in published reports."""
    rows = StatusChange.objects.filter(finding=finding, withdrawn_at__isnull=True)
    if public:
        rows = rows.filter(report__is_published=True, assessed_by__is_published=True)
    return rows.select_related("assessed_by", "report").order_by("date", "id")


# --- who may decide ----------------------------------------------------------------------------

def _visible(user, finding: Finding) -> bool:
    return finding.report.is_published or access.can(user, roles.VIEW_DRAFTS, finding.report.body_id)


def pending_for(user):
    """Suggestions waiting for a person, on the reports this person may link."""
    scope = access.bodies_for(user, roles.EDIT)
    pending = LinkSuggestion.objects.filter(state=SuggestionState.SUGGESTED, assessment__assesses__isnull=True)
    if scope is not access.ALL_BODIES:
        pending = pending.filter(assessment__report__body_id__in=scope)
    return pending.select_related("assessment__report__body", "assessed__report__body")


def assessment_for(user, finding_id: int) -> Finding:
    """The assessment, or 404 when it does not exist or the person may not see it."""
    finding = Finding.objects.select_related("report__body", "assesses__report").filter(pk=finding_id).first()
    if finding is None or not access.can(user, roles.VIEW_DRAFTS, finding.report.body_id):
        raise Http404("No such finding")
    return finding


def _may_link(user, assessment: Finding) -> None:
    """A link changes the assessed finding's status, so it is an edit of the assessing report:
    a contributor links on their own body's drafts, the secretariat on published reports too."""
    if not access.can(user, roles.EDIT, assessment.report.body_id) or not may_edit(user, assessment.report):
        raise PermissionDenied


# --- decisions ---------------------------------------------------------------------------------

@transaction.atomic
def confirm(user, suggestion_id: int) -> LinkSuggestion:
    suggestion = _suggestion(user, suggestion_id)
    _link(user, suggestion.assessment, suggestion.assessed, suggestion)
    return suggestion


@transaction.atomic
def reject(user, suggestion_id: int) -> LinkSuggestion:
    suggestion = _suggestion(user, suggestion_id)
    _decide(user, suggestion, SuggestionState.REJECTED)
    record(
        user, Action.REJECTED, suggestion.assessment,
        f"Rejected the suggestion that {_name(suggestion.assessment)} assesses {_name(suggestion.assessed)} "
        f"of {suggestion.assessed.report.title}",
    )
    return suggestion


@transaction.atomic
def link(user, assessment_id: int, assessed_id: int) -> LinkSuggestion:
    """A person's own choice of the finding assessed (found by id or search)."""
    assessment = _locked(user, assessment_id)
    _may_link(user, assessment)
    assessed = Finding.objects.select_related("report").filter(pk=assessed_id).first()
    if assessed is None or not _visible(user, assessed):
        raise ValueError(f"there is no finding {assessed_id}")
    suggestion = LinkSuggestion.objects.filter(assessment=assessment, assessed=assessed).first()
    if suggestion is None:
        suggestion = LinkSuggestion(assessment=assessment, assessed=assessed, score=1.0, rank=1, reasons=["chosen by a person"])
    _link(user, assessment, assessed, suggestion)
    return suggestion


@transaction.atomic
def unlink(user, assessment_id: int) -> Finding:
    """Undo a confirmed link: the verdict is withdrawn from the assessed finding's history and
    its status goes back to what the rest of its history says."""
    assessment = _locked(user, assessment_id)
    _may_link(user, assessment)
    assessed = assessment.assesses
    if assessed is None:
        raise ValueError("this finding is not linked to an earlier one")
    now, name = timezone.now(), display_name(user)
    StatusChange.objects.filter(assessed_by=assessment, finding=assessed, withdrawn_at__isnull=True).update(
        withdrawn_at=now, withdrawn_by_name=name
    )
    LinkSuggestion.objects.filter(assessment=assessment, assessed=assessed).update(
        state=SuggestionState.REJECTED, decided_by=user, decided_by_name=name, decided_at=now
    )
    assessment.assesses = None
    assessment.version += 1
    assessment.save(update_fields=["assesses", "version"])
    before = Finding.objects.values("status", "status_in_source").get(pk=assessed.pk)
    refresh_status(assessed.pk)
    after = Finding.objects.values("status", "status_in_source").get(pk=assessed.pk)
    record(
        user, Action.UNLINKED, assessment,
        f"Unlinked {_name(assessment)} from {_name(assessed)} of {assessed.report.title}; "
        f"its status went back from {_status(before)} to {_status(after)}",
    )
    return assessment


def _suggestion(user, suggestion_id: int) -> LinkSuggestion:
    suggestion = (
        LinkSuggestion.objects.select_for_update()
        .select_related("assessment__report", "assessed__report")
        .filter(pk=suggestion_id).first()
    )
    if suggestion is None or not access.can(user, roles.VIEW_DRAFTS, suggestion.assessment.report.body_id) \
            or not _visible(user, suggestion.assessed):
        raise Http404("No such suggestion")
    _may_link(user, suggestion.assessment)
    if suggestion.state != SuggestionState.SUGGESTED:
        raise ValueError(f"this suggestion has already been {suggestion.get_state_display().lower()}")
    return suggestion


def _locked(user, finding_id: int) -> Finding:
    finding = Finding.objects.select_for_update().select_related("report").filter(pk=finding_id).first()
    if finding is None or not access.can(user, roles.VIEW_DRAFTS, finding.report.body_id):
        raise Http404("No such finding")
    return finding


def _link(user, assessment: Finding, assessed: Finding, suggestion: LinkSuggestion) -> None:
    assessment = Finding.objects.select_for_update().select_related("report").get(pk=assessment.pk)
    if assessment.assesses_id is not None:
        raise ValueError(f"{_name(assessment)} is already linked to an earlier finding; unlink it first")
    if assessed.report_id == assessment.report_id or assessed.report.published >= assessment.report.published:
        raise ValueError("a finding can only assess a finding of an earlier report")
    assessment.assesses = assessed
    assessment.version += 1
    assessment.save(update_fields=["assesses", "version"])
    _decide(user, suggestion, SuggestionState.CONFIRMED)
    verdict = ""
    if assessment.status != Status.NOT_ASSESSED:
        current = Finding.objects.values("status", "status_in_source").get(pk=assessed.pk)
        StatusChange.objects.create(
            finding=assessed, status=assessment.status, status_in_source=assessment.status_in_source,
            assessed_by=assessment, report=assessment.report, date=assessment.report.published,
            previous_status=current["status"], previous_status_in_source=current["status_in_source"],
            confirmed_by=user, confirmed_by_name=display_name(user),
        )
        refresh_status(assessed.pk)
        verdict = f"; its status: {_status(assessment.__dict__)}"
    record(
        user, Action.LINKED, assessment,
        f"Linked {_name(assessment)} as assessing {_name(assessed)} of {assessed.report.title}{verdict}",
    )


def _decide(user, suggestion: LinkSuggestion, state: str) -> None:
    suggestion.state = state
    suggestion.decided_by = user
    suggestion.decided_by_name = display_name(user)
    suggestion.decided_at = timezone.now()
    suggestion.save()


def _name(finding: Finding) -> str:
    with translation.override(None):  # for the audit trail, which is written in English
        return f"{finding.get_kind_display().lower()} {finding.number}".strip() + f" (#{finding.pk})"


def _status(values: dict) -> str:
    with translation.override(None):  # for the audit trail, which is written in English
        label = str(Status(values["status"]).label).lower()
    return f"{label} (“{values['status_in_source']}”)" if values.get("status_in_source") else label

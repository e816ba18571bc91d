"""Confirming, rejecting and undoing follow-up links, and the status history they leave: the
earlier finding takes the assessment's verdict (the body's words kept), a later verdict does not
erase an earlier one, unlinking puts back what the history says, and who may do it."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from factories import EstablishmentFactory, FindingFactory, ReportFactory, body, sign_in, staff_member
from scrutiny.cli import main
from scrutiny.core.status import normalise_status
from scrutiny.curation.models import Action, Change
from scrutiny.findings.models import Finding, Status
from scrutiny.followup import services
from scrutiny.followup.models import LinkSuggestion, StatusChange, SuggestionState
from scrutiny.reports.models import ReportType

pytestmark = pytest.mark.django_db

CONCERN = "Prisoners at risk of self-harm were held in segregation without a recorded justification."
OTHER = "Too few prisoners were able to attend education, skills and work activities."


def inspection(place, published=date(2022, 5, 10), slug="hmip", **kwargs):
    report = ReportFactory(body=body(slug), published=published, establishments=[place], **kwargs)
    concern = FindingFactory(report=report, kind="priority_concern", number="1", text=CONCERN)
    FindingFactory(report=report, kind="priority_concern", number="2", text=OTHER)
    return report, concern


def review(place, words="reasonable progress", published=date(2024, 2, 1), draft=False, text=CONCERN):
    report = ReportFactory(body=body("hmip"), report_type=ReportType.REVIEW_OF_PROGRESS, published=published,
                           establishments=[place], draft=draft, title=f"Review of progress {published.year}")
    assessment = FindingFactory(report=report, kind="priority_concern", number="", text=text,
                                status_in_source=words, status=normalise_status(words))
    services.suggest_for(report)
    return report, assessment


def top_suggestion(assessment) -> LinkSuggestion:
    return LinkSuggestion.objects.filter(assessment=assessment).order_by("rank").first()


def editor():
    return staff_member("editor")


def fresh(finding) -> Finding:
    return Finding.objects.get(pk=finding.pk)


def test_confirming_gives_the_earlier_finding_the_verdict_in_the_bodys_words():
    place = EstablishmentFactory()
    _, concern = inspection(place)
    _, assessment = review(place)
    suggestion = top_suggestion(assessment)
    assert suggestion.assessed_id == concern.id
    assert any(reason.startswith("text similarity") for reason in suggestion.reasons)

    services.confirm(editor(), suggestion.id)

    assert fresh(assessment).assesses_id == concern.id
    concern = fresh(concern)
    assert (concern.status, concern.status_in_source) == (Status.SOME_PROGRESS, "reasonable progress")
    [row] = StatusChange.objects.filter(finding=concern)
    assert (row.date, row.assessed_by_id, row.previous_status) == (date(2024, 2, 1), assessment.id, Status.NOT_ASSESSED)
    assert Change.objects.filter(action=Action.LINKED, object_id=assessment.id).exists()
    assert LinkSuggestion.objects.get(pk=suggestion.pk).state == SuggestionState.CONFIRMED


def test_a_later_verdict_keeps_the_earlier_one_in_the_history_and_unlinking_puts_it_back():
    place = EstablishmentFactory()
    _, concern = inspection(place)
    _, first = review(place, "insufficient progress", date(2023, 6, 1))
    services.confirm(editor(), top_suggestion(first).id)
    _, second = review(place, "good progress", date(2025, 1, 15))
    services.confirm(editor(), LinkSuggestion.objects.get(assessment=second, assessed=concern).id)

    assert fresh(concern).status == Status.GOOD_PROGRESS
    history = list(services.history_of(concern))
    assert [(h.status, h.status_in_source) for h in history] == [
        (Status.SOME_PROGRESS, "insufficient progress"), (Status.GOOD_PROGRESS, "good progress")]

    services.unlink(editor(), second.id)
    assert (fresh(concern).status, fresh(concern).status_in_source) == (Status.SOME_PROGRESS, "insufficient progress")
    assert fresh(second).assesses_id is None
    assert Change.objects.filter(action=Action.UNLINKED, object_id=second.id).exists()
    services.unlink(editor(), first.id)
    assert (fresh(concern).status, fresh(concern).status_in_source) == (Status.NOT_ASSESSED, "")


def test_the_latest_report_decides_the_status_whatever_order_people_confirm_in():
    place = EstablishmentFactory()
    _, concern = inspection(place)
    _, later = review(place, "no meaningful progress", date(2025, 3, 1))
    _, sooner = review(place, "good progress", date(2023, 3, 1))
    services.confirm(editor(), LinkSuggestion.objects.get(assessment=later, assessed=concern).id)
    services.confirm(editor(), LinkSuggestion.objects.get(assessment=sooner, assessed=concern).id)
    assert fresh(concern).status == Status.NO_PROGRESS


def test_a_rejected_suggestion_is_never_suggested_again():
    place = EstablishmentFactory()
    _, concern = inspection(place)
    report, assessment = review(place)
    services.reject(editor(), top_suggestion(assessment).id)
    services.suggest_for(report)
    assert not LinkSuggestion.objects.filter(assessment=assessment, assessed=concern, state=SuggestionState.SUGGESTED).exists()
    assert fresh(concern).status == Status.NOT_ASSESSED
    assert Change.objects.filter(action=Action.REJECTED, object_id=assessment.id).exists()


def test_a_person_can_link_a_finding_the_suggestions_missed_but_not_a_later_one():
    place = EstablishmentFactory()
    earlier, _ = inspection(place)
    unsuggested = FindingFactory(report=earlier, kind="recommendation", text="Leaders should improve the library.")
    report, assessment = review(place)
    later = FindingFactory(report=ReportFactory(published=date(2025, 1, 1), establishments=[place]), text=CONCERN)

    with pytest.raises(ValueError, match="earlier report"):
        services.link(editor(), assessment.id, later.id)
    with pytest.raises(ValueError, match="no finding"):
        services.link(editor(), assessment.id, 987654)
    assert fresh(assessment).assesses_id is None

    services.link(editor(), assessment.id, unsuggested.id)
    assert fresh(unsuggested).status == Status.SOME_PROGRESS
    with pytest.raises(ValueError, match="already linked"):
        services.link(editor(), assessment.id, unsuggested.id)


def test_no_candidates_from_other_places_other_bodies_or_later_reports():
    place = EstablishmentFactory()
    inspection(EstablishmentFactory())  # the same words elsewhere
    inspection(place, slug="imb")  # the same words by another body here
    inspection(place, published=date(2024, 9, 1))  # the same words, later
    _, assessment = review(place)
    assert not LinkSuggestion.objects.filter(assessment=assessment).exists()


def test_a_co_bodys_earlier_joint_report_is_a_candidate():
    place = EstablishmentFactory()
    joint, concern = inspection(place, slug="hmicfrs")
    joint.co_bodies.set([body("hmip")])
    _, assessment = review(place)
    assert top_suggestion(assessment).assessed_id == concern.id


# --- who may decide ----------------------------------------------------------------------------

def client_for(role, body_slug=None):
    return sign_in(Client(), staff_member(role, body_slug))


def test_a_contributor_links_their_own_bodys_draft_only():
    place = EstablishmentFactory()
    _, concern = inspection(place)
    _, assessment = review(place, draft=True)
    suggestion = top_suggestion(assessment)
    confirm = reverse("follow_up_confirm", args=[suggestion.id])

    assert Client().post(confirm).status_code == 302  # to sign in
    assert client_for("contributor", "cqc").post(confirm).status_code == 404
    assert "self-harm" not in client_for("contributor", "cqc").get(reverse("follow_up_queue")).content.decode()
    assert fresh(assessment).assesses_id is None

    own = client_for("contributor", "hmip")
    assert CONCERN in own.get(reverse("follow_up_queue")).content.decode()
    assert own.post(confirm).status_code == 302
    assert fresh(assessment).assesses_id == concern.id


def test_a_contributor_cannot_link_a_published_report_which_changes_the_public_record():
    place = EstablishmentFactory()
    inspection(place)
    _, assessment = review(place)
    response = client_for("contributor", "hmip").post(reverse("follow_up_confirm", args=[top_suggestion(assessment).id]))
    assert response.status_code == 403
    assert fresh(assessment).assesses_id is None


def test_the_queue_confirm_and_unlink_pages_work_for_an_editor():
    place = EstablishmentFactory()
    _, concern = inspection(place)
    _, assessment = review(place)
    client = client_for("editor")
    page = client.get(reverse("follow_up_queue")).content.decode()
    assert CONCERN in page and "text similarity" in page
    client.post(reverse("follow_up_confirm", args=[top_suggestion(assessment).id]))
    page = client.get(reverse("follow_up_assessment", args=[assessment.id])).content.decode()
    assert "Unlink" in page and "reasonable progress" in page
    assert client.post(reverse("follow_up_link", args=[assessment.id]), {"finding": "abc"}).status_code == 302
    client.post(reverse("follow_up_unlink", args=[assessment.id]))
    assert fresh(concern).status == Status.NOT_ASSESSED
    found = client.get(reverse("follow_up_assessment", args=[assessment.id]), {"q": "education"}).content.decode()
    assert OTHER in found


# --- the command -------------------------------------------------------------------------------

def test_the_command_suggests_for_a_review_stored_before_its_earlier_inspection(capsys):
    place = EstablishmentFactory()
    report, assessment = review(place)  # nothing earlier yet
    assert not LinkSuggestion.objects.exists()
    _, concern = inspection(place)  # imported afterwards, say

    assert main(["follow-up", "suggest", "--report", str(report.id)]) == 0
    assert top_suggestion(assessment).assessed_id == concern.id
    assert "1 reports checked" in capsys.readouterr().out
    assert main(["follow-up", "suggest", "--report", "987654"]) == 1
    assert "no report 987654" in capsys.readouterr().err

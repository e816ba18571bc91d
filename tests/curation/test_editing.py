"""Correcting the record: two people editing at once, the audit trail, undo, and the draft →
review → published workflow, as staff meet them through the pages."""

import re
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from factories import FindingFactory, ReportFactory, body, setting, sign_in, staff_member
from scrutiny.curation import services
from scrutiny.curation.models import Action, Change
from scrutiny.findings.models import Finding

pytestmark = pytest.mark.django_db


def finding_form(finding, **changes) -> dict:
    values = {
        "kind": finding.kind, "number": finding.number, "label_in_source": finding.label_in_source,
        "text": finding.text, "page": finding.page or "", "section": finding.section,
        "addressee": finding.addressee, "status": finding.status, "status_in_source": finding.status_in_source,
        "version": finding.version,
    }
    return {**values, **changes}


def as_person(role, body_slug=None) -> Client:
    return sign_in(Client(), staff_member(role, body_slug))


def test_of_two_people_editing_one_finding_the_second_is_told_and_keeps_their_text():
    finding = FindingFactory(report=ReportFactory(draft=True, body=body("imb")), text="Staff shuold record every search.")
    first, second = as_person("contributor", "imb"), as_person("editor")
    address = reverse("edit_finding", args=[finding.id])
    opened_first, opened_second = finding_form(finding), finding_form(finding)  # both open version 1

    assert first.post(address, {**opened_first, "text": "Staff should record every search."}).status_code == 302
    clash = second.post(address, {**opened_second, "text": "Staff should record every strip search."})

    assert clash.status_code == 409
    page = clash.content.decode()
    assert "Someone else saved a change while you were editing" in page
    assert "Staff should record every strip search." in page  # their text, kept in the form
    assert "Contributor imb" in page  # who saved first
    finding.refresh_from_db()
    assert finding.text == "Staff should record every search."  # nothing overwritten unseen
    # Having seen the other change, they save again on top of it.
    version = re.search(r'name="version" value="(\d+)"', page).group(1)
    again = second.post(address, {**opened_second, "version": version, "text": "Staff should record every strip search."})
    assert again.status_code == 302
    finding.refresh_from_db()
    assert (finding.text, finding.version) == ("Staff should record every strip search.", 3)


def test_every_edit_is_in_the_trail_with_who_when_before_and_after_and_can_be_undone():
    report = ReportFactory(draft=True, body=body("imb"))
    finding = FindingFactory(report=report, text="Cells were cold.", page=4)
    editor = as_person("editor")
    editor.post(reverse("edit_finding", args=[finding.id]), finding_form(finding, text="Cells were very cold.", page=5))

    change = Change.objects.get(action=Action.EDITED)
    assert (change.before, change.after) == ({"text": "Cells were cold.", "page": 4}, {"text": "Cells were very cold.", "page": 5})
    history = editor.get(reverse("manage_report", args=[report.id])).content.decode()
    assert "Cells were cold." in history and "Cells were very cold." in history and "Editor" in history

    assert editor.post(reverse("revert", args=[change.id])).status_code == 302
    finding.refresh_from_db()
    assert (finding.text, finding.page) == ("Cells were cold.", 4)
    undo = Change.objects.get(action=Action.REVERTED)
    assert undo.reverts == change and undo.after == {"text": "Cells were cold.", "page": 4}


def test_an_undo_is_refused_when_a_later_change_touched_the_same_words():
    finding = FindingFactory(report=ReportFactory(draft=True), text="One.")
    editor = staff_member("editor")
    first = services.edit_finding(editor, finding.id, 1, {"text": "Two."})
    services.edit_finding(editor, finding.id, 2, {"text": "Three."})
    with pytest.raises(services.RevertConflict, match="text changed again since"):
        services.revert(editor, first.id)
    finding.refresh_from_db()
    assert finding.text == "Three."


def test_a_contributor_sends_a_draft_for_review_and_only_an_editor_publishes_it():
    report = ReportFactory(draft=True, body=body("imb"), title="Annual report of the IMB at Thornmere")
    FindingFactory(report=report, text="The segregation unit was clean and calm.")
    contributor, editor, public = as_person("contributor", "imb"), as_person("editor"), Client()
    state = reverse("change_state", args=[report.id])

    page = contributor.get(reverse("manage_report", args=[report.id])).content.decode()
    assert "Send for review" in page and ">Publish<" not in page
    contributor.post(state, {"state": "in_review"})
    assert contributor.post(state, {"state": "published"}).status_code == 403
    assert public.get(reverse("report", args=[report.id])).status_code == 404

    editor.post(state, {"state": "published"})
    assert public.get(reverse("report", args=[report.id])).status_code == 200
    assert "segregation unit was clean" in public.get(reverse("findings"), {"q": "segregation"}).content.decode()

    editor.post(state, {"state": "draft"})  # unpublish
    assert public.get(reverse("report", args=[report.id])).status_code == 404
    assert not Finding.objects.filter(report=report, is_published=True).exists()
    actions = list(Change.objects.filter(report=report).order_by("at", "id").values_list("action", flat=True))
    assert actions == [Action.SUBMITTED, Action.PUBLISHED, Action.UNPUBLISHED]

    # Undoing the unpublishing publishes it again.
    services.revert(staff_member("editor"), Change.objects.get(action=Action.UNPUBLISHED).id)
    assert public.get(reverse("report", args=[report.id])).status_code == 200


def test_a_contributor_corrects_drafts_of_their_own_body_only():
    own_draft = ReportFactory(draft=True, body=body("imb"))
    other_draft = ReportFactory(draft=True, body=body("hmip"))
    own_published = ReportFactory(body=body("imb"))
    contributor = as_person("contributor", "imb")

    assert contributor.get(reverse("edit_report", args=[own_draft.id])).status_code == 200
    assert contributor.get(reverse("manage_report", args=[other_draft.id])).status_code == 404
    assert contributor.get(reverse("edit_report", args=[other_draft.id])).status_code == 404
    finding = FindingFactory(report=own_published)
    # A published report's finding can only be proposed for correction (see below).
    assert "Propose a correction to" in contributor.get(reverse("edit_finding", args=[finding.id])).content.decode()
    assert contributor.get(reverse("edit_report", args=[own_published.id])).status_code == 403
    listed = contributor.get(reverse("manage_reports")).content.decode()
    assert own_draft.title in listed and other_draft.title not in listed


def test_correcting_a_reports_date_and_setting_moves_its_findings_in_the_counts():
    report = ReportFactory(draft=True, published=date(2012, 3, 20))
    finding = FindingFactory(report=report)
    editor = as_person("editor")
    form = {
        "title": report.title, "report_type": report.report_type, "published": "2012-04-02",
        "setting": "yoi", "nation": "england", "fieldwork_start": "", "fieldwork_end": "", "legal_basis": "",
        "source_url": report.source_url, "version": report.version,
    }
    assert editor.post(reverse("edit_report", args=[report.id]), form).status_code == 302
    finding.refresh_from_db()
    assert (finding.year, finding.reporting_year, finding.setting) == (2012, 2012, setting("yoi"))
    change = Change.objects.get(action=Action.EDITED)
    assert change.after == {"published": "2012-04-02", "setting": "yoi"}
    # Undo puts both back, in the findings too.
    services.revert(staff_member("editor"), change.id)
    finding.refresh_from_db()
    assert (finding.reporting_year, finding.setting) == (2011, setting("adult-prison"))


def test_a_bad_correction_is_refused_field_by_field_and_nothing_is_saved():
    finding = FindingFactory(report=ReportFactory(draft=True), text="Kept as it was.")
    editor = as_person("editor")
    refused = editor.post(reverse("edit_finding", args=[finding.id]), finding_form(finding, text="", kind="nonsense", page="p. 4"))
    page = refused.content.decode()
    assert refused.status_code == 200 and "There is a problem" in page
    assert page.count('class="govuk-error-message"') == 3
    finding.refresh_from_db()
    assert (finding.text, finding.version) == ("Kept as it was.", 1)
    assert not Change.objects.exists()


def test_a_contributor_proposes_a_correction_to_a_published_finding_and_an_editor_applies_it():
    from scrutiny.curation.models import Proposal

    report = ReportFactory(body=body("imb"))
    finding = FindingFactory(report=report, text="Staff were kind and patiant.")
    contributor, editor, public = as_person("contributor", "imb"), as_person("editor"), Client()
    address = reverse("edit_finding", args=[finding.id])

    form = contributor.get(address).content.decode()
    assert "Propose a correction to" in form
    assert contributor.post(address, finding_form(finding, text="Staff were kind and patient.")).status_code == 302
    finding.refresh_from_db()
    assert finding.text == "Staff were kind and patiant."  # the public record waits for the secretariat
    assert "patiant" in public.get(reverse("finding", args=[finding.id])).content.decode()

    proposal = Proposal.objects.get()
    assert "Staff were kind and patient." in editor.get(reverse("manage")).content.decode()
    assert contributor.post(reverse("decide_proposal", args=[proposal.id]), {"decision": "accept"}).status_code == 403
    editor.post(reverse("decide_proposal", args=[proposal.id]), {"decision": "accept"})
    finding.refresh_from_db()
    assert finding.text == "Staff were kind and patient."
    proposal.refresh_from_db()
    assert proposal.state == "accepted" and proposal.decided_by_name == "Editor"
    change = Change.objects.get(action=Action.EDITED)
    assert change.description.startswith("Accepted Contributor imb's correction")
    assert "patient." in public.get(reverse("finding", args=[finding.id])).content.decode()


def test_a_proposal_overtaken_by_a_later_edit_is_not_applied_over_it():
    from scrutiny.curation.models import Proposal

    finding = FindingFactory(report=ReportFactory(body=body("imb")), text="Original.")
    services.propose(staff_member("contributor", "imb"), finding.id, 1, {"text": "Proposed."})
    editor = staff_member("editor")
    services.edit_finding(editor, finding.id, 1, {"text": "Edited meanwhile."})
    with pytest.raises(services.EditConflict):
        services.decide(editor, Proposal.objects.get().id, accept=True)
    finding.refresh_from_db()
    assert finding.text == "Edited meanwhile."
    assert Proposal.objects.get().state == "pending"
    services.decide(editor, Proposal.objects.get().id, accept=False)
    assert Proposal.objects.get().state == "rejected"

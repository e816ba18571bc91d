"""The secretariat records letters and replies, and the public reads the register."""

import html
import json
from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse

from correspondence.world import docx_bytes, key_issue, letter, pdf_bytes, reply, tracker_item, upload, with_file, xlsx_bytes
from factories import FindingFactory, ReportFactory, sign_in, staff_member
from scrutiny.api.exports import read_csv
from scrutiny.correspondence.models import Letter, letters_dir

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def files_folder(tmp_path, settings):
    settings.SCRUTINY_FILES_DIR = tmp_path / "files"
    return tmp_path / "files"


@pytest.fixture
def editor_client():
    return sign_in(Client(), staff_member("editor"))


def form_data(**changes) -> dict:
    data = {
        "sender": "npm", "subgroup": "", "recipient_name": "Ms Alex Example", "recipient_role": "Cabinet Secretary for Justice",
        "recipient_organisation": "Scottish Government", "recipient_nation": "scotland",
        "subject": "Deaths in police custody", "summary": "We asked for the review's timetable.", "status": "draft",
        "sent_on": "", "reply_working_days": "20", "finding_ids": "", "internal_notes": "Chair to follow up by phone.",
    }
    data.update(changes)
    return data


def test_an_editor_drafts_a_letter_sends_and_publishes_it_and_the_public_reads_it(editor_client, files_folder):
    issue = key_issue("Deaths in custody")
    hidden_item = tracker_item("Draft Mental Health Bill", published=False)
    finding = FindingFactory(text="Staff did not check the cell every hour as required.")
    data = form_data(key_issues=[issue.pk], tracker_items=[hidden_item.pk], finding_ids=str(finding.pk),
                     file=upload("Letter to Cabinet Secretary.pdf", pdf_bytes()))
    answer = editor_client.post(reverse("correspondence_new_letter"), data)
    assert answer.status_code == 302
    drafted = Letter.objects.get()
    stored = list((files_folder / "correspondence").iterdir())
    assert [p.name for p in stored] == [drafted.stored_name] and drafted.stored_name != "Letter to Cabinet Secretary.pdf"
    assert drafted.original_name == "Letter to Cabinet Secretary.pdf"

    # A draft is not on the register, even when someone asks to publish it.
    editor_client.post(reverse("correspondence_publish_letter", args=[drafted.pk]), {"publish": "yes"})
    assert Client().get(reverse("correspondence_letter", args=[drafted.pk])).status_code == 404

    # Sent on Fri 19 Dec 2025 to Scotland: due Thu 22 Jan 2026 (counted by hand in test_working_days).
    sent = form_data(status="sent", sent_on="2025-12-19", key_issues=[issue.pk], tracker_items=[hidden_item.pk], finding_ids=str(finding.pk))
    assert editor_client.post(reverse("correspondence_edit_letter", args=[drafted.pk]), sent).status_code == 302
    staff_page = editor_client.get(reverse("correspondence_manage_letter", args=[drafted.pk])).content.decode()
    assert "22 January 2026" in staff_page and "Chair to follow up by phone." in staff_page
    editor_client.post(reverse("correspondence_publish_letter", args=[drafted.pk]), {"publish": "yes"})

    public = Client()
    register = public.get(reverse("correspondence")).content.decode()
    assert "Deaths in police custody" in register and "We asked for the review" in register and "Cabinet Secretary for Justice, Scottish Government" in register
    page = public.get(reverse("correspondence_letter", args=[drafted.pk])).content.decode()
    assert "Deaths in custody" in page  # the published key issue
    assert "Draft Mental Health Bill" not in page  # the unpublished tracker item
    assert f"/findings/{finding.pk}" in page
    assert "Chair to follow up" not in page and "Ms Alex Example" not in page
    download = public.get(reverse("correspondence_letter_file", args=[drafted.pk]))
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content) == stored[0].read_bytes()
    assert "Letter to Cabinet Secretary.pdf" in download["Content-Disposition"]


def test_a_file_is_judged_by_what_it_holds_not_its_name(editor_client, files_folder):
    for name, content, words in [
        ("letter.pdf", b"Dear Minister, this is plain text.", "not a PDF"),
        ("letter.docx", xlsx_bytes(), "Excel or PowerPoint"),
        ("letter.txt", b"Dear Minister", "not a PDF or Word"),
    ]:
        answer = editor_client.post(reverse("correspondence_new_letter"), form_data(file=upload(name, content)))
        assert answer.status_code == 400
        assert words in answer.content.decode()
    assert not Letter.objects.exists()
    assert not (files_folder / "correspondence").exists() or not list((files_folder / "correspondence").iterdir())


def test_a_word_reply_is_recorded_and_published_with_its_letter(editor_client):
    sent = letter(is_published=True)
    answer = editor_client.post(reverse("correspondence_new_reply", args=[sent.pk]), {
        "received_on": "2026-01-20", "summary": "The Minister agreed to *review* the policy.",
        "file": upload("Reply.docx", docx_bytes()),
    })
    assert answer.status_code == 302
    public = Client()
    assert "The Minister agreed" not in public.get(reverse("correspondence_letter", args=[sent.pk])).content.decode()
    answer_reply = sent.replies.get()
    assert public.get(reverse("correspondence_reply_file", args=[sent.pk, answer_reply.pk])).status_code == 404

    editor_client.post(reverse("correspondence_publish_reply", args=[answer_reply.pk]), {"publish": "yes"})
    page = public.get(reverse("correspondence_letter", args=[sent.pk])).content.decode()
    assert "The Minister agreed to <em>review</em> the policy." in page
    download = public.get(reverse("correspondence_reply_file", args=[sent.pk, answer_reply.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"PK\x03\x04")


def test_a_reply_cannot_arrive_before_its_letter_was_sent(editor_client):
    sent = letter(sent_on=date(2025, 12, 19))
    answer = editor_client.post(reverse("correspondence_new_reply", args=[sent.pk]), {"received_on": "2025-12-18"})
    assert answer.status_code == 400 and "before the letter was sent" in answer.content.decode()
    assert not sent.replies.exists()


def test_overdue_letters_are_the_sent_ones_with_no_reply_past_their_due_date(editor_client):
    long_ago = date.today() - timedelta(days=90)
    overdue = letter(subject="Overdue: restraint of children", sent_on=long_ago)
    letter(subject="Answered: food in prisons", sent_on=long_ago).replies.create(received_on=long_ago + timedelta(days=10))
    letter(subject="Recent: visits", sent_on=date.today() - timedelta(days=1))
    letter(subject="Draft: healthcare", status="draft", sent_on=None)
    for address in (reverse("correspondence_overdue"), reverse("correspondence_manage") + "?overdue=yes"):
        text = editor_client.get(address).content.decode()
        assert "Overdue: restraint of children" in text, address
        assert "Answered" not in text and "Recent: visits" not in text and "Draft: healthcare" not in text, address
    assert overdue.reply_due < date.today()
    drafts = editor_client.get(reverse("correspondence_manage") + "?status=draft").content.decode()
    assert "Draft: healthcare" in drafts and "Overdue: restraint" not in drafts


def test_the_working_days_allowed_can_be_changed_for_one_letter(editor_client):
    recorded = letter(status="draft", sent_on=None)
    # Sent Thu 2 Apr 2026 to Scotland with 2 working days: Mon 6 Apr (Easter Monday is worked in Scotland), Tue 7 Apr.
    data = form_data(status="sent", sent_on="2026-04-02", reply_working_days="2")
    assert editor_client.post(reverse("correspondence_edit_letter", args=[recorded.pk]), data).status_code == 302
    recorded.refresh_from_db()
    assert recorded.reply_due == date(2026, 4, 7)


@pytest.mark.parametrize("changes, message", [
    ({"status": "sent", "sent_on": ""}, "Enter the date the letter was sent"),
    ({"status": "sent", "sent_on": "2025-02-30"}, "Enter the date sent as YYYY-MM-DD"),
    ({"sender": "subgroup", "subgroup": ""}, "Enter the name of the subgroup"),
    ({"finding_ids": "99999999"}, "There is no finding numbered 99999999"),
    ({"recipient_organisation": ""}, "Enter the recipient's organisation"),
])
def test_a_letter_with_a_problem_is_not_saved_and_the_form_says_why(editor_client, changes, message):
    answer = editor_client.post(reverse("correspondence_new_letter"), form_data(**changes))
    assert answer.status_code == 400
    assert message in html.unescape(answer.content.decode())
    assert not Letter.objects.exists()


def test_a_letter_taken_back_to_draft_leaves_the_register(editor_client):
    recorded = letter(is_published=True)
    assert Client().get(reverse("correspondence_letter", args=[recorded.pk])).status_code == 200
    editor_client.post(reverse("correspondence_edit_letter", args=[recorded.pk]), form_data(status="draft"))
    assert Client().get(reverse("correspondence_letter", args=[recorded.pk])).status_code == 404


def test_the_register_exports_public_fields_only():
    issue = key_issue("Segregation of children")
    shown = letter(is_published=True, internal_notes="Do not quote the Minister.", recipient_name="Ms Alex Example", key_issues=[issue])
    reply(shown, is_published=True, received_on=date(2026, 1, 21))
    reply(shown, is_published=False, received_on=date(2026, 2, 2), summary="A second reply, not for the public.")
    letter(subject="Unpublished letter", is_published=False)
    about, rows = read_csv(b"".join(Client().get("/correspondence.csv").streaming_content).decode())
    assert "Open Government Licence" in about["licence"]
    assert [row["subject"] for row in rows] == ["Use of segregation for children"]
    assert rows[0]["key_issues"] == "Segregation of children" and rows[0]["replies"] == "2026-01-21"
    assert rows[0]["reply_due"] == "2026-01-21"  # UK-wide counts as England and Wales: Wed 21 Jan
    assert "internal_notes" not in rows[0] and "recipient_name" not in rows[0]
    data = json.loads(b"".join(Client().get("/correspondence.json").streaming_content))
    assert [row["subject"] for row in data["rows"]] == ["Use of segregation for children"]
    assert "Do not quote" not in json.dumps(data) and "Ms Alex Example" not in json.dumps(data)


def test_only_correspondence_editors_reach_the_staff_pages():
    recorded = letter()
    addresses = [reverse("correspondence_manage"), reverse("correspondence_new_letter"), reverse("correspondence_overdue"),
                 reverse("correspondence_manage_letter", args=[recorded.pk])]
    for address in addresses:
        assert Client().get(address).status_code == 302  # to sign in
        assert sign_in(Client(), staff_member("contributor", "hmip")).get(address).status_code == 403
        assert sign_in(Client(), staff_member("scotland")).get(address).status_code == 403


def test_the_staff_home_links_to_correspondence_for_those_who_may_use_it():
    from scrutiny.curation.tools import tools_for

    assert "correspondence_manage" in [tool.url_name for tool in tools_for(staff_member("editor"))]
    assert "correspondence_manage" not in [tool.url_name for tool in tools_for(staff_member("contributor", "hmip"))]
    assert "correspondence_manage" not in [tool.url_name for tool in tools_for(staff_member("scotland"))]


def test_a_file_removed_from_disk_reads_as_not_found(files_folder):
    recorded = with_file(letter(is_published=True), "letter.pdf", pdf_bytes())
    (letters_dir() / recorded.stored_name).unlink()
    assert Client().get(reverse("correspondence_letter_file", args=[recorded.pk])).status_code == 404


def test_a_file_over_the_size_limit_is_refused_before_it_is_kept(editor_client, settings, files_folder):
    settings.SCRUTINY_UPLOAD_MAX_BYTES = 500
    content = pdf_bytes("A long letter. " * 200)
    assert len(content) > 500
    answer = editor_client.post(reverse("correspondence_new_letter"), form_data(file=upload("letter.pdf", content)))
    assert answer.status_code == 400 and "larger than the 500 bytes limit" in answer.content.decode()
    assert not Letter.objects.exists() and not (files_folder / "correspondence").exists()

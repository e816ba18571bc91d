"""Nothing the public must not see leaks from the correspondence: role × surface.

Drafts (even one wrongly flagged for the register), sent letters not published, replies not
published, internal notes, the recipient's own name, and unpublished records a letter links to.
Each public surface is read before the hidden things exist and after, by each role, and must be
identical; a hidden record's own address (page or file) must answer exactly as an address that
never existed does. In the manner of tests/leaks/test_leak_matrix.py."""

import re
from datetime import date

import pytest
from django.test import Client

from correspondence.world import docx_bytes, key_issue, letter, pdf_bytes, reply, tracker_item, with_file
from factories import FindingFactory, ReportFactory, sign_in, staff_member

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "contributor", "scotland", "editor"]
MARKER = "Quillwort"  # a word only the hidden records use
NOTES = "Sundew"  # in the published letter's internal notes and recipient's name: never public
NEVER = 999_999

PUBLIC_SURFACES = {
    "register": "/correspondence",
    "register in Welsh": "/cy/correspondence",
    "register page 2": "/correspondence?page=2",
    "CSV export": "/correspondence.csv",
    "JSON export": "/correspondence.json",
    "XLSX export": "/correspondence.xlsx",
    "published letter": "/correspondence/{shown}",
    "published letter in Welsh": "/cy/correspondence/{shown}",
    "published letter's file": "/correspondence/{shown}/file",
    "published reply's file": "/correspondence/{shown}/replies/{shown_reply}/file",
}
# Each hidden address, and the address of the same shape that never existed.
DIRECT_SURFACES = {
    "draft letter flagged for the register": ("/correspondence/{draft}", "/correspondence/{never}"),
    "draft letter's file": ("/correspondence/{draft}/file", "/correspondence/{never}/file"),
    "draft letter in Welsh": ("/cy/correspondence/{draft}", "/cy/correspondence/{never}"),
    "sent letter not published": ("/correspondence/{unpublished}", "/correspondence/{never}"),
    "its file": ("/correspondence/{unpublished}/file", "/correspondence/{never}/file"),
    "unpublished reply's file": ("/correspondence/{shown}/replies/{hidden_reply}/file", "/correspondence/{shown}/replies/{never}/file"),
    "published reply to a draft": ("/correspondence/{draft}/replies/{draft_reply}/file", "/correspondence/{never}/replies/{never}/file"),
    "reply under another letter's address": ("/correspondence/{shown}/replies/{draft_reply}/file", "/correspondence/{shown}/replies/{never}/file"),
}
STAFF_SURFACES = [
    "/manage/correspondence", "/manage/correspondence/overdue", "/manage/correspondence/{unpublished}",
    "/manage/correspondence/{unpublished}/file", "/manage/correspondence/replies/{hidden_reply}/file",
]


@pytest.fixture(autouse=True)
def files_folder(tmp_path, settings):
    settings.SCRUTINY_FILES_DIR = tmp_path / "files"


def client_for(role: str) -> Client:
    if role == "anonymous":
        return Client()
    return sign_in(Client(), staff_member(role, "hmip" if role == "contributor" else None))


def published_world() -> dict:
    shown = with_file(letter(
        is_published=True, internal_notes=f"{NOTES}: the Minister's office rang to complain.",
        recipient_name=f"Ms {NOTES} Example", key_issues=[key_issue("Segregation of children")],
    ), "letter.pdf", pdf_bytes("Dear Minister"))
    shown_reply = with_file(reply(shown, is_published=True, summary="The Minister agreed."), "reply.docx", docx_bytes())
    return {"shown": shown.pk, "shown_reply": shown_reply.pk, "never": NEVER}


def add_hidden(world: dict) -> dict:
    from scrutiny.correspondence.models import Letter

    draft = with_file(letter(subject=f"Draft letter on {MARKER}", status="draft", sent_on=None), "draft.pdf", pdf_bytes(MARKER))
    Letter.objects.filter(pk=draft.pk).update(is_published=True)  # wrongly flagged: still a draft
    draft_reply = with_file(reply(draft, is_published=True, summary=f"{MARKER} reply"), "r.docx", docx_bytes(MARKER))
    unpublished = with_file(letter(subject=f"Letter on {MARKER}", is_published=False), "sent.pdf", pdf_bytes(MARKER))
    shown = Letter.objects.get(pk=world["shown"])
    hidden_reply = with_file(reply(shown, is_published=False, summary=f"A {MARKER} reply kept back"), "kept.pdf", pdf_bytes(MARKER))
    # Unpublished records the published letter links to.
    shown.key_issues.add(key_issue(f"{MARKER} key issue", published=False))
    shown.tracker_items.add(tracker_item(f"{MARKER} tracker item", published=False))
    shown.findings.add(FindingFactory(report=ReportFactory(draft=True), text=f"{MARKER} finding", is_published=False))
    return {**world, "draft": draft.pk, "draft_reply": draft_reply.pk, "unpublished": unpublished.pk, "hidden_reply": hidden_reply.pk}


def read(client: Client, address: str) -> tuple[int, str]:
    response = client.get(address)
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Type", "").startswith("application/vnd.openxmlformats-officedocument.spreadsheetml"):
        import io

        import openpyxl

        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
        text = "\n".join(repr(row) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True))
    elif response.get("Content-Type", "") in ("application/pdf",) or content.startswith(b"PK"):
        text = content.decode("latin-1")  # a file: compared byte for byte, searched as bytes
    else:
        text = content.decode()
    text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", text)
    return response.status_code, re.sub(r'nonce="[^"]+"', "", text)


@pytest.mark.parametrize("role", ROLES)
def test_public_surfaces_answer_as_if_the_hidden_correspondence_did_not_exist(role):
    world = published_world()
    client = client_for(role)
    before = {name: read(client, address.format(**world)) for name, address in PUBLIC_SURFACES.items()}
    assert {name: status for name, (status, _) in before.items()} == {name: 200 for name in PUBLIC_SURFACES}
    world = add_hidden(world)
    for name, address in PUBLIC_SURFACES.items():
        status, text = read(client, address.format(**world))
        assert (status, text) == before[name], f"{name} changed for {role}"
        assert MARKER not in text and NOTES not in text, f"{name} leaked to {role}"
    for name, (address, never) in DIRECT_SURFACES.items():
        answer, nothing = read(client, address.format(**world)), read(client, never.format(**world))
        assert answer[0] == 404, f"{name} answered {answer[0]} for {role}"
        assert answer == nothing, f"{name} says more than 'not found' to {role}"


@pytest.mark.parametrize("role", ROLES)
def test_staff_pages_show_hidden_correspondence_only_to_those_who_edit_it(role):
    world = add_hidden(published_world())
    client = client_for(role)
    for address in STAFF_SURFACES:
        status, text = read(client, address.format(**world))
        if role == "editor":
            assert status == 200, f"{address} refused the editor"
        else:
            assert status in (302, 403), f"{address} answered {status} for {role}"
            assert MARKER not in text and NOTES not in text, f"{address} leaked to {role}"


def test_the_published_letter_itself_never_shows_its_notes_or_the_recipients_name():
    # The marker test above reads every public surface; this says the same for one page, plainly.
    world = published_world()
    page = Client().get(f"/correspondence/{world['shown']}").content.decode()
    assert "Minister for Prisons" in page and "Ministry of Justice" in page
    assert NOTES not in page and "rang to complain" not in page


def test_the_matrix_covers_every_role_and_surface(capsys):
    cells = len(ROLES) * (len(PUBLIC_SURFACES) + len(DIRECT_SURFACES) + len(STAFF_SURFACES))
    with capsys.disabled():
        print(f"\ncorrespondence leak matrix: {len(ROLES)} roles x "
              f"{len(PUBLIC_SURFACES) + len(DIRECT_SURFACES) + len(STAFF_SURFACES)} surfaces = {cells} cells")

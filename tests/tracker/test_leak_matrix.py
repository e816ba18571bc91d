"""Nothing internal of the Policy Tracker or Key Issues leaks: role × surface, in the manner of
tests/leaks/test_leak_matrix.py. The internal things are a draft item with its milestones, the
internal notes and owner of a published item, an action document not marked public, and a draft
key issue, each carrying a word nothing public uses.

Each public surface (pages, the public calendar, the exports) is fetched before the internal
things exist and after, as each role; the two answers must be identical, and never hold the
word. The direct address of a draft answers exactly as an address that never existed does."""

import re
from datetime import date, timedelta

import pytest
from django.test import Client

from factories import sign_in, staff_member
from scrutiny.key_issues.models import KeyIssue
from scrutiny.tracker.models import ActionDocument, Item, Milestone

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "contributor", "editor"]
MARKER = "Quillwort"

PUBLIC_SURFACES = [
    "/tracker", "/tracker?kind=consultation", "/tracker?jurisdiction=scotland&stage=open", "/tracker/segregation-consultation",
    "/tracker.ics", "/tracker.csv", "/tracker.json", "/tracker.xlsx", "/tracker.csv?kind=consultation",
    "/key-issues", "/key-issues/segregation", "/cy/tracker", "/cy/tracker/segregation-consultation", "/cy/key-issues/segregation",
    "/findings?theme=segregation", "/api/v1/findings?theme=segregation", "/sitemap.xml",
]
# Direct addresses of internal records, and addresses shaped alike that never existed.
DIRECT = {
    "draft item": ("/tracker/{draft_slug}", "/tracker/never-existed"),
    "draft key issue": ("/key-issues/{draft_issue}", "/key-issues/never-existed"),
    "internal document": ("/tracker/segregation-consultation/documents/{private_document}", "/tracker/segregation-consultation/documents/999999"),
    "draft item's document": ("/tracker/{draft_slug}/documents/{draft_document}", "/tracker/never-existed/documents/999998"),
}
STAFF_SURFACES = ["/manage/tracker", "/manage/tracker/horizon", "/manage/tracker/{draft_id}", "/manage/key-issues",
                  "/manage/key-issues/{draft_issue_id}/preview", "/manage/tracker/export.csv"]


def client_for(role: str) -> Client:
    if role == "anonymous":
        return Client()
    return sign_in(Client(), staff_member(role, "hmip" if role == "contributor" else None))


def published_world(tmp_path) -> dict:
    issue = KeyIssue.objects.create(slug="segregation", title="Segregation of children", is_published=True,
                                    summary="Children held apart for long periods.", evidence_filter="theme=segregation")
    item = Item.objects.create(slug="segregation-consultation", title="Consultation on segregation rules", kind="consultation",
                               jurisdiction="scotland", stage="open", lead="Scottish Government", is_published=True,
                               summary="Proposed changes to the rules on segregation.")
    item.key_issues.add(issue)
    Milestone.objects.create(item=item, kind="deadline", date=date(2030, 3, 31), label="Responses due")
    ActionDocument.objects.create(item=item, title="Our published response", link="https://example.org/response", is_public=True)
    return {"item": item}


def add_internal(world: dict) -> dict:
    """Everything staff keep to themselves, on the published item and beside it."""
    from django.core.files.base import ContentFile

    item = world["item"]
    owner = staff_member("editor")
    owner.first_name = MARKER
    owner.save()
    item.notes = f"{MARKER}: the minister's office told us privately"
    item.owner = owner
    item.action = "drafting"
    item.save()
    private = ActionDocument.objects.create(item=item, title=f"{MARKER} draft response", is_public=False)
    private.file.save("draft.txt", ContentFile(f"{MARKER} draft".encode()))
    draft = Item.objects.create(slug="quillwort-inquiry", title=f"{MARKER} inquiry", kind="consultation", jurisdiction="scotland",
                                stage="open", is_published=False, summary=f"{MARKER} summary")
    Milestone.objects.create(item=draft, kind="deadline", date=date.today() + timedelta(days=20), label=f"{MARKER} deadline")
    draft_document = ActionDocument.objects.create(item=draft, title="Public-marked document of a draft", is_public=True)
    draft_document.file.save("d.txt", ContentFile(b"x"))
    draft_issue = KeyIssue.objects.create(slug="quillwort-issue", title=f"{MARKER} issue", is_published=False, evidence_filter="theme=segregation")
    draft.key_issues.add(KeyIssue.objects.get(slug="segregation"))  # a draft item linked to the published issue
    item.key_issues.add(draft_issue)  # a draft issue linked to the published item
    return {"draft_slug": draft.slug, "draft_id": draft.id, "draft_issue": draft_issue.slug, "draft_issue_id": draft_issue.id,
            "private_document": private.id, "draft_document": draft_document.id}


def readable(response) -> str:
    """Streamed exports joined; a workbook as its cells (its zip holds the time it was written)."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Type", "").startswith("application/vnd.openxmlformats"):
        import io

        import openpyxl

        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
        return "\n".join(repr(row) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True))
    return content.decode()


def page(client: Client, address: str) -> tuple[int, str]:
    response = client.get(address)
    text = readable(response)
    text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", text)
    text = re.sub(r'nonce="[^"]+"', "", text)
    # A calendar event's DTSTAMP is when its item last changed: editing the notes changes the
    # time (a calendar must refresh the event) but says nothing of what changed.
    text = re.sub(r"DTSTAMP:\S+", "DTSTAMP", text)
    return response.status_code, text


@pytest.fixture
def files(tmp_path, settings):
    settings.SCRUTINY_FILES_DIR = tmp_path


@pytest.mark.parametrize("role", ROLES)
def test_public_surfaces_answer_as_if_nothing_internal_existed(role, files, tmp_path):
    world = published_world(tmp_path)
    client = client_for(role)
    before = {address: page(client, address) for address in PUBLIC_SURFACES}
    never = {name: page(client, missing) for name, (__, missing) in DIRECT.items()}
    assert all(status == 200 for status, __ in before.values()), before
    world.update(add_internal(world))
    for address in PUBLIC_SURFACES:
        status, text = page(client, address)
        assert (status, text) == before[address], f"{address} changed for {role}"
        assert MARKER not in text, f"{address} leaked to {role}"
    for name, (shape, __) in DIRECT.items():
        status, text = page(client, shape.format(**world))
        assert status == 404, f"{name} answered {status} for {role}"
        assert (status, text) == never[name], f"{name} says more than 'not found' for {role}"


@pytest.mark.parametrize("role", ROLES)
def test_staff_surfaces_show_internal_work_to_editors_only(role, files, tmp_path):
    world = published_world(tmp_path)
    world.update(add_internal(world))
    client = client_for(role)
    for shape in STAFF_SURFACES:
        status, text = page(client, shape.format(**world))
        if role == "editor":
            assert status == 200 and MARKER in text, shape
        else:
            assert status in (302, 403), f"{shape} answered {status} for {role}"
            assert MARKER not in text


def test_the_public_calendar_never_holds_a_drafts_milestone_even_after_it_was_unpublished(files, tmp_path):
    world = published_world(tmp_path)
    item = world["item"]
    item.is_published = False
    item.save()
    body = Client().get("/tracker.ics").content.decode()
    assert "BEGIN:VCALENDAR" in body and "VEVENT" not in body
    assert Client().get("/tracker/segregation-consultation").status_code == 404

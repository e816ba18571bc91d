"""The Policy Tracker as the secretariat and the public meet it: adding and publishing items with
their milestones, the horizon of deadlines and overdue actions, the calendar feeds, and the
spreadsheet import and exports."""

import json
from datetime import date, timedelta

import pytest
from django.test import Client
from icalendar import Calendar

from factories import sign_in, staff_member
from scrutiny.api.exports import read_csv
from scrutiny.tracker.models import Action, FeedToken, Item, Milestone, MilestoneKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client():
    return sign_in(Client(), staff_member("editor"))


def make_item(slug="mental-health-bill", published=True, **values) -> Item:
    defaults = {"title": slug.replace("-", " ").title(), "kind": "bill", "jurisdiction": "england_and_wales", "lead": "Department of Health",
                "stage": "in_progress", "summary": "Reforms detention under the Mental Health Act.", "is_published": published}
    return Item.objects.create(slug=slug, **{**defaults, **values})


def test_an_editor_adds_an_item_and_a_form_with_no_title_lists_the_problem(editor_client):
    empty = editor_client.post("/manage/tracker/new", {"slug": "x", "kind": "bill", "jurisdiction": "uk", "stage": "open", "action": "none"})
    assert empty.status_code == 400
    assert "There is a problem" in empty.content.decode() and 'href="#id_title"' in empty.content.decode()

    answer = editor_client.post("/manage/tracker/new", {
        "title": "Call for evidence on segregation", "slug": "segregation-call", "kind": "consultation", "treaty": "",
        "jurisdiction": "scotland", "lead": "Scottish Parliament", "stage": "open", "action": "drafting",
        "notes": "Ask the HMIPS lead to draft", "summary": "", "link": "https://example.org/call",
    })
    assert answer.status_code == 302
    item = Item.objects.get(slug="segregation-call")
    assert item.kind == "consultation" and item.jurisdiction == "scotland" and not item.is_published

    editor_client.post(f"/manage/tracker/{item.id}/milestones", {"milestone-kind": "deadline", "milestone-date": "2030-03-31", "milestone-label": "Closes"})
    assert list(item.milestones.values_list("kind", "date")) == [("deadline", date(2030, 3, 31))]
    assert Client().get("/tracker/segregation-call").status_code == 404  # a draft

    editor_client.post(f"/manage/tracker/{item.id}/publish")
    page = Client().get("/tracker/segregation-call").content.decode()
    assert "Call for evidence on segregation" in page and "31 March 2030" in page
    assert "Ask the HMIPS lead" not in page and "Drafting" not in page


def test_a_milestone_with_a_bad_date_is_refused_with_its_error_and_one_can_be_removed(editor_client):
    item = make_item()
    refused = editor_client.post(f"/manage/tracker/{item.id}/milestones", {"milestone-kind": "hearing", "milestone-date": "31/02/2030"})
    assert refused.status_code == 400 and "Enter a date written like 2025-03-31" in refused.content.decode()
    kept = Milestone.objects.create(item=item, kind="hearing", date=date(2030, 1, 2))
    gone = Milestone.objects.create(item=item, kind="other", date=date(2030, 1, 3))
    editor_client.post(f"/manage/tracker/{item.id}/milestones/{gone.id}/remove")
    assert list(item.milestones.all()) == [kept]


def test_the_public_list_shows_published_items_and_filters_by_kind_jurisdiction_and_stage():
    make_item("mental-health-bill", kind="bill", jurisdiction="england_and_wales", stage="in_progress")
    make_item("uncat-review", title="UNCAT seventh periodic review", kind="treaty", treaty="uncat", jurisdiction="international", stage="upcoming")
    make_item("secret-draft", title="Not yet announced inquiry", kind="inquiry", published=False)
    client = Client()
    everything = client.get("/tracker").content.decode()
    assert "Mental Health Bill" in everything and "UNCAT seventh periodic review" in everything
    assert "Not yet announced" not in everything
    treaties = client.get("/tracker?kind=treaty").content.decode()
    assert "UNCAT seventh" in treaties and "Mental Health Bill" not in treaties
    assert "Mental Health Bill" in client.get("/tracker?jurisdiction=england_and_wales&stage=in_progress").content.decode()
    assert "Mental Health Bill" not in client.get("/tracker?stage=upcoming").content.decode()


def test_the_horizon_groups_deadlines_by_30_60_90_days_and_lists_overdue_actions(editor_client):
    today = date.today()
    soon = make_item("soon", title="Soon consultation", action=Action.DRAFTING)
    later = make_item("later", title="Later inquiry", published=False)
    far = make_item("far", title="Far away review")
    late = make_item("late", title="Late consultation", action=Action.CONSIDERING)
    answered = make_item("answered", title="Answered consultation", action=Action.SUBMITTED)
    Milestone.objects.create(item=soon, kind=MilestoneKind.DEADLINE, date=today + timedelta(days=10))
    Milestone.objects.create(item=later, kind=MilestoneKind.DEADLINE, date=today + timedelta(days=45))
    Milestone.objects.create(item=far, kind=MilestoneKind.DEADLINE, date=today + timedelta(days=120))
    Milestone.objects.create(item=late, kind=MilestoneKind.DEADLINE, date=today - timedelta(days=3))
    Milestone.objects.create(item=answered, kind=MilestoneKind.DEADLINE, date=today - timedelta(days=3))
    page = editor_client.get("/manage/tracker/horizon").content.decode()
    within_30 = page[page.index('id="within-30"'):page.index('id="within-60"')]
    within_60 = page[page.index('id="within-60"'):page.index('id="within-90"')]
    overdue = page[page.index('id="overdue"'):page.index('id="within-30"')]
    assert "Soon consultation" in within_30 and "Later inquiry" not in within_30
    assert "Later inquiry" in within_60
    assert "Far away review" not in page
    assert "Late consultation" in overdue and "Answered consultation" not in overdue


def events(body: bytes) -> list:
    return Calendar.from_ical(body).walk("VEVENT")


def test_the_public_calendar_has_every_milestone_of_published_items_as_all_day_events():
    bill = make_item("mental-health-bill")
    uncat = make_item("uncat-review", title="UNCAT review", kind="treaty", treaty="uncat")
    draft = make_item("draft-item", title="Hidden draft", published=False)
    published_milestones = [
        Milestone.objects.create(item=bill, kind="hearing", date=date(2030, 5, 1), label="Committee stage"),
        Milestone.objects.create(item=bill, kind="outcome_due", date=date(2030, 9, 1)),
        Milestone.objects.create(item=uncat, kind="deadline", date=date(2030, 6, 30), label="Submissions to the committee"),
    ]
    Milestone.objects.create(item=draft, kind="deadline", date=date(2030, 7, 1))
    answer = Client().get("/tracker.ics")
    assert answer["Content-Type"] == "text/calendar; charset=utf-8"
    found = events(answer.content)
    assert sorted(str(e["UID"]) for e in found) == sorted(f"milestone-{m.id}@tracker.scrutiny.npm" for m in published_milestones)
    by_uid = {str(e["UID"]): e for e in found}
    hearing = by_uid[f"milestone-{published_milestones[0].id}@tracker.scrutiny.npm"]
    assert hearing.decoded("DTSTART") == date(2030, 5, 1)  # a date, not a time: all day
    assert str(hearing["SUMMARY"]) == "Committee stage: Mental Health Bill"
    assert str(hearing["URL"]).endswith("/tracker/mental-health-bill")
    assert "DTSTAMP" in hearing and "Department of Health" in str(hearing["DESCRIPTION"])
    assert b"Hidden draft" not in answer.content
    # Asked again, the same events keep the same identities, so calendars update them in place.
    assert sorted(str(e["UID"]) for e in events(Client().get("/tracker.ics").content)) == sorted(by_uid)


def test_an_empty_public_calendar_is_still_a_valid_calendar():
    answer = Client().get("/tracker.ics")
    assert answer.status_code == 200 and answer["Content-Type"] == "text/calendar; charset=utf-8"
    parsed = Calendar.from_ical(answer.content)
    assert str(parsed["VERSION"]) == "2.0" and "PRODID" in parsed and parsed.walk("VEVENT") == []


def test_the_private_calendar_shows_drafts_to_its_holder_and_refuses_a_revoked_link():
    person = staff_member("editor")
    client = sign_in(Client(), person)
    draft = make_item("draft-item", title="Hidden draft", published=False, notes="internal only")
    Milestone.objects.create(item=draft, kind="deadline", date=date(2030, 7, 1))

    first = client.post("/manage/tracker/calendar").content.decode()
    old_address = first[first.index("/tracker/private/"):first.index(".ics", first.index("/tracker/private/")) + 4]
    feed = Client().get(old_address)
    assert feed.status_code == 200
    assert [str(e["SUMMARY"]) for e in events(feed.content)] == ["Deadline: Hidden draft"]
    token = old_address.split("/")[-1].removesuffix(".ics")
    assert not FeedToken.objects.filter(token_hash=token).exists()  # only its fingerprint is kept

    second = client.post("/manage/tracker/calendar").content.decode()
    new_address = second[second.index("/tracker/private/"):second.index(".ics", second.index("/tracker/private/")) + 4]
    assert new_address != old_address
    assert Client().get(old_address).status_code == 404
    assert Client().get(new_address).status_code == 200
    assert Client().get("/tracker/private/guessed-token.ics").status_code == 404


def test_a_person_who_loses_the_tracker_permission_loses_their_private_calendar():
    from scrutiny.tracker.services import new_feed_token

    person = staff_member("editor")
    token = new_feed_token(person)
    assert Client().get(f"/tracker/private/{token}.ics").status_code == 200
    person.memberships.all().delete()
    assert Client().get(f"/tracker/private/{token}.ics").status_code == 404


SPREADSHEET = (
    "slug,title,kind,jurisdiction,lead,stage,action,owner,notes,themes,deadline,hearing,published\r\n"
    "mental-health-bill,Mental Health Bill,bill,england_and_wales,DHSC,in_progress,drafting,{owner},Brief the chair,segregation,2030-02-01,2030-01-10;2030-01-17,yes\r\n"
    "uncat-review,UNCAT periodic review,Treaty process,international,UN CAT,upcoming,none,,,,2030-04-01,,no\r\n"
)


def upload(client, text: str, name: str = "tracker.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post("/manage/tracker/import", {"step": "check", "file": SimpleUploadedFile(name, text.encode(), "text/csv")})


def test_importing_the_spreadsheet_checks_first_then_stores_every_row_with_its_milestones():
    owner = staff_member("editor", name="owner@npm.example.org")
    client = sign_in(Client(), owner)
    checked = upload(client, SPREADSHEET.format(owner="owner@npm.example.org"))
    assert "2 items, no problems" in checked.content.decode()
    assert not Item.objects.exists()  # a dry run stores nothing
    client.post("/manage/tracker/import", {"step": "confirm"})
    bill = Item.objects.get(slug="mental-health-bill")
    assert (bill.is_published, bill.action, bill.owner, bill.notes) == (True, "drafting", owner, "Brief the chair")
    assert [t.slug for t in bill.themes.all()] == ["segregation"]
    assert sorted((m.kind, m.date.isoformat()) for m in bill.milestones.all()) == [
        ("deadline", "2030-02-01"), ("hearing", "2030-01-10"), ("hearing", "2030-01-17")]
    review = Item.objects.get(slug="uncat-review")
    assert review.kind == "treaty" and not review.is_published
    # Imported again, nothing is doubled.
    upload(client, SPREADSHEET.format(owner="owner@npm.example.org"))
    client.post("/manage/tracker/import", {"step": "confirm"})
    assert Milestone.objects.count() == 4 and Item.objects.count() == 2


def test_an_import_with_problems_lists_each_by_row_and_column_and_stores_nothing(editor_client):
    bad = SPREADSHEET.format(owner="nobody@example.org").replace("2030-04-01", "1 April 2030").replace(",bill,", ",statute,")
    page = upload(editor_client, bad).content.decode()
    assert "nothing was stored" in page
    problems = page[page.index('id="import-problems"'):]
    rows = [(cells[0], cells[1]) for cells in _table_rows(problems)]
    assert ("2", "kind") in rows and ("2", "owner") in rows and ("3", "deadline") in rows
    editor_client.post("/manage/tracker/import", {"step": "confirm"})
    assert not Item.objects.exists()


def _table_rows(html: str) -> list[list[str]]:
    import re

    body = html[html.index("<tbody"):html.index("</tbody>")]
    return [[re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)]


def test_the_public_export_has_published_items_without_internal_fields_and_the_staff_export_has_all(editor_client):
    make_item("mental-health-bill", notes="Brief the chair", action="drafting", owner=staff_member("editor", name="owner@npm.example.org"))
    make_item("secret-draft", title="Not yet announced", published=False)
    about, rows = read_csv(b"".join(Client().get("/tracker.csv").streaming_content).decode())
    assert [r["slug"] for r in rows] == ["mental-health-bill"]
    assert not {"notes", "owner", "action", "published"} & set(rows[0])
    assert "Open Government Licence" in about["licence"]
    public_json = json.loads(b"".join(Client().get("/tracker.json").streaming_content))
    assert "Brief the chair" not in json.dumps(public_json) and "owner@npm" not in json.dumps(public_json)

    __, staff_rows = read_csv(b"".join(editor_client.get("/manage/tracker/export.csv").streaming_content).decode())
    assert {r["slug"] for r in staff_rows} == {"mental-health-bill", "secret-draft"}
    bill = next(r for r in staff_rows if r["slug"] == "mental-health-bill")
    assert (bill["notes"], bill["owner"], bill["action"]) == ("Brief the chair", "owner@npm.example.org", "drafting")


def test_the_staff_export_can_be_imported_again_unchanged(editor_client):
    item = make_item("mental-health-bill", notes="Brief the chair", action="drafting")
    Milestone.objects.create(item=item, kind="deadline", date=date(2030, 2, 1))
    text = b"".join(editor_client.get("/manage/tracker/export.csv").streaming_content).decode().lstrip("\ufeff")
    table = text.split("\r\n\r\n", 1)[1]  # past the about block
    # key_issues, findings and documents are listed for reading; the import leaves them out.
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(table)))
    keep = [c for c in rows[0] if c not in ("key_issues", "findings", "documents")]
    out = io.StringIO()
    writer = csv.DictWriter(out, keep, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    assert "1 item, no problems" in upload(editor_client, out.getvalue()).content.decode()


def test_staff_pages_are_for_the_tracker_permission_only():
    contributor = sign_in(Client(), staff_member("contributor", "hmip"))
    for address in ("/manage/tracker", "/manage/tracker/new", "/manage/tracker/horizon", "/manage/tracker/import", "/manage/tracker/export.csv"):
        assert contributor.get(address).status_code == 403, address
        assert Client().get(address).status_code == 302, address


def test_the_staff_home_links_to_the_tracker_and_key_issues(editor_client):
    page = editor_client.get("/manage").content.decode()
    assert 'href="/manage/tracker"' in page and 'href="/manage/key-issues"' in page


def test_the_command_line_import_refuses_a_file_with_problems_and_stores_a_good_one(tmp_path, capsys):
    import argparse

    from scrutiny.tracker import commands

    parser = argparse.ArgumentParser()
    commands.register(parser.add_subparsers())
    bad, good = tmp_path / "bad.csv", tmp_path / "good.csv"
    bad.write_text(SPREADSHEET.format(owner="").replace("2030-04-01", "soon"))
    good.write_text(SPREADSHEET.format(owner=""))
    args = parser.parse_args(["tracker", "import", str(bad)])
    assert args.func(args) == commands.PROBLEMS
    assert "row 3, column deadline" in capsys.readouterr().err and not Item.objects.exists()
    args = parser.parse_args(["tracker", "import", str(good)])
    assert args.func(args) == 0
    assert "2 items; added 2, updated 0; 4 milestones added" in capsys.readouterr().out


def test_action_documents_are_public_only_when_marked_so_and_findings_only_when_published(editor_client, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from factories import FindingFactory, ReportFactory

    settings.SCRUTINY_FILES_DIR = tmp_path
    item = make_item()
    for title, public in (("Our response to the Bill", True), ("Draft for the board", False)):
        editor_client.post(f"/manage/tracker/{item.id}/documents", {
            "document-title": title, "document-file": SimpleUploadedFile(f"{public}.txt", title.encode()), **({"document-is_public": "on"} if public else {})})
    missing = editor_client.post(f"/manage/tracker/{item.id}/documents", {"document-title": "Nothing attached"})
    assert missing.status_code == 400 and "Give a link to the document or upload its file" in missing.content.decode()
    shown = FindingFactory(text="Patients waited months for a transfer to hospital.")
    hidden = FindingFactory(report=ReportFactory(draft=True), text="A draft finding about transfers.")
    answer = editor_client.post(f"/manage/tracker/{item.id}", {
        "title": item.title, "slug": item.slug, "kind": "bill", "treaty": "", "jurisdiction": "england_and_wales", "stage": "open",
        "action": "submitted", "findings": f"{shown.id}, #{hidden.id}"})
    assert answer.status_code == 302

    page = Client().get("/tracker/mental-health-bill").content.decode()
    assert "Our response to the Bill" in page and "Draft for the board" not in page
    assert "Patients waited months" in page and "A draft finding" not in page
    public, private = item.documents.order_by("id")
    download = Client().get(f"/tracker/mental-health-bill/documents/{public.id}")
    assert b"".join(download.streaming_content) == b"Our response to the Bill"
    assert Client().get(f"/tracker/mental-health-bill/documents/{private.id}").status_code == 404
    staff_copy = editor_client.get(f"/manage/tracker/{item.id}/documents/{private.id}")
    assert b"".join(staff_copy.streaming_content) == b"Draft for the board"
    bad = editor_client.post(f"/manage/tracker/{item.id}", {"title": item.title, "slug": item.slug, "kind": "bill", "jurisdiction": "uk",
                                                           "stage": "open", "action": "none", "findings": "99999999"})
    assert bad.status_code == 400 and "There is no finding 99999999" in bad.content.decode()

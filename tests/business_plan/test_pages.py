"""The calendar pages: the public Gantt view of the published plan, its filters and CSV twin;
the staff view with leads, statuses and what does not add up; changing an activity's status."""

import re

import pytest
from django.test import Client

from business_plan.files import APPENDIX, OBJECTIVES
from factories import sign_in, staff_member
from scrutiny.api.exports import read_csv
from scrutiny.business_plan.models import Activity, Plan, Status
from scrutiny.cli import main

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(capsys):
    assert main(["plan", "import", str(APPENDIX)]) == 0
    assert main(["plan", "objectives", str(OBJECTIVES)]) == 0
    capsys.readouterr()
    return Plan.objects.get()


def editor_client():
    return sign_in(Client(), staff_member("editor"))


def text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_the_public_sees_every_activity_month_by_month_and_the_workload(plan):
    response = Client().get("/business-plan")
    assert response.status_code == 200
    page = text(response)
    assert "NPM business plan 2026-27" in page
    assert "Calendar of actions (22 activities)" in page
    assert "2.4 Phase II: Solitary Confinement project" in page
    assert "Monthly workload (activities active) 8 11 17 18 19 17 18 19 18 16 16 16 193" in page
    # Each active month says so in words, not by colour alone: 193 active cells.
    assert response.content.decode().count('<span class="govuk-visually-hidden">active</span>') == 193


def test_active_months_are_text_under_their_month_headers(plan):
    html = Client().get("/business-plan").content.decode()
    [row] = [chunk for chunk in html.split("<tr") if "CPT Visit" in chunk]
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    active = [i for i, cell in enumerate(cells[:12]) if "active" in cell]
    assert active == [2, 3, 4]  # June, July and August 2026


def test_the_objectives_show_their_functions_and_communications(plan):
    page = text(Client().get("/business-plan"))
    assert "2. Identify systemic issues" in page
    assert "Functions: Visiting, Advisory, Educational, Cooperative" in page
    assert "YouTube Channel" in page


def test_filters_narrow_the_calendar_and_its_workload(plan):
    page = text(Client().get("/business-plan?objective=4"))
    assert "Calendar of actions: Strategic objective: 4. Strengthen" in page
    assert "(3 activities)" in page
    assert "Monthly workload (activities active) 1 1 2 2 2 1 1 2 2 2 2 2 20" in page
    Activity.objects.filter(code="4.5").update(priority="funding")
    page = text(Client().get("/business-plan?priority=funding"))
    assert "(1 activity)" in page and "4.5 CPT Visit" in page


def test_a_filter_value_that_is_not_offered_is_ignored_not_an_error(plan):
    response = Client().get("/business-plan?objective=99&priority=bogus")
    assert response.status_code == 200
    assert "(22 activities)" in text(response)


def test_the_csv_export_has_the_calendar_with_its_source_and_licence(plan):
    response = Client().get("/business-plan.csv?objective=5")
    assert response["Content-Disposition"].startswith('attachment; filename="npm-business-plan-2026-27-')
    about, rows = read_csv(b"".join(response.streaming_content).decode())
    assert about["source"] == "http://testserver/business-plan"
    assert about["filter"] == "Strategic objective: 5. Core activities"
    assert "Open Government Licence" in about["licence"]
    assert [r["code"] for r in rows] == ["5.1", "5.2", "5.3", "5.4", "5.5", "workload"]
    assert rows[-1]["Apr 26"] == "2" and rows[-1]["total"] == "46"
    assert "status" not in rows[0] and "lead" not in rows[0]


def test_an_unpublished_plan_is_not_found_by_the_public(plan):
    plan.is_published = False
    plan.save()
    assert Client().get("/business-plan").status_code == 404
    assert Client().get(f"/business-plan.csv?plan={plan.slug}").status_code == 404
    assert editor_client().get("/manage/plan").status_code == 200


def test_staff_see_leads_statuses_and_what_does_not_add_up(plan):
    Activity.objects.filter(code="3.1").update(lead="Research and Engagement Officer", status=Status.AT_RISK)
    page = text(editor_client().get("/manage/plan"))
    assert "Research and Engagement Officer At risk" in page
    assert "5 things to check in the plan as published" in page
    assert "2.4 total the row total is 8, but Jun 26 to Dec 26 is 7 months" in page
    assert "workload Mar 27 the stated total for March 2027 is 17, but 16 activities are active that month" in page
    assert "Monthly workload as the plan states it 8 11 17 18 19 17 18 19 18 16 16 17 (differs) 194" in page


def test_staff_filter_by_lead_and_export_with_status(plan):
    Activity.objects.filter(code__in=["2.2", "5.5"]).update(lead="Secretariat Officer (Scotland)")
    client = editor_client()
    assert "(2 activities)" in text(client.get("/manage/plan?lead=Secretariat+Officer+%28Scotland%29"))
    _about, rows = read_csv(b"".join(client.get("/manage/plan.csv?lead=Secretariat+Officer+%28Scotland%29").streaming_content).decode())
    assert [(r["code"], r["lead"], r["status"]) for r in rows[:2]] == [
        ("2.2", "Secretariat Officer (Scotland)", "Planned"), ("5.5", "Secretariat Officer (Scotland)", "Planned")]


def test_an_editor_changes_an_activitys_status(plan):
    activity = Activity.objects.get(code="1.2")
    client = editor_client()
    page = text(client.get(f"/manage/plan/activities/{activity.id}"))
    assert "June 2026: Planning begins" in page and "November 2026: Conference" in page
    response = client.post(f"/manage/plan/activities/{activity.id}", {"status": "done", "lead": "Head of Secretariat"})
    assert response.status_code == 302
    activity.refresh_from_db()
    assert (activity.status, activity.lead) == ("done", "Head of Secretariat")
    assert "1.2 All-mandate holder conference: status is now “Done”." in text(client.get(response["Location"]))
    response = client.post(f"/manage/plan/activities/{activity.id}", {"status": "finished"})
    assert response.status_code == 400 and "There is a problem" in text(response)


@pytest.mark.parametrize("role", [None, "contributor", "administrator"])
def test_people_without_the_plan_permission_cannot_manage_it(plan, role):
    client = Client() if role is None else sign_in(Client(), staff_member(role, "hmip" if role == "contributor" else None))
    activity = Activity.objects.get(code="1.2")
    for address in ("/manage/plan", "/manage/plan.csv", f"/manage/plan/activities/{activity.id}"):
        response = client.get(address)
        assert response.status_code in (302, 403), address
    assert client.post(f"/manage/plan/activities/{activity.id}", {"status": "done"}).status_code in (302, 403)
    activity.refresh_from_db()
    assert activity.status == "planned"


def test_the_staff_home_links_the_calendar_for_editors_only(plan):
    assert "Business plan calendar" in text(editor_client().get("/manage"))
    assert "Business plan calendar" not in text(sign_in(Client(), staff_member("administrator")).get("/manage"))

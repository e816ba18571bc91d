"""The business-plan calendar in Chromium: the public Gantt table and its filters without
JavaScript, and a secretariat editor who signs in with a code, opens the calendar from the staff
home and marks an activity done. Axe (WCAG 2.2 AA) on every page on the way."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from business_plan.files import APPENDIX, OBJECTIVES
from factories import staff_member
from scrutiny.business_plan.models import Activity
from scrutiny.cli import main

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PASSWORD = "correct horse battery staple"


@pytest.fixture
def plan(capsys):
    assert main(["plan", "import", str(APPENDIX)]) == 0
    assert main(["plan", "objectives", str(OBJECTIVES)]) == 0
    capsys.readouterr()


def accessible(page, name, screenshot):
    screenshot(page, f"business-plan-{name}")
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}, "resultTypes": ["violations"]})
    assert results.violations_count == 0, f"{name}: {results.generate_report()}"


def test_the_public_calendar_filters_without_javascript(page_without_javascript, plan, screenshot):
    page = page_without_javascript
    page.goto("/business-plan")
    expect(page.get_by_role("table", name="Calendar of actions (22 activities)")).to_be_visible()
    page.get_by_label("Strategic objective").select_option("4")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("table", name="Calendar of actions: Strategic objective: 4. Strengthen international and domestic "
                            "prevention efforts by exchanging learnings and good practice with international NPMs, treaty "
                            "bodies and organisations. (3 activities)")).to_be_visible()
    workload = page.get_by_role("row", name="Monthly workload (activities active)")
    expect(workload.get_by_role("cell")).to_have_text("1 1 2 2 2 1 1 2 2 2 2 2 20".split())
    screenshot(page, "business-plan-public-filtered")


def test_the_public_calendar_has_no_accessibility_violations(page, plan, screenshot):
    page.goto("/business-plan")
    expect(page.get_by_role("row", name="4.5 CPT Visit")).to_contain_text("active")
    expect(page.get_by_role("heading", name="4. Strengthen international and domestic prevention efforts")).to_be_visible()
    accessible(page, "public", screenshot)


def test_an_editor_opens_the_calendar_from_the_staff_home_and_marks_an_activity_done(page, plan, screenshot):
    editor = staff_member("editor", name="eira@npm.example.org", password=PASSWORD)
    device = TOTPDevice.objects.create(user=editor, name="Phone", confirmed=True)
    page.goto("/accounts/sign-in")
    page.get_by_label("E-mail address").fill("eira@npm.example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("Code from your authenticator app").fill(f"{totp(device.bin_key):06d}")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("link", name="Business plan calendar")).to_be_visible()
    page.get_by_role("link", name="Business plan calendar").click()
    expect(page.get_by_role("heading", name="What does not add up")).to_be_visible()
    expect(page.get_by_role("table", name="5 things to check in the plan as published")).to_be_visible()
    accessible(page, "staff-calendar", screenshot)
    page.get_by_role("link", name="1.2 change status").click()
    expect(page.get_by_role("heading", name="1.2 All-mandate holder conference")).to_be_visible()
    accessible(page, "staff-activity", screenshot)
    page.get_by_label("Status").select_option("done")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("1.2 All-mandate holder conference: status is now “Done”.")).to_be_visible()
    expect(page.get_by_role("row", name="1.2 change status All-mandate holder conference")).to_contain_text("Done")
    assert Activity.objects.get(code="1.2").status == "done"

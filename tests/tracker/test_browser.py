"""The tracker in a real browser: an editor signs in with a code, adds a consultation with a
deadline, links it to a key issue and publishes it; the public then finds it on /tracker, on the
key issue's page and in /tracker.ics. axe-core finds no WCAG 2.2 AA violation on the public list,
the item, the key issue page and the staff horizon."""

from datetime import date, timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from icalendar import Calendar
from playwright.sync_api import expect

from factories import FindingFactory, staff_member
from scrutiny.key_issues.models import KeyIssue

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PASSWORD = "correct horse battery staple"


def accessible(page, name, screenshot):
    screenshot(page, f"tracker-{name}")
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}, "resultTypes": ["violations"]})
    assert results.violations_count == 0, f"{name}: {results.generate_report()}"


def test_an_editor_publishes_a_consultation_and_the_public_sees_it_in_the_list_and_the_calendar(browser, live_server, screenshot):
    editor = staff_member("editor", name="eira@npm.example.org", password=PASSWORD)
    device = TOTPDevice.objects.create(user=editor, name="Phone", confirmed=True)
    KeyIssue.objects.create(slug="segregation", title="Segregation of children", is_published=True,
                            summary="Children held apart for long periods.", evidence_filter="theme=segregation",
                            analysis="## Why it matters\n\nSegregation harms **children**.")
    FindingFactory(text="Children were segregated for weeks without a plan.", themes=["segregation"])
    deadline = date.today() + timedelta(days=20)

    staff = browser.new_context(base_url=live_server.url).new_page()
    staff.goto("/accounts/sign-in")
    staff.get_by_label("E-mail address").fill("eira@npm.example.org")
    staff.get_by_label("Password").fill(PASSWORD)
    staff.get_by_role("button", name="Sign in").click()
    staff.get_by_label("Code from your authenticator app").fill(f"{totp(device.bin_key):06d}")
    staff.get_by_role("button", name="Continue").click()
    expect(staff.locator("#main-content").get_by_role("link", name="Policy Tracker")).to_be_visible()
    staff.locator("#main-content").get_by_role("link", name="Policy Tracker").click()
    staff.get_by_role("link", name="Add an item").click()

    staff.get_by_label("Title").fill("Consultation on the use of segregation in Scotland")
    staff.get_by_label("Slug").fill("segregation-consultation")
    staff.get_by_label("Kind", exact=True).select_option("consultation")
    staff.get_by_label("Jurisdiction").select_option("scotland")
    staff.get_by_label("Lead organisation").fill("Scottish Government")
    staff.get_by_label("Stage").select_option("open")
    staff.get_by_label("Internal notes").fill("Ask the HMIPS lead to draft our response")
    staff.get_by_label("Segregation of children").check()
    staff.get_by_role("button", name="Save the item").click()
    expect(staff.get_by_text("Added Consultation on the use of segregation")).to_be_visible()

    staff.get_by_label("Kind of milestone").select_option("deadline")
    staff.get_by_label("Date", exact=True).fill(deadline.isoformat())
    staff.get_by_label("Label (optional)").fill("Responses due")
    staff.get_by_role("button", name="Add the milestone").click()
    expect(staff.get_by_text("Milestone added.")).to_be_visible()
    staff.get_by_role("button", name="Publish").click()
    expect(staff.get_by_text("Published: Consultation on the use of segregation")).to_be_visible()

    staff.goto("/manage/tracker/horizon")
    expect(staff.locator("#within-30")).to_be_visible()
    assert "Consultation on the use of segregation" in staff.locator("table[aria-labelledby='within-30']").inner_text()
    accessible(staff, "horizon", screenshot)

    public = browser.new_context(base_url=live_server.url).new_page()
    public.goto("/tracker")
    expect(public.get_by_role("link", name="Consultation on the use of segregation in Scotland")).to_be_visible()
    accessible(public, "list", screenshot)
    public.get_by_role("link", name="Consultation on the use of segregation in Scotland").click()
    expect(public.get_by_role("heading", level=1)).to_have_text("Consultation on the use of segregation in Scotland")
    assert "Responses due" in public.locator("main").inner_text()
    assert "Ask the HMIPS lead" not in public.locator("body").inner_text()
    accessible(public, "item", screenshot)

    public.get_by_role("link", name="Segregation of children").click()
    expect(public.get_by_role("heading", level=1)).to_have_text("Segregation of children")
    expect(public.get_by_role("link", name="Consultation on the use of segregation in Scotland")).to_be_visible()
    accessible(public, "key-issue", screenshot)

    feed = public.request.get("/tracker.ics")
    assert feed.headers["content-type"] == "text/calendar; charset=utf-8"
    events = Calendar.from_ical(feed.body()).walk("VEVENT")
    assert [(str(e["SUMMARY"]), e.decoded("DTSTART")) for e in events] == [
        ("Responses due: Consultation on the use of segregation in Scotland", deadline)]

"""The follow-up pages in Chromium: an editor signs in, finds the waiting suggestion from the
staff home, confirms the right candidate beside the assessment, and the public finding page then
shows the verdict in its status history; unlinking takes it away. Axe checks every page."""

from datetime import date

import pytest
from axe_playwright_python.sync_playwright import Axe
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from factories import EstablishmentFactory, staff_member
from followup.test_links import CONCERN, OTHER, inspection, review

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PASSWORD = "correct horse battery staple"


def no_violations(page, name, screenshot):
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}, "resultTypes": ["violations"]})
    screenshot(page, f"follow-up-{name}")
    assert results.violations_count == 0, f"{name}: {results.generate_report()}"
    assert page.locator("h1").count() == 1, name


def sign_in(page, person, device):
    page.goto("/accounts/sign-in")
    page.get_by_label("E-mail address").fill(person.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("Code from your authenticator app").fill(f"{totp(device.bin_key):06d}")
    page.get_by_role("button", name="Continue").click()


def test_an_editor_confirms_a_link_and_the_public_sees_the_status_history(page, screenshot):
    place = EstablishmentFactory()
    _, concern = inspection(place)
    _, assessment = review(place, "reasonable progress", date(2024, 2, 1))
    person = staff_member("editor", name="nia@npm.example.org", password=PASSWORD)
    sign_in(page, person, TOTPDevice.objects.create(user=person, name="Phone", confirmed=True))

    page.goto("/manage")
    page.get_by_role("link", name="Follow-up links waiting for a person").click()
    no_violations(page, "queue", screenshot)
    waiting = page.locator(f"#assessment-{assessment.id}")
    expect(waiting).to_contain_text("Assessment: reasonable progress")
    expect(waiting).to_contain_text("text similarity")
    expect(waiting.get_by_role("row").nth(1)).to_contain_text(CONCERN)  # the best candidate first
    waiting.get_by_role("button", name=f"Confirm that it assesses Priority concern 1 (#{concern.id})").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Linked")
    expect(page.locator(f"#assessment-{assessment.id}")).to_have_count(0)

    page.goto(f"/findings/{concern.id}")
    history = page.locator("#status-history")
    expect(history).to_contain_text("1 February 2024")
    expect(history).to_contain_text("“reasonable progress”")
    expect(page.get_by_text("Some progress (the report says “reasonable progress”)", exact=True)).to_be_visible()
    no_violations(page, "finding-history", screenshot)
    history.get_by_role("link").first.click()
    expect(page).to_have_url(f"{page.url.split('/findings/')[0]}/findings/{assessment.id}")

    page.goto("/follow-up")
    expect(page.locator("#status-table")).to_contain_text("HM Inspectorate of Prisons")
    no_violations(page, "status-chart", screenshot)

    page.goto(f"/manage/follow-up/findings/{assessment.id}")
    no_violations(page, "assessment-linked", screenshot)
    page.get_by_role("button", name="Unlink").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Unlinked")
    page.goto(f"/findings/{concern.id}")
    expect(page.locator("#status-history")).to_have_count(0)
    expect(page.get_by_text("Not assessed", exact=True)).to_be_visible()

    page.goto(f"/manage/follow-up/findings/{assessment.id}")
    page.get_by_label("Search earlier findings at the same place by the same body").fill("education")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_text(OTHER)).to_be_visible()  # another finding, found by a person
    no_violations(page, "assessment-search", screenshot)

"""The reviews tracker in a real browser: an editor (signing in with a code from an authenticator
app) adds a review, extracts its recommendations from the report (a Word file written here),
records the government's response and an implementation update, and publishes it; the public
then sees it. axe-core (WCAG 2.2 AA) checks the staff forms and both public pages."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from factories import staff_member
from reviews.report_files import RECOMMENDATIONS, write_docx

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PASSWORD = "correct horse battery staple"


def accessible(page, name, screenshot):
    screenshot(page, f"reviews-{name}")
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}, "resultTypes": ["violations"]})
    assert results.violations_count == 0, f"{name}: {results.generate_report()}"


def test_an_editor_builds_a_review_from_its_report_and_the_public_sees_it(page, browser, live_server, transactional_db, tmp_path, screenshot):
    report = write_docx(tmp_path / "family-contact-review.docx")
    editor = staff_member("editor", name="eilidh@npm.example.org", password=PASSWORD)
    device = TOTPDevice.objects.create(user=editor, name="Phone", confirmed=True)

    page.goto("/accounts/sign-in?next=/manage/independent-reviews")
    page.get_by_label("E-mail address").fill("eilidh@npm.example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("Code from your authenticator app").fill(f"{totp(device.bin_key):06d}")
    page.get_by_role("button", name="Continue").click()
    page.goto("/manage/independent-reviews")

    page.get_by_role("link", name="Add a review").click()
    expect(page.get_by_role("heading", name="Add an independent review")).to_be_visible()
    page.get_by_role("button", name="Save the review").click()  # empty: the form says what is missing
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    accessible(page, "review-form-errors", screenshot)
    page.get_by_label("Title").fill("Independent Review of Family Contact in Scottish Prisons")
    page.get_by_label("Commissioned by").fill("Scottish Government")
    page.get_by_label("Chair").fill("Dr Morag Example")
    page.get_by_label("Status").select_option("published")
    page.get_by_label("Date announced").fill("2024-03-04")
    page.get_by_label("Date the report was published").fill("2025-06-12")
    page.get_by_label("Progress review due").fill("2028-06-12")
    page.get_by_label("Summary", exact=True).fill("The review heard from **212 families**.")
    page.get_by_label("Notes for staff").fill("Chair's office asked for early sight of our summary.")
    page.get_by_role("button", name="Save the review").click()
    expect(page.locator(".govuk-caption-l")).to_have_text("Draft: not on the public pages")

    page.get_by_role("link", name="Extract recommendations from the report").click()
    accessible(page, "extract-form", screenshot)
    page.get_by_label("The review's report").set_input_files(str(report))
    page.get_by_role("button", name="Find the recommendations").click()
    expect(page.get_by_role("heading", name="Check the recommendations")).to_be_visible()
    accessible(page, "confirm-extracted", screenshot)
    first_text = page.get_by_label("Text").first
    expect(first_text).to_have_value(RECOMMENDATIONS[0][1])
    page.get_by_role("button", name="Store the ticked recommendations").click()
    expect(page.locator(".govuk-notification-banner, .govuk-body").filter(has_text="6 recommendations stored.").first).to_be_visible()

    page.get_by_role("link", name="Record the response (recommendation 1)").click()
    page.get_by_label("The government's response").select_option("accepted")
    page.get_by_label("What the response says").fill("Free video calls will be available in every prison from April 2026.")
    accessible(page, "response-form", screenshot)
    page.get_by_role("button", name="Save the response").click()
    page.get_by_role("link", name="Add an update (recommendation 1)").click()
    page.get_by_label("Date", exact=True).fill("2026-05-01")
    page.get_by_label("Implementation status").select_option("in_progress")
    page.get_by_label("Evidence", exact=True).fill("Video calls running in eight of fifteen prisons.")
    accessible(page, "update-form", screenshot)
    page.get_by_role("button", name="Add the update").click()
    expect(page.get_by_role("button", name="Publish")).to_be_visible()
    accessible(page, "staff-review", screenshot)

    public = browser.new_context(base_url=live_server.url).new_page()
    assert public.goto("/independent-reviews/independent-review-of-family-contact-in-scottish-prisons").status == 404

    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".govuk-caption-l")).to_have_text("Published")

    public.goto("/independent-reviews")
    accessible(public, "public-list", screenshot)
    public.get_by_role("link", name="Independent Review of Family Contact in Scottish Prisons").click()
    expect(public.get_by_role("heading", level=1)).to_have_text("Independent Review of Family Contact in Scottish Prisons")
    main = public.locator("main")
    expect(main).to_contain_text("Free video calls will be available in every prison from April 2026.")
    expect(main).to_contain_text("Video calls running in eight of fifteen prisons.")
    expect(main).to_contain_text("6 recommendations")
    expect(main).not_to_contain_text("Chair's office asked")
    accessible(public, "public-review", screenshot)

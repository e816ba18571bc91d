"""Correspondence in Chromium: an editor drafts a response letter linked to a key issue, records
it as sent and publishes it; the public then finds it on the register and opens it. Axe (WCAG
2.2 AA) checks the staff list and form, the register and the letter's page."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from correspondence.world import key_issue, pdf_bytes
from factories import staff_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PASSWORD = "correct horse battery staple"
SUBJECT = "Response on the use of pain-inducing restraint on children"


def no_violations(page, name, screenshot):
    screenshot(page, f"correspondence-{name}")
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}, "resultTypes": ["violations"]})
    assert results.violations_count == 0, f"{name}: {results.generate_report()}"
    assert page.locator("h1").count() == 1, name


def sign_in(page, person, device):
    page.goto("/accounts/sign-in")
    page.get_by_label("E-mail address").fill(person.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("Code from your authenticator app").fill(f"{totp(device.bin_key):06d}")
    page.get_by_role("button", name="Continue").click()


def test_an_editor_drafts_and_publishes_a_letter_and_the_public_reads_it(browser, live_server, tmp_path, settings, screenshot):
    settings.SCRUTINY_FILES_DIR = tmp_path / "files"
    key_issue("Restraint of children")
    letter_file = tmp_path / "Letter to the Minister.pdf"
    letter_file.write_bytes(pdf_bytes("Dear Minister, on restraint of children."))
    editor = staff_member("editor", name="eira@npm.example.org", password=PASSWORD)
    device = TOTPDevice.objects.create(user=editor, name="Phone", confirmed=True)

    staff = browser.new_context(base_url=live_server.url).new_page()
    sign_in(staff, editor, device)
    staff.goto("/manage/correspondence")
    expect(staff.get_by_role("heading", level=1)).to_have_text("Correspondence with duty bearers")
    no_violations(staff, "staff-list", screenshot)

    staff.get_by_role("link", name="Draft a letter").click()
    expect(staff.get_by_role("heading", level=1)).to_have_text("Draft a letter")
    no_violations(staff, "staff-form", screenshot)
    staff.get_by_label("Recipient's role").fill("Minister of State for Prisons")
    staff.get_by_label("Recipient's organisation").fill("Ministry of Justice")
    staff.get_by_label("Recipient's nation").select_option(label="England and Wales")
    staff.get_by_label("Subject", exact=True).fill(SUBJECT)
    staff.get_by_label("Summary for the public register").fill("We asked the Minister to end the use of pain-inducing techniques on children.")
    staff.get_by_label("The letter (optional)").set_input_files(str(letter_file))
    staff.get_by_role("group", name="Key issues").get_by_label("Restraint of children").check()
    staff.get_by_label("Internal notes (never published)").fill("Agreed at the December board.")
    staff.get_by_role("button", name="Save the letter").click()
    expect(staff.get_by_role("heading", level=1)).to_have_text(SUBJECT)
    expect(staff.get_by_text("A draft cannot go on the public register")).to_be_visible()

    staff.get_by_role("link", name="Edit the letter").click()
    expect(staff.get_by_role("heading", level=1)).to_have_text("Edit the letter")
    staff.get_by_label("Status").select_option(label="Sent")
    staff.get_by_label("Date sent").fill("2025-12-19")
    staff.get_by_role("button", name="Save the letter").click()
    # Sent Fri 19 Dec 2025 to England and Wales: the 20th working day is Wed 21 Jan 2026.
    expect(staff.get_by_text("21 January 2026 (20 working days)")).to_be_visible()
    staff.get_by_role("button", name="Publish on the register").click()
    expect(staff.get_by_text("The letter is on the public register.")).to_be_visible()

    public = browser.new_context(base_url=live_server.url).new_page()
    public.goto("/correspondence")
    expect(public.get_by_role("link", name=SUBJECT)).to_be_visible()
    expect(public.locator("main")).to_contain_text("Minister of State for Prisons, Ministry of Justice")
    no_violations(public, "register", screenshot)
    public.get_by_role("link", name=SUBJECT).click()
    expect(public.get_by_role("heading", level=1)).to_have_text(SUBJECT)
    main = public.locator("main")
    expect(main).to_contain_text("Restraint of children")
    expect(main).to_contain_text("19 December 2025")
    expect(main).not_to_contain_text("December board")
    no_violations(public, "letter", screenshot)
    with public.expect_download() as download:
        public.get_by_role("link", name="Download the letter").click()
    assert download.value.suggested_filename == "Letter to the Minister.pdf"
    assert open(download.value.path(), "rb").read() == letter_file.read_bytes()

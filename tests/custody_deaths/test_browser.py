"""The Scotland subgroup's year in a real browser: a member signs in with a code from an
authenticator app, checks an update file that has two flagged rows, sees the problems, adds the
new wording to the cause mapping and corrects the date, imports the file and publishes the
release; an anonymous visitor then sees the figures and no name. axe-core checks the import
page and the public statistics page."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from custody_deaths.samples import scottish, scottish_death
from factories import staff_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PASSWORD = "correct horse battery staple"


def accessible(page, name, screenshot):
    screenshot(page, f"deaths-{name}")
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}, "resultTypes": ["violations"]})
    assert results.violations_count == 0, f"{name}: {results.generate_report()}"


def test_the_scotland_subgroup_imports_fixes_and_publishes_and_the_public_sees_figures_without_names(
    browser, live_server, tmp_path, settings, screenshot
):
    settings.SCRUTINY_FILES_DIR = tmp_path / "files"
    member = staff_member("scotland", name="morag@npm-scotland.example.org", password=PASSWORD)
    device = TOTPDevice.objects.create(user=member, name="Phone", confirmed=True)
    rows = [scottish_death(i) for i in range(30)]
    rows[4]["date_of_death"] = "30/02/2021"
    rows[9]["cause"] = "Hanging in cell"
    flagged = tmp_path / "deaths-2024-25.csv"
    flagged.write_bytes(scottish(rows))

    staff = browser.new_context(base_url=live_server.url).new_page()
    staff.goto("/accounts/sign-in?next=/manage/deaths")
    staff.get_by_label("E-mail address").fill(member.email)
    staff.get_by_label("Password").fill(PASSWORD)
    staff.get_by_role("button", name="Sign in").click()
    staff.get_by_label("Code from your authenticator app").fill(f"{totp(device.bin_key):06d}")
    staff.get_by_role("button", name="Continue").click()
    expect(staff).not_to_have_url(re.compile("two-factor"))

    staff.goto("/manage/deaths/import")
    accessible(staff, "import-form", screenshot)
    staff.get_by_label("Update file").set_input_files(str(flagged))
    staff.get_by_label("Annual release").fill("2024-25")
    staff.get_by_role("button", name="Check the file").click()
    expect(staff.locator("#import-count")).to_have_text("30 rows: 28 valid, 2 with problems")
    problems = staff.locator("#problems tbody tr")
    expect(problems).to_have_count(2)
    expect(problems.nth(0)).to_contain_text("'30/02/2021' is not a date")
    expect(problems.nth(1)).to_contain_text("'Hanging in cell' is not in the cause mapping")
    accessible(staff, "import-problems", screenshot)

    staff.goto("/manage/deaths/mapping")
    staff.get_by_label("Wording in the source").fill("Hanging in cell")
    staff.get_by_label("Counts as").select_option("self-inflicted")
    staff.get_by_role("button", name="Save the wording").click()
    expect(staff.locator(".govuk-notification-banner")).to_contain_text("Added “Hanging in cell”")

    rows[4]["date_of_death"] = "28/02/2021"
    fixed = tmp_path / "deaths-2024-25-fixed.csv"
    fixed.write_bytes(scottish(rows))
    staff.goto("/manage/deaths/import")
    staff.get_by_label("Update file").set_input_files(str(fixed))
    staff.get_by_label("Annual release").fill("2024-25")
    staff.get_by_role("button", name="Check the file").click()
    expect(staff.locator("#import-count")).to_have_text("30 rows: 30 valid, 0 with problems")
    accessible(staff, "import-ready", screenshot)
    staff.get_by_role("button", name="Import deaths-2024-25-fixed.csv").click()
    expect(staff.locator(".govuk-notification-banner")).to_contain_text("30 new, 0 updated, 0 unchanged")
    staff.get_by_role("button", name="Publish 2024-25").click()
    expect(staff.locator(".govuk-notification-banner")).to_contain_text("30 records now count in the public figures")

    public = browser.new_context(base_url=live_server.url).new_page()
    public.goto("/deaths-in-custody")
    main = public.locator("main")
    expect(main).to_contain_text("Deaths by calendar year")
    expect(main.locator("#by-cause-table")).to_contain_text("Probable suicide / self-inflicted")
    text = main.inner_text()
    for row in rows:
        assert row["surname"] not in text and row["forename"] not in text
    accessible(public, "public-statistics", screenshot)

"""Every staff page type in Chromium, signed in as a person holding the editor and administrator
roles: no accessibility violations that axe-core can find (WCAG 2.2 AA), one h1, a title."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from factories import FindingFactory, ReportFactory, body, staff_member
from scrutiny.accounts.services import grant
from scrutiny.curation import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PASSWORD = "correct horse battery staple"

PAGES = {
    "sign-in": lambda w: "/accounts/sign-in",
    "manage": lambda w: "/manage",
    "manage-reports": lambda w: "/manage/reports",
    "manage-report": lambda w: f"/manage/reports/{w['report']}",
    "edit-report": lambda w: f"/manage/reports/{w['report']}/edit",
    "edit-finding": lambda w: f"/manage/findings/{w['finding']}/edit",
    "history": lambda w: "/manage/history",
    "users": lambda w: "/manage/users",
    "uploads": lambda w: "/manage/uploads",
    "import": lambda w: "/manage/import",
    "vocabularies": lambda w: "/manage/vocabularies",
    "vocabulary-edit": lambda w: "/manage/vocabularies/themes/segregation",
    "vocabulary-add": lambda w: "/manage/vocabularies/settings/new",
    "vocabulary-merge": lambda w: "/manage/vocabularies/populations/women/merge",
    "theme-split": lambda w: "/manage/vocabularies/themes/use-of-force/split",
    "vocabulary-history": lambda w: "/manage/vocabularies/history",
    "vocabulary-import": lambda w: "/manage/vocabularies/import",
    "establishments-review": lambda w: "/manage/establishments/review",
    "follow-up-queue": lambda w: "/manage/follow-up",
    "follow-up-assessment": lambda w: f"/manage/follow-up/findings/{w['finding']}?q=knives",
    "review-queue": lambda w: "/manage/review",
    "review-finding": lambda w: f"/manage/review/findings/{w['finding']}",
    "analytics": lambda w: "/manage/analytics",
    "privacy": lambda w: "/privacy",
}


@pytest.fixture
def signed_in_page(browser, live_server):
    person = staff_member("editor", name="eira@npm.example.org", password=PASSWORD)
    grant(person, "administrator")
    device = TOTPDevice.objects.create(user=person, name="Phone", confirmed=True)
    report = ReportFactory(draft=True, body=body("imb"))
    finding = FindingFactory(report=report, text="Night staff did not carry anti-ligature knives.")
    services.edit_finding(person, finding.id, 1, {"text": "Night staff did not always carry anti-ligature knives."})
    services.change_state(person, report.id, "in_review")

    page = browser.new_context(base_url=live_server.url).new_page()
    page.goto("/accounts/sign-in")
    page.get_by_label("E-mail address").fill("eira@npm.example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("Code from your authenticator app").fill(f"{totp(device.bin_key):06d}")
    page.get_by_role("button", name="Continue").click()
    yield page, {"report": report.id, "finding": finding.id}
    page.context.close()


def test_each_staff_page_has_no_accessibility_violations(signed_in_page, screenshot):
    page, world = signed_in_page
    for name, address in PAGES.items():
        response = page.goto(address(world))
        assert response.status == 200, name
        results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}, "resultTypes": ["violations"]})
        screenshot(page, f"staff-page-{name}")
        assert results.violations_count == 0, f"{name}: {results.generate_report()}"
        assert page.locator("h1").count() == 1, name
        assert "Reporting Dashboard" in page.title(), name

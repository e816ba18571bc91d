"""In Chromium, as an editor: merge one theme into another through the pages, watching the counts
before and after; and every vocabulary page, with content on it, has no accessibility violation
axe-core can find (WCAG 2.2 AA). (Here rather than in tests/taxonomy: a second copy of the
session's Chromium fixture in another folder would start a second Playwright in the same worker,
which Playwright refuses.)"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from factories import EstablishmentFactory, FindingFactory, ReportFactory, staff_member
from scrutiny.taxonomy import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PASSWORD = "correct horse battery staple"


@pytest.fixture
def editor_page(page):
    person = staff_member("editor", name="sian@npm.example.org", password=PASSWORD)
    device = TOTPDevice.objects.create(user=person, name="Phone", confirmed=True)
    page.goto("/accounts/sign-in")
    page.get_by_label("E-mail address").fill("sian@npm.example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("Code from your authenticator app").fill(f"{totp(device.bin_key):06d}")
    page.get_by_role("button", name="Continue").click()
    return page, person


def accessible(page, name, screenshot):
    screenshot(page, f"taxonomy-{name}")
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}, "resultTypes": ["violations"]})
    assert results.violations_count == 0, f"{name}: {results.generate_report()}"
    assert page.locator("h1").count() == 1, name


def count_of(page, kind, slug) -> str:
    return page.locator(f"#{kind}-{slug} td[data-count]").get_attribute("data-count")


def test_an_editor_merges_two_themes_and_sees_the_counts(editor_page, screenshot):
    page, _ = editor_page
    FindingFactory.create_batch(3, themes=["food"])
    FindingFactory.create_batch(2, themes=["living-conditions"])
    FindingFactory(themes=["food", "living-conditions"])

    page.goto("/manage")
    page.get_by_role("link", name="Themes, populations and settings").click()
    assert (count_of(page, "themes", "food"), count_of(page, "themes", "living-conditions")) == ("4", "3")
    accessible(page, "list", screenshot)

    page.get_by_role("link", name="Merge Food and nutrition").click()
    page.get_by_label("Merge “Food and nutrition” into").select_option("living-conditions")
    page.get_by_role("button", name="See what the merge will do").click()
    assert page.locator("#merge-preview [data-after]").inner_text() == "6"
    accessible(page, "merge-preview", screenshot)
    page.get_by_role("button", name="Merge into Living conditions").click()

    assert "Merged the theme “Food and nutrition”" in page.locator(".govuk-notification-banner").inner_text()
    assert count_of(page, "themes", "living-conditions") == "6"
    assert page.locator("#themes-food").count() == 0
    assert "(food) → living-conditions" in page.locator("#retired ~ ul").inner_text()

    page.get_by_role("link", name="history").first.click()
    row = page.locator("#version-1").inner_text()
    assert "Merged" in row and "Editor" in row and "6" in row
    accessible(page, "history", screenshot)


def test_the_split_import_and_review_pages_with_content_are_accessible(editor_page, screenshot):
    page, person = editor_page
    FindingFactory(text="Strip searching of children was routine.", themes=["security-searching"])
    place = EstablishmentFactory(name="HMP & YOI Kelder Brook", needs_review=True)
    ReportFactory(establishments=[place])
    EstablishmentFactory(name="HMP Kelderbrook")
    services.save_term(person, "themes", {"name": "Food, drink and nutrition"}, slug="food")

    page.goto("/manage/vocabularies/themes/security-searching/split")
    page.get_by_label("Slug of the new theme").fill("strip-searching")
    page.get_by_label("Name of the new theme").fill("Strip searching")
    page.get_by_label("Keywords of the new theme").fill("strip searching")
    page.get_by_role("button", name="See how many findings move").click()
    expect(page.locator("#split-preview")).to_have_count(1)
    accessible(page, "split-preview", screenshot)

    page.goto("/manage/vocabularies/themes/new")
    page.get_by_role("button", name="Save the theme").click()
    expect(page.locator(".govuk-error-summary")).to_have_count(1)
    accessible(page, "add-with-errors", screenshot)

    page.goto("/manage/vocabularies/import")
    page.get_by_label("Vocabularies file").set_input_files(
        files=[{"name": "v.csv", "mimeType": "text/csv", "buffer": b"kind,slug,name\nthemes,Bad Slug,\n"}])
    page.get_by_role("button", name="Check the file").click()
    expect(page.locator("#import-problems tbody tr")).to_have_count(3)  # slug, name, group
    accessible(page, "import-problems", screenshot)

    page.goto("/manage/establishments/review")
    card = page.locator(f"#place-{place.slug}")
    assert "HMP & YOI Kelder Brook" in card.inner_text()
    accessible(page, "establishments-review", screenshot)
    card.get_by_label("Or merge HMP & YOI Kelder Brook into").select_option("hmp-kelderbrook")
    card.get_by_role("button", name="Merge").click()
    expect(page.locator("body")).to_contain_text("No establishments are waiting for review")

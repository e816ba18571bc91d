"""The review queue (scrutiny.review) in Chromium: a batch reviewed with the keyboard alone, the
same without JavaScript, and no accessibility violations axe-core can find on either review page.

Here rather than in tests/review so that it shares this folder's one Chromium per worker: a
second session-scoped Playwright in the same process (another folder's conftest importing these
fixtures) fails with "Sync API inside the asyncio loop"."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from factories import FindingFactory, staff_member
from scrutiny.catalogue.models import Theme
from scrutiny.findings.models import Tag, TagOrigin
from scrutiny.review.models import Decision, Suggestion

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PASSWORD = "correct horse battery staple"
TEXTS = [  # most confident first, as the queue shows them
    ("Prisoners were handcuffed on every escort to hospital without a risk assessment.", 0.58, "escort"),
    ("Court vans arrived late and detainees waited hours in cellular vehicles.", 0.41, "vans"),
    ("Transfers between prisons were made at short notice, without telling families.", 0.22, "transfers"),
    ("Escort staff did not know which detainees were at risk of self-harm.", 0.09, "escort"),
]


@pytest.fixture
def batch():
    theme = Theme.objects.get(slug="transport-escort")
    return [
        Suggestion.objects.create(finding=FindingFactory(text=text), theme=theme, confidence=p, evidence=words)
        for text, p, words in TEXTS
    ]


def signed_in(page):
    person = staff_member("editor", name="eira@npm.example.org", password=PASSWORD)
    device = TOTPDevice.objects.create(user=person, name="Phone", confirmed=True)
    page.goto("/accounts/sign-in")
    page.get_by_label("E-mail address").fill("eira@npm.example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("Code from your authenticator app").fill(f"{totp(device.bin_key):06d}")
    page.get_by_role("button", name="Continue").click()
    return person


def accessible(page, name, screenshot):
    screenshot(page, f"review-{name}")
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}, "resultTypes": ["violations"]})
    assert results.violations_count == 0, f"{name}: {results.generate_report()}"
    assert page.locator("h1").count() == 1


def outcome() -> dict:
    tagged = set(Tag.objects.filter(origin=TagOrigin.PERSON).values_list("finding__text", flat=True))
    return {text: ("accepted" if text in tagged else "rejected" if Decision.objects.filter(finding__text=text, decision="rejected").exists() else "waiting") for text, _, _ in TEXTS}


def test_a_batch_is_reviewed_with_the_keyboard(page, batch, screenshot):
    person = signed_in(page)
    page.goto("/manage/review?theme=transport-escort")
    shortcuts = page.locator("#review-keys")
    assert shortcuts.is_visible()  # documented on the page once the script runs
    items = page.locator("[data-review-item]")
    assert "npm-review__item--current" in items.nth(0).get_attribute("class")
    accessible(page, "queue", screenshot)

    with page.expect_navigation():
        page.keyboard.press("a")  # accept the first, most confident
    assert "Accepted" in page.locator(".govuk-notification-banner").inner_text()
    page.keyboard.press("j")
    assert "npm-review__item--current" in items.nth(1).get_attribute("class")
    assert page.evaluate("document.activeElement.id") == "item-2"
    with page.expect_navigation():
        page.keyboard.press("r")  # reject the second of those left: the third overall
    page.keyboard.press("x")  # tick the first left
    page.keyboard.press("j")
    page.keyboard.press("x")  # and the second
    assert page.locator("input[name=pair]:checked").count() == 2
    with page.expect_navigation():
        page.keyboard.press("Shift+A")  # accept the ticked
    assert outcome() == {TEXTS[0][0]: "accepted", TEXTS[1][0]: "accepted", TEXTS[2][0]: "rejected", TEXTS[3][0]: "accepted"}
    assert set(Decision.objects.values_list("user", flat=True)) == {person.id}
    assert "Nothing is waiting for review." in page.content()


def test_shortcuts_can_be_switched_off(page, batch):
    signed_in(page)
    page.goto("/manage/review")
    page.get_by_text("Keyboard shortcuts", exact=True).click()
    page.get_by_label("Use keyboard shortcuts on this page").uncheck()
    page.locator("h1").click()
    page.keyboard.press("a")
    page.wait_for_timeout(300)
    assert not Decision.objects.exists() and Suggestion.objects.count() == len(TEXTS)
    page.reload()  # remembered in this browser
    assert not page.get_by_label("Use keyboard shortcuts on this page").is_checked()


def test_a_batch_is_reviewed_without_javascript(page_without_javascript, batch, screenshot):
    page = page_without_javascript
    signed_in(page)
    page.goto("/manage/review")
    assert not page.locator("#review-keys").is_visible()  # no shortcuts to document without the script
    assert page.locator("mark", has_text="vans").count() == 1  # the rule words stand out
    page.get_by_label("Tick suggestion 2").check()
    page.get_by_label("Tick suggestion 4").check()
    page.get_by_role("button", name="Reject ticked").click()
    expect(page.locator("body")).to_contain_text("Rejected “Transport, escort and transfers” on 2 findings.")
    page.get_by_role("button", name="Accept “Transport, escort and transfers” for suggestion 1").click()
    assert outcome() == {TEXTS[0][0]: "accepted", TEXTS[1][0]: "rejected", TEXTS[2][0]: "waiting", TEXTS[3][0]: "rejected"}
    page.get_by_role("link", name="all themes of this finding (suggestion 1)").click()
    page.get_by_label("Theme").select_option(label="Healthcare")
    page.get_by_role("button", name="Add the theme").click()
    expect(page.locator("body")).to_contain_text("Added “Healthcare”")
    assert Tag.objects.filter(theme__slug="healthcare", finding__text=TEXTS[2][0], origin=TagOrigin.PERSON).exists()


def test_the_findings_theme_page_has_no_accessibility_violations(page, batch, screenshot):
    signed_in(page)
    finding = batch[0].finding
    Tag.objects.create(finding=finding, theme=Theme.objects.get(slug="healthcare"), origin=TagOrigin.MODEL, confidence=0.7)
    page.goto(f"/manage/review/findings/{finding.id}")
    accessible(page, "finding", screenshot)

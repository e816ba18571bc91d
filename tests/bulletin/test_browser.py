"""The bulletin in Chromium: the e-mail HTML at a phone's width and a desktop's with no sideways
scrolling, axe (WCAG 2.2 AA) on the e-mail, the archive and the composer, and an editor who
signs in with a code, starts the November bulletin from the staff home, takes the dashboard's
suggestion, keeps it and publishes."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from bulletin.world import NOVEMBER, SITE, november_bulletin, published_month
from factories import staff_member
from scrutiny.bulletin import render, services, suggest
from scrutiny.bulletin.models import Section

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PASSWORD = "correct horse battery staple"
WIDTHS = {"phone": 375, "desktop": 1024}


def accessible(page, name, screenshot):
    screenshot(page, f"bulletin-{name}")
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}, "resultTypes": ["violations"]})
    assert results.violations_count == 0, f"{name}: {results.generate_report()}"


def composed_bulletin():
    """November with every suggestion kept and a long unbroken address in the text, the thing
    most likely to push a narrow screen sideways."""
    published_month()
    bulletin = november_bulletin()
    for key in suggest.SUGGESTERS:
        made = suggest.suggest(key, NOVEMBER, SITE)
        services.save_section(Section.objects.get(bulletin=bulletin, key=key), "", made.text, [vars(e) for e in made.entries])
    news = Section.objects.get(bulletin=bulletin, key="news")
    news.text = ("CJI and representatives from the IMBNI met to discuss prisons. "
                 "https://www.example.org/a/very/long/address/that/nobody/wrapped/by/hand/before/sending/it/out")
    news.save()
    return bulletin


@pytest.mark.parametrize("device", WIDTHS)
def test_the_email_fits_the_screen_and_axe_finds_nothing(browser, device, screenshot):
    email = render.email_html(composed_bulletin(), SITE)
    context = browser.new_context(viewport={"width": WIDTHS[device], "height": 800}, java_script_enabled=True)
    page = context.new_page()
    page.set_content(email)
    expect(page.get_by_role("heading", level=1, name="NPM Bulletin – November 2025")).to_be_visible()
    expect(page.get_by_role("heading", level=2, name="What the dashboard shows this month")).to_be_visible()
    scroll = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert scroll[0] <= scroll[1], f"the e-mail scrolls sideways on a {device}: {scroll}"
    frame = page.locator("table.frame, table[width='600']").first
    assert frame.bounding_box()["width"] <= 600
    accessible(page, f"email-{device}", screenshot)
    context.close()


def test_the_archive_and_a_bulletin_page_have_no_accessibility_violations(page, screenshot):
    composed_bulletin()
    page.goto("/bulletin")
    page.get_by_role("link", name="NPM Bulletin – November 2025").click()
    expect(page.get_by_role("heading", level=1, name="NPM Bulletin – November 2025")).to_be_visible()
    expect(page.get_by_role("link", name="Spotlight reports from NPM bodies")).to_be_visible()
    accessible(page, "archive-page", screenshot)
    page.goto("/bulletin")
    accessible(page, "archive-list", screenshot)


def test_an_editor_composes_the_november_bulletin_from_a_suggestion_and_publishes_it(page, screenshot):
    published_month()
    editor = staff_member("editor", name="eira@npm.example.org", password=PASSWORD)
    device = TOTPDevice.objects.create(user=editor, name="Phone", confirmed=True)
    page.goto("/accounts/sign-in")
    page.get_by_label("E-mail address").fill("eira@npm.example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("Code from your authenticator app").fill(f"{totp(device.bin_key):06d}")
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("link", name="Monthly bulletin").click()
    expect(page.get_by_role("heading", name="Start a bulletin")).to_be_visible()
    accessible(page, "staff-list", screenshot)
    page.get_by_label("Month").fill("2025-11")
    page.get_by_role("button", name="Start the bulletin").click()
    expect(page.get_by_role("heading", level=1, name="NPM Bulletin – November 2025")).to_be_visible()
    accessible(page, "staff-compose", screenshot)
    page.get_by_role("link", name="Suggest What the dashboard shows this month").click()
    text = page.get_by_label("Text")
    expect(text).to_have_value(__import__("re").compile(r"^In November 2025 the Reporting Dashboard added 3 published reports"))
    accessible(page, "staff-suggestion", screenshot)
    text.fill(text.input_value() + "\n\nPlease tell us how you use the Dashboard.")
    page.get_by_role("button", name="Save the section").click()
    expect(page.get_by_text("“What the dashboard shows this month” saved.")).to_be_visible()
    page.get_by_role("button", name="Publish the bulletin").click()
    expect(page.get_by_text("The bulletin is on the public archive.")).to_be_visible()
    page.get_by_role("link", name="See the public page").click()
    expect(page.get_by_text("Please tell us how you use the Dashboard.")).to_be_visible()
    expect(page.get_by_role("link", name="See the top themes of concern for November 2025")).to_be_visible()

"""The staff journey in a real browser, as new users would take it: a body contributor signs in,
uploads a report, corrects a finding and sends the report for review; an editor signs in with
a code from an authenticator app and publishes it; the public then sees the corrected finding.
Each staff page on the way is checked with axe-core."""

import json

import pytest
from axe_playwright_python.sync_playwright import Axe
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from factories import staff_member
from scrutiny.uploads import worker
from scrutiny.uploads.models import Upload
from scrutiny_demo.corpus import generate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PASSWORD = "correct horse battery staple"


@pytest.fixture
def report_file(tmp_path, settings):
    settings.SCRUTINY_FILES_DIR = tmp_path / "files"
    written = [w for w in generate(3, seed=21, outdir=str(tmp_path), processes=1) if w.format == "pdf"][0]
    path = tmp_path / f"{written.name}.pdf"
    return path, json.loads(path.with_name(f"{written.name}.meta.json").read_text())


@pytest.fixture
def upload_worker():
    started = worker.start_threads(1)
    yield
    worker.stop_threads(started)


def accessible(page, name, screenshot):
    screenshot(page, f"staff-{name}")
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}, "resultTypes": ["violations"]})
    assert results.violations_count == 0, f"{name}: {results.generate_report()}"


def sign_in(page, email, code_for=None):
    page.goto("/accounts/sign-in")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    if code_for is not None:
        page.get_by_label("Code from your authenticator app").fill(f"{totp(code_for.bin_key):06d}")
        page.get_by_role("button", name="Continue").click()


def test_a_contributor_uploads_and_corrects_an_editor_publishes_and_the_public_sees_it(
    browser, live_server, report_file, upload_worker, screenshot
):
    path, meta = report_file
    body = meta["body"]
    staff_member("contributor", body, name="ceri@body.example.org", password=PASSWORD)
    editor = staff_member("editor", name="eira@npm.example.org", password=PASSWORD)
    device = TOTPDevice.objects.create(user=editor, name="Phone", confirmed=True)

    contributor_view = browser.new_context(base_url=live_server.url).new_page()
    sign_in(contributor_view, "ceri@body.example.org")
    contributor_view.get_by_role("link", name="Upload reports").click()
    accessible(contributor_view, "upload-form", screenshot)
    contributor_view.get_by_label("Report files").set_input_files(str(path))
    contributor_view.get_by_label("Body").select_option(body)
    contributor_view.get_by_label("Report type").select_option(meta["type"])
    contributor_view.get_by_label("Publication date").fill(meta["published"])
    if meta.get("establishment"):
        contributor_view.get_by_label("Establishment (optional)").fill(meta["establishment"])
    contributor_view.get_by_role("button", name="Upload").click()

    upload = Upload.objects.latest("id")
    contributor_view.goto(f"/manage/uploads/{upload.id}")
    # The page refreshes itself (no JavaScript needed) until the background worker is done.
    contributor_view.get_by_role("link", name="Open the report").wait_for(timeout=60_000)
    accessible(contributor_view, "upload-done", screenshot)
    contributor_view.get_by_role("link", name="Open the report").click()
    assert "Draft" in contributor_view.locator(".govuk-caption-l").inner_text()
    accessible(contributor_view, "report-draft", screenshot)

    contributor_view.locator("table a", has_text="Correct").first.click()
    accessible(contributor_view, "correct-finding", screenshot)
    text = contributor_view.get_by_label("Text", exact=True)
    corrected = text.input_value().strip() + " (Corrected by the contributor.)"
    text.fill(corrected)
    contributor_view.get_by_role("button", name="Save the correction").click()
    contributor_view.get_by_role("button", name="Send for review").click()
    assert "In review" in contributor_view.locator(".govuk-caption-l").inner_text()
    report_address = contributor_view.url
    report_id = int(report_address.rstrip("/").rsplit("/", 1)[1])

    public = browser.new_context(base_url=live_server.url).new_page()
    assert public.goto(f"/reports/{report_id}").status == 404

    editor_view = browser.new_context(base_url=live_server.url).new_page()
    sign_in(editor_view, "eira@npm.example.org", code_for=device)
    editor_view.goto(f"/manage/reports/{report_id}")
    history = editor_view.locator("table.npm-change").inner_text()
    assert "Corrected by the contributor" in history and "Contributor" in history
    editor_view.get_by_role("button", name="Publish").click()
    assert "Published" in editor_view.locator(".govuk-caption-l").inner_text()
    accessible(editor_view, "report-published", screenshot)

    assert public.goto(f"/reports/{report_id}").status == 200
    assert "(Corrected by the contributor.)" in public.locator("main").inner_text()
    public.goto("/findings?q=corrected+contributor")
    assert "(Corrected by the contributor.)" in public.locator("main").inner_text()
    screenshot(public, "staff-public-sees-it")

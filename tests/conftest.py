"""Suite-wide test set-up. Data comes from factories (tests/factories.py) and the generator.

The page tests use headless Chromium (Debian's, never a downloaded one) against pytest-django's
live server. The pages need the npm build (`npm ci && npm run build`); the tests say so if it is
missing. The Chromium fixtures live here, once: a second copy of the session fixture in another
folder's conftest would start a second Playwright in the same worker, which Playwright refuses."""

import os
from pathlib import Path

import pytest

from scrutiny.dashboard.commands import static_build_problem

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SHOTS = Path(os.environ.get("SCRUTINY_SHOTS_DIR", "/tmp/shots"))

DATABASE_FIXTURES = {"db", "transactional_db", "live_server"}


def pytest_configure(config):
    config.addinivalue_line("markers", "no_database: the test never touches a database (set automatically)")


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    # scripts/run-tests.sh runs the suite twice, on SQLite then PostgreSQL; the second pass
    # skips what cannot differ between them.
    for item in items:
        if item.get_closest_marker("django_db") is None and not DATABASE_FIXTURES & set(item.fixturenames):
            item.add_marker(pytest.mark.no_database)


@pytest.fixture(autouse=True)
def english_between_tests():
    """Django's LocaleMiddleware activates a request's language for the thread and never puts it
    back, so a /cy/ page left the next test's forms, messages and CLI output in Welsh."""
    yield
    from django.utils import translation

    translation.deactivate()


@pytest.fixture(autouse=True)
def reference_data(request):
    """The bodies, vocabularies and themes that migrations load. A transactional test (a live
    server for the browser) empties every table when it ends, so put them back when missing."""
    if "no_database" in request.keywords:
        return
    marker = request.node.get_closest_marker("django_db")
    transactional = {"transactional_db", "live_server"} & set(request.fixturenames) or (
        marker is not None and marker.kwargs.get("transaction")
    )
    request.getfixturevalue("transactional_db" if transactional else "db")
    from scrutiny.catalogue.models import Body
    from scrutiny.catalogue.reference import load_reference_data

    if not Body.objects.exists():
        load_reference_data()
        _seed_again()


# Data the migrations seed beyond the catalogue, put back the same way after a flush: a deaths
# test after a transactional one found the cause mapping empty and flagged ten good rows.
SEEDED_BY_MIGRATIONS = [
    ("scrutiny.custody_deaths.migrations.0002_seed_cause_wordings", "seed"),
    ("scrutiny.key_issues.migrations.0003_seed_standards", "seed"),
    ("scrutiny.business_plan.migrations.0002_the_four_functions", "add"),
]


def _seed_again():
    from importlib import import_module

    from django.apps import apps

    for module, function in SEEDED_BY_MIGRATIONS:
        getattr(import_module(module), function)(apps, None)


@pytest.fixture(scope="session")
def static_build():
    if problem := static_build_problem():
        pytest.fail(problem, pytrace=False)


@pytest.fixture(scope="session")
def browser(static_build):
    if not CHROMIUM.exists():
        pytest.fail(f"The page tests need Debian's chromium at {CHROMIUM} (apt-get install chromium).", pytrace=False)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread, and Django refuses database
    # calls from a thread with a running loop; the test's own factory calls are synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def page_without_javascript(browser, live_server):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def screenshot():
    """Saves a full-page picture for a person to look at (the tests themselves never compare pixels)."""
    SHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str) -> None:
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)

    return take

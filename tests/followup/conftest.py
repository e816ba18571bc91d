"""The Chromium fixtures of the page tests (tests/dashboard/conftest.py), for the follow-up pages."""

from dashboard.conftest import browser, page, screenshot, static_build  # noqa: F401

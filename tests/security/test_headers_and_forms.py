"""What the browser is told: a strict Content-Security-Policy on every page, no inline script
but GOV.UK Frontend's one nonced line, forms refused without their CSRF token, and the cookie
and transport settings production runs with."""

import importlib
import re

import pytest
from django.test import Client
from django.urls import reverse

from factories import FindingFactory, ReportFactory, sign_in, staff_member

pytestmark = pytest.mark.django_db


def test_every_page_type_sends_a_strict_policy_and_runs_only_nonced_or_own_scripts(client):
    finding = FindingFactory(report=ReportFactory())
    pages = [reverse("home"), reverse("findings"), reverse("finding", args=[finding.id]), reverse("login"), "/no-such-page"]
    for address in pages:
        response = client.get(address)
        policy = response.headers["Content-Security-Policy"]
        directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
        assert directives["default-src"] == "'self'" and directives["object-src"] == "'none'"
        assert directives["frame-ancestors"] == "'none'" and directives["base-uri"] == "'none'"
        assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
        nonce = re.search(r"'nonce-([^']+)'", directives["script-src"]).group(1)
        for tag in re.findall(r"<script[^>]*>", response.content.decode()):
            assert f'nonce="{nonce}"' in tag or 'src="/static/' in tag, f"{address}: {tag}"
        assert response.headers["X-Frame-Options"] == "DENY"
        assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_each_page_gets_a_fresh_nonce(client):
    first, second = (client.get(reverse("home")).headers["Content-Security-Policy"] for _ in range(2))
    assert re.search(r"nonce-[^']+", first).group(0) != re.search(r"nonce-[^']+", second).group(0)


def test_a_form_posted_without_its_csrf_token_is_refused_and_changes_nothing():
    report = ReportFactory(draft=True)
    strict = sign_in(Client(enforce_csrf_checks=True), staff_member("editor"))
    refused = strict.post(reverse("change_state", args=[report.id]), {"state": "published"})
    assert refused.status_code == 403
    report.refresh_from_db()
    assert report.state == "draft"
    signing_in = Client(enforce_csrf_checks=True).post(reverse("login"), {"username": "x", "password": "y"})
    assert signing_in.status_code == 403


def test_production_settings_keep_cookies_to_https_and_tell_browsers_to_as_well(monkeypatch):
    monkeypatch.setenv("SCRUTINY_SECRET_KEY", "x" * 50)
    monkeypatch.setenv("SCRUTINY_DATABASE_URL", "postgres://scrutiny@localhost:5432/scrutiny")
    monkeypatch.setenv("SCRUTINY_ALLOWED_HOSTS", "npm.example.org")
    production = importlib.import_module("scrutiny.settings.production")
    importlib.reload(production)
    assert production.SESSION_COOKIE_SECURE and production.CSRF_COOKIE_SECURE
    assert production.SESSION_COOKIE_HTTPONLY and production.CSRF_COOKIE_HTTPONLY
    assert production.SECURE_HSTS_SECONDS >= 31536000
    assert production.DEBUG is False
    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")

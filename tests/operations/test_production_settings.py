"""The production settings: they pass Django's deployment checks, refuse to start without what a
shared server must be told, and believe the proxy's word on the client's address only from it."""

import json
import os
import secrets
import subprocess
import sys

import pytest
from django.test import RequestFactory

from scrutiny.dashboard.commands import static_build_problem
from scrutiny.operations.proxy import client_ip

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "scrutiny.settings.production",
    "SCRUTINY_SECRET_KEY": secrets.token_urlsafe(50),
    "SCRUTINY_DATABASE_URL": "postgres://scrutiny:secret@db.internal:5432/scrutiny",
    "SCRUTINY_ALLOWED_HOSTS": "scrutiny.example.org",
    "SCRUTINY_CSRF_TRUSTED_ORIGINS": "https://admin.example.org",
}


def django_in_production(tmp_path, code: str, **env) -> subprocess.CompletedProcess:
    settings = {k: v for k, v in {**PRODUCTION, **env}.items() if v is not None}
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SCRUTINY_", "DJANGO_"))}
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=tmp_path, env={**clean, **settings}, capture_output=True, text=True, timeout=60,
    )


def test_the_production_settings_pass_the_deployment_checks(tmp_path):
    checked = django_in_production(
        tmp_path, "from django.core.management import call_command;"
        " call_command('check', deploy=True, fail_level='WARNING')"
    )
    assert checked.returncode == 0, checked.stderr
    shown = django_in_production(
        tmp_path, "from django.conf import settings as s; print(s.DEBUG, s.DATABASES['default']['ENGINE'],"
        " s.ALLOWED_HOSTS, s.CSRF_TRUSTED_ORIGINS, s.SECURE_PROXY_SSL_HEADER, s.STORAGES['staticfiles']['BACKEND'])"
    )
    assert shown.stdout.split() == [
        "False", "django.db.backends.postgresql", "['scrutiny.example.org']", "['https://admin.example.org']",
        "('HTTP_X_FORWARDED_SSL',", "'on')", "scrutiny.operations.staticfiles.ForgivingManifestStorage",
    ]
    assert not (tmp_path / ".scrutiny-secret-key").exists()


@pytest.mark.parametrize("missing", ["SCRUTINY_SECRET_KEY", "SCRUTINY_DATABASE_URL", "SCRUTINY_ALLOWED_HOSTS"])
def test_production_will_not_start_without_what_a_shared_server_must_be_told(tmp_path, missing):
    started = django_in_production(tmp_path, "pass", **{missing: None})
    assert started.returncode != 0
    assert f"ImproperlyConfigured: {missing} must be set" in started.stderr
    assert not (tmp_path / ".scrutiny-secret-key").exists()


def test_production_runs_on_postgresql_only(tmp_path):
    started = django_in_production(tmp_path, "pass", SCRUTINY_DATABASE_URL=f"sqlite:///{tmp_path / 'x.sqlite3'}")
    assert started.returncode != 0 and "must name a PostgreSQL database" in started.stderr


def test_the_client_address_comes_from_the_proxy_only_when_the_proxy_sent_the_request(settings):
    settings.SCRUTINY_TRUSTED_PROXIES = frozenset({"127.0.0.1"})
    via_proxy = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="203.0.113.9")
    assert client_ip(via_proxy) == "203.0.113.9"
    forged = RequestFactory().get("/", REMOTE_ADDR="198.51.100.7", HTTP_X_REAL_IP="203.0.113.9")
    assert client_ip(forged) == "198.51.100.7"
    garbled = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="not an address")
    assert client_ip(garbled) == "127.0.0.1"


@pytest.mark.skipif(static_build_problem() is not None, reason="needs `npm ci && npm run build`")
def test_collectstatic_gives_content_hashed_files_from_the_build(tmp_path):
    collected = django_in_production(
        tmp_path, "from django.core.management import call_command; call_command('collectstatic', interactive=False)",
        SCRUTINY_STATIC_ROOT=str(tmp_path / "static"),
    )
    assert collected.returncode == 0, collected.stderr
    manifest = json.loads((tmp_path / "static" / "staticfiles.json").read_text())["paths"]
    hashed = manifest["scrutiny.css"]
    assert hashed != "scrutiny.css" and (tmp_path / "static" / f"{hashed}.gz").is_file()

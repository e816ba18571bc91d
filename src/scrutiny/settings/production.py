"""Settings for a shared server: PostgreSQL, `scrutiny serve` (waitress) on a loopback port behind a
reverse proxy (nginx or Apache) that terminates HTTPS. docs/operations.md walks through it.

Chosen with DJANGO_SETTINGS_MODULE=scrutiny.settings.production; everything that differs from one
server to the next comes from the environment:

    SCRUTINY_SECRET_KEY            required; a long random string, the same for every process
    SCRUTINY_DATABASE_URL          required; postgres://user:password@host:5432/name
    SCRUTINY_ALLOWED_HOSTS         required; the site's host names, comma-separated
    SCRUTINY_CSRF_TRUSTED_ORIGINS  other origins allowed to post forms (https://other.example.org,...)
    SCRUTINY_STATIC_ROOT           where `scrutiny manage collectstatic` writes (served by whitenoise)
    SCRUTINY_FILES_DIR             where report files are kept (back it up: `scrutiny backup` does)
    SCRUTINY_TRUSTED_PROXIES       the proxy's addresses (default 127.0.0.1,::1)
    SCRUTINY_HSTS_SECONDS          default 31536000 (a year); 300 while first trying HTTPS
    SCRUTINY_HSTS_INCLUDE_SUBDOMAINS  1 if every sub-domain of the site's domain is HTTPS-only
    SCRUTINY_SSL_REDIRECT          1 (default) sends plain-HTTP requests to HTTPS; 0 if the proxy does
    SCRUTINY_LOG_LEVEL             INFO (default), WARNING, DEBUG...
    SCRUTINY_CONN_MAX_AGE          seconds a database connection is reused (default 60)

The proxy must overwrite, on every request, the two headers this trusts from it:
    X-Forwarded-Ssl: on            the request came over HTTPS (SECURE_PROXY_SSL_HEADER)
    X-Real-IP: <client address>    who sent it (login throttling counts failures per address)
Not X-Forwarded-Proto or X-Forwarded-For: waitress removes those before Django sees them unless
it is told to trust a proxy, which `scrutiny serve` does not do.
"""

import os

from django.core.exceptions import ImproperlyConfigured


def _required(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"{name} must be set for the production settings (see docs/operations.md, 'Environment')."
        )
    return value


def _listed(name: str, default: str = "") -> list[str]:
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


def _flag(name: str, default: bool) -> bool:
    return os.environ.get(name, "1" if default else "0").strip().lower() in {"1", "true", "yes", "on"}


# Checked before base is read, which would otherwise write a key file of its own into the cwd.
_secret_key = _required("SCRUTINY_SECRET_KEY")
if len(_secret_key) < 32:
    raise ImproperlyConfigured("SCRUTINY_SECRET_KEY is too short: use 50 random characters or more.")

from scrutiny.settings.base import *  # noqa: E402, F403
from scrutiny.settings.database import database_settings  # noqa: E402

DEBUG = False
SECRET_KEY = _secret_key

_database_url = _required("SCRUTINY_DATABASE_URL")
if not _database_url.startswith(("postgres://", "postgresql://", "pgsql://")):
    raise ImproperlyConfigured(
        "SCRUTINY_DATABASE_URL must name a PostgreSQL database (postgres://user:password@host:5432/name):"
        " the production settings are for a shared server, where several processes write at once."
    )
DATABASES = {"default": database_settings(_database_url)}
# waitress serves each request on one of a few threads; each keeps its connection a while.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("SCRUTINY_CONN_MAX_AGE", "60"))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

_required("SCRUTINY_ALLOWED_HOSTS")
ALLOWED_HOSTS = _listed("SCRUTINY_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = _listed("SCRUTINY_CSRF_TRUSTED_ORIGINS")

# HTTPS ends at the proxy, which says so in X-Forwarded-Ssl (see the module's docstring).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_SSL", "on")
SECURE_SSL_REDIRECT = _flag("SCRUTINY_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SCRUTINY_HSTS_SECONDS", "31536000"))
# Whether every sub-domain is HTTPS-only, and preloading, are for the domain's owner to decide.
SECURE_HSTS_INCLUDE_SUBDOMAINS = _flag("SCRUTINY_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = False
SILENCED_SYSTEM_CHECKS = ["security.W005", "security.W021"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True

SCRUTINY_TRUSTED_PROXIES = frozenset(_listed("SCRUTINY_TRUSTED_PROXIES", "127.0.0.1,::1"))
AXES_CLIENT_IP_CALLABLE = "scrutiny.operations.proxy.client_ip"

# Collected once per release (`scrutiny manage collectstatic --noinput`) into STATIC_ROOT, with
# content-hashed names that browsers may cache for ever, and compressed copies beside them.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "scrutiny.operations.staticfiles.ForgivingManifestStorage"},
}
WHITENOISE_USE_FINDERS = False

# Everything to stdout, where systemd's journal (or a container runtime) keeps and rotates it.
LOG_LEVEL = os.environ.get("SCRUTINY_LOG_LEVEL", "INFO").upper()
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"line": {"format": "{asctime} {levelname} {name} {message}", "style": "{"}},
    "handlers": {"stdout": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "line"}},
    "root": {"handlers": ["stdout"], "level": LOG_LEVEL},
    "loggers": {
        # Django's own defaults would also mail ADMINS (none are set) and print only when DEBUG.
        "django": {"handlers": ["stdout"], "level": LOG_LEVEL, "propagate": False},
        "waitress": {"handlers": ["stdout"], "level": LOG_LEVEL, "propagate": False},
    },
}

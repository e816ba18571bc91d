"""Settings shared by every deployment. test.py and production.py refine them."""

import os
import secrets
from datetime import timedelta
from pathlib import Path

from csp.constants import NONCE, NONE, SELF

from scrutiny.settings.database import database_settings

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def _secret_key() -> str:
    # A local install keeps one random key beside its data, so sessions survive a restart
    # without anybody having to invent a secret.
    if key := os.environ.get("SCRUTINY_SECRET_KEY"):
        return key
    path = Path(os.environ.get("SCRUTINY_STATE_DIR", Path.cwd())) / ".scrutiny-secret-key"
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        key = secrets.token_urlsafe(50)
        try:
            path.write_text(key)
            path.chmod(0o600)
        except OSError:
            pass
        return key


SECRET_KEY = _secret_key()
DEBUG = os.environ.get("SCRUTINY_DEBUG") == "1"
ALLOWED_HOSTS = [h for h in os.environ.get("SCRUTINY_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "scrutiny.accounts",
    "scrutiny.catalogue",
    "scrutiny.reports",
    "scrutiny.findings",
    "scrutiny.dashboard",
    "scrutiny.curation",
    "scrutiny.uploads",
    "scrutiny.taxonomy",
    "scrutiny.review",
    "scrutiny.repeats",
    "scrutiny.followup",
    "scrutiny.api",
    "scrutiny.analysis",
    "scrutiny.analytics",
    "scrutiny.tracker",
    "scrutiny.key_issues",
    "scrutiny.correspondence",
    "scrutiny.custody_deaths",
    "scrutiny.reviews",
    "scrutiny.business_plan",
    "scrutiny.annual_report",
    "scrutiny.bulletin",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After whitenoise, so static files are never counted; it sets no cookie (scrutiny.analytics).
    "scrutiny.analytics.middleware.UsageCountMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "scrutiny.urls"
WSGI_APPLICATION = "scrutiny.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"environment": "scrutiny.dashboard.jinja.environment"},
    },
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    },
]

DATABASES = {"default": database_settings()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "en-gb"
LANGUAGES = [("en", "English"), ("cy", "Cymraeg")]
# One Welsh catalogue for the whole project (make setup compiles it with Babel).
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("SCRUTINY_STATIC_ROOT", PACKAGE_DIR / "static_collected"))
STATICFILES_DIRS = [PACKAGE_DIR / "dashboard" / "static_build"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

# Uploaded and ingested report files are kept, content-addressed, under this folder.
SCRUTINY_FILES_DIR = Path(os.environ.get("SCRUTINY_FILES_DIR", Path.cwd() / "scrutiny-files"))

# Accounts (scrutiny.accounts): invitation only, Argon2, throttled logins, TOTP for staff.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "manage"
# Five failures for one account from one address lock that pair out for 15 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "locked_out.html"
AXES_VERBOSE = False
OTP_TOTP_ISSUER = "Scrutiny (NPM)"
SESSION_COOKIE_AGE = 60 * 60 * 8  # a working day
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# No inline script or style anywhere, nothing from elsewhere: a script smuggled into a report's
# text could not run even if escaping failed.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        # GOV.UK Frontend's one inline line (it marks the body as able to run the components)
        # carries the per-request nonce; no other inline script can run.
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Largest report file a person may upload through the web.
SCRUTINY_UPLOAD_MAX_BYTES = int(os.environ.get("SCRUTINY_UPLOAD_MAX_BYTES", 100 * 1024 * 1024))
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

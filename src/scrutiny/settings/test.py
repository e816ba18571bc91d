"""Settings for the test suite: the same database choice, faster hashing, debug off."""

from scrutiny.settings.base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SECRET_KEY = "test-only-not-secret"

# Tests run on a real SQLite file (not Django's default in-memory database), beside the one
# SCRUTINY_DATABASE_URL names, so WAL mode and the FTS5 triggers are what production runs.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": f"{DATABASES['default']['NAME']}.test"}  # noqa: F405

# whitenoise warns on every request when STATIC_ROOT is missing; tests serve from the finders.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405

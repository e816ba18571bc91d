"""Settings for the test suite: the same database choice, faster hashing, debug off."""

from scrutiny.settings.base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SECRET_KEY = "test-only-not-secret"

"""Settings for a shared server: every secret and host comes from the environment."""

import os

from scrutiny.settings.base import *  # noqa: F403

SECRET_KEY = os.environ["SCRUTINY_SECRET_KEY"]
DEBUG = False
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 31536000

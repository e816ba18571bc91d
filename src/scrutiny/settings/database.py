"""SCRUTINY_DATABASE_URL chooses the database: sqlite:///path or postgres://user@host:port/name."""

import os
from pathlib import Path

import dj_database_url

DEFAULT_SQLITE_NAME = "scrutiny.sqlite3"


def database_url() -> str:
    url = os.environ.get("SCRUTINY_DATABASE_URL", "").strip()
    if url:
        return url
    return f"sqlite:///{Path.cwd() / DEFAULT_SQLITE_NAME}"


def database_settings(url: str | None = None) -> dict:
    config = dj_database_url.parse(url or database_url(), conn_max_age=0)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # WAL lets the dashboard read while an ingest writes; IMMEDIATE transactions take the
        # write lock up front, so two writers queue instead of failing half way.
        config["OPTIONS"] = {
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
                " PRAGMA busy_timeout=30000; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-16384;"
            ),
            "transaction_mode": "IMMEDIATE",
            "timeout": 30,
        }
    return config

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
    """SCRUTINY_CONN_MAX_AGE: seconds a connection is kept for the next request on its thread (0,
    the default: one per request; `scrutiny serve` keeps them 60 s, which saves ~4 ms a request on
    SQLite). SCRUTINY_SQLITE_CACHE_MIB: SQLite's page cache per connection (16 by default, for
    ingest; `scrutiny serve` uses 2 per thread, the operating system caching the file beneath)."""
    config = dj_database_url.parse(url or database_url(), conn_max_age=int(os.environ.get("SCRUTINY_CONN_MAX_AGE", "0")))
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # WAL lets the dashboard read while an ingest writes; IMMEDIATE transactions take the
        # write lock up front, so two writers queue instead of failing half way.
        config["OPTIONS"] = {
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
                " PRAGMA busy_timeout=30000; PRAGMA temp_store=MEMORY;"
                f" PRAGMA cache_size=-{int(os.environ.get('SCRUTINY_SQLITE_CACHE_MIB', '16')) * 1024};"
            ),
            "transaction_mode": "IMMEDIATE",
            "timeout": 30,
        }
    return config

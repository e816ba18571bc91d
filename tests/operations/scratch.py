"""Scratch databases and the `scrutiny` command in a process of its own, as an operator runs it.

The test database (Django's, named after the configured one) is where factories write; a backup
or restore runs in a separate process against it or against a scratch database made here, on
whichever engine the suite runs on (scripts/run-tests.sh runs it on SQLite, then PostgreSQL).
"""

import hashlib
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import quote

from django.db import connection

COMMAND_TIMEOUT = 180


def database_url(settings_dict: dict) -> str:
    """SCRUTINY_DATABASE_URL for a Django database's settings."""
    if settings_dict["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{Path(settings_dict['NAME']).resolve()}"
    user = quote(settings_dict["USER"] or "", safe="")
    password = f":{quote(settings_dict['PASSWORD'], safe='')}" if settings_dict["PASSWORD"] else ""
    port = f":{settings_dict['PORT']}" if settings_dict["PORT"] else ""
    return f"postgres://{user}{password}@{settings_dict['HOST'] or 'localhost'}{port}/{settings_dict['NAME']}"


def run_scrutiny(*args, database: str, files: Path, cwd: Path, timeout: float = COMMAND_TIMEOUT, **popen):
    """`scrutiny ARGS...` with the base settings (as an operator has them) on the given database."""
    return subprocess.run(
        [sys.executable, "-m", "scrutiny.cli", *map(str, args)],
        cwd=cwd, env=command_env(database, files, cwd), capture_output=True, text=True, timeout=timeout, **popen,
    )


def command_env(database: str, files: Path, cwd: Path) -> dict:
    return {
        **os.environ, "SCRUTINY_DATABASE_URL": database, "SCRUTINY_FILES_DIR": str(files),
        "SCRUTINY_STATE_DIR": str(cwd), "DJANGO_SETTINGS_MODULE": "scrutiny.settings.base",
    }


def full_dump(database: str, files: Path, cwd: Path) -> list[dict]:
    """Every row of every model, as `dumpdata` writes it (primary keys included)."""
    result = run_scrutiny("manage", "dumpdata", database=database, files=files, cwd=cwd)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def search_counts(words: list[str], database: str, files: Path, cwd: Path) -> dict[str, int]:
    """How many findings the search finds for each word, through the dashboard's search code."""
    code = (
        "import json; from scrutiny.findings.models import Finding; from scrutiny.findings.search import matching;"
        f" print(json.dumps({{w: matching(Finding.objects.all(), w).count() for w in {words!r}}}))"
    )
    result = run_scrutiny("manage", "shell", "-c", code, database=database, files=files, cwd=cwd)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def file_digests(folder: Path) -> dict[str, str]:
    """Each file under folder by its path, with the SHA-256 of its content."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


class ScratchDatabases:
    """New, empty databases on the suite's engine: files under tmp_path on SQLite, databases on
    the same server on PostgreSQL (dropped at the end)."""

    def __init__(self, tmp_path: Path):
        self.tmp_path = tmp_path
        self.settings = dict(connection.settings_dict)
        self.created: list[str] = []

    @property
    def is_sqlite(self) -> bool:
        return self.settings["ENGINE"].endswith("sqlite3")

    def new(self, label: str, template: str | None = None) -> str:
        """An empty database, or on PostgreSQL a copy of the scratch database `template` names."""
        if self.is_sqlite:
            return f"sqlite:///{self.tmp_path / f'{label}.sqlite3'}"
        name = f"scrutiny_scratch_{label}_{uuid.uuid4().hex[:8]}"
        copied = f' TEMPLATE "{template.rsplit("/", 1)[-1]}"' if template else ""
        self._server(f'CREATE DATABASE "{name}"{copied}')
        self.created.append(name)
        return database_url({**self.settings, "NAME": name})

    def drop_all(self) -> None:
        for name in self.created:
            self._server(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def _server(self, sql: str) -> None:
        import psycopg

        params = {"dbname": "postgres", "user": self.settings["USER"], "password": self.settings["PASSWORD"],
                  "host": self.settings["HOST"], "port": self.settings["PORT"]}
        with psycopg.connect(**{k: v for k, v in params.items() if v}, autocommit=True) as server:
            server.execute(sql)

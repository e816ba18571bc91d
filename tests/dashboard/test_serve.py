"""`scrutiny serve` starts a real server on a new database and serves pages and styles."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from scrutiny.dashboard.commands import static_build_problem


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.skipif(static_build_problem() is not None, reason="needs `npm ci && npm run build`")
def test_serve_creates_the_database_and_answers(tmp_path: Path):
    port = free_port()
    env = {**os.environ, "SCRUTINY_DATABASE_URL": f"sqlite:///{tmp_path / 'new.sqlite3'}",
           "SCRUTINY_STATE_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "scrutiny.settings.base"}
    server = subprocess.Popen(
        [sys.executable, "-m", "scrutiny.cli", "serve", "--port", str(port)],
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        first_line = server.stdout.readline()
        assert first_line.strip() == f"Scrutiny dashboard: http://127.0.0.1:{port}/"
        for _ in range(50):
            try:
                home = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5)
                break
            except OSError:
                time.sleep(0.1)
        assert home.status == 200 and b"Recommendation counter" in home.read()
        css = urllib.request.urlopen(f"http://127.0.0.1:{port}/static/scrutiny.css", timeout=5)
        assert css.status == 200 and b"govuk" in css.read()
    finally:
        server.terminate()
        server.wait(timeout=10)

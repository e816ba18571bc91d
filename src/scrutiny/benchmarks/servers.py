"""The servers a benchmark measures, started as subprocesses on a free loopback port, and the
plain http.client requests that time them to the last byte."""

import http.client
import math
import os
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HOST = "127.0.0.1"
# The dashboard answers in English unless asked otherwise; the Welsh pages are measured apart.
HEADERS = {"Accept-Language": "en", "User-Agent": "scrutiny-bench"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


class Server:
    """A server process on a loopback port, stopped (its whole process group) on leaving."""

    def __init__(self, name: str, command: list[str], port: int, env: dict | None = None,
                 ready_path: str = "/", start_timeout: float = 900):
        self.name, self.command, self.port, self.env = name, command, port, env
        self.ready_path, self.start_timeout = ready_path, start_timeout
        self.log = tempfile.NamedTemporaryFile(prefix=f"scrutiny-bench-{name}-", suffix=".log", delete=False)
        self.process: subprocess.Popen | None = None
        self.extra_files: list[Path] = []  # removed with the log when the server stops
        self.started_in = 0.0

    def __enter__(self) -> "Server":
        started = time.perf_counter()
        # A session of its own, so stopping it stops any process it started too.
        self.process = subprocess.Popen(self.command, env=self.env, stdout=self.log, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL, start_new_session=True)
        try:
            self._wait_until_it_answers(started + self.start_timeout)
        except BaseException:
            self.stop()
            raise
        self.started_in = time.perf_counter() - started
        return self

    def _wait_until_it_answers(self, deadline: float) -> None:
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} stopped at start (exit {self.process.returncode}):\n{self.log_tail()}")
            try:
                connection = http.client.HTTPConnection(HOST, self.port, timeout=600)
                status, _, _ = fetch(connection, self.ready_path)
                connection.close()
                if status >= 500:
                    raise RuntimeError(f"{self.name} answered {self.ready_path} with HTTP {status}:\n{self.log_tail()}")
                break
            except OSError:
                pass
            if time.perf_counter() > deadline:
                raise RuntimeError(f"{self.name} did not answer in {self.start_timeout:.0f} s:\n{self.log_tail()}")
            time.sleep(0.2)

    def __exit__(self, kind, value, trace) -> None:
        self.stop()
        if kind is None:  # a failure keeps the log for whoever reads the error
            for path in [self.log.name, *self.extra_files]:
                Path(path).unlink(missing_ok=True)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def log_tail(self, chars: int = 4000) -> str:
        self.log.flush()
        return Path(self.log.name).read_text(errors="replace")[-chars:]

    def connection(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection(HOST, self.port, timeout=600)


def fetch(connection: http.client.HTTPConnection, path: str) -> tuple[int, bytes, float]:
    """(status, body, seconds from sending the request to its last byte)."""
    started = time.perf_counter()
    connection.request("GET", path, headers=HEADERS)
    response = connection.getresponse()
    body = response.read()
    elapsed = time.perf_counter() - started
    if response.getheader("Connection", "").lower() == "close":
        connection.close()  # http.client reopens it on the next request
    return response.status, body, elapsed


@dataclass
class Timing:
    path: str
    status: int
    seconds: list[float]
    size: int
    body: bytes

    @property
    def p50(self) -> float:
        return percentile(self.seconds, 50)

    @property
    def p95(self) -> float:
        return percentile(self.seconds, 95)


def percentile(values: list[float], rank: float) -> float:
    """The nearest-rank percentile: a value that was measured, never an interpolation."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(rank / 100 * len(ordered)) - 1)]


def measure(server: Server, path: str, requests: int, warm_up: int = 3, budget: float | None = None) -> Timing:
    """Warm requests to one address over one kept-alive connection, each timed to its last byte.
    An address that does not answer 200 is timed no further. With a budget (seconds), fewer
    requests (never under three) when they take longer than that all together."""
    connection = server.connection()
    try:
        status, body = 0, b""
        for _ in range(warm_up):
            status, body, _ = fetch(connection, path)
            if status != 200:
                return Timing(path, status, [], len(body), body)
        seconds = []
        for _ in range(requests):
            status, body, elapsed = fetch(connection, path)
            if status != 200:
                return Timing(path, status, [], len(body), body)
            seconds.append(elapsed)
            if budget is not None and len(seconds) >= 3 and sum(seconds) > budget:
                break
        return Timing(path, status, seconds, len(body), body)
    finally:
        connection.close()

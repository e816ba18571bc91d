"""`scrutiny bench load`: simulated people browse the public dashboard of the bench database at
once, for a fixed time, while the server's resident memory is sampled.

Each user is a thread with its own kept-alive connection (as a browser keeps one), walking the
pages a person would — home, findings, a facet clicked and then another, the next page, a search,
a finding, its report, the establishments and bodies, the analysis pages when they exist — with a
pause to read between pages. Any answer other than 2xx or 3xx, or a failed connection, is an error.
"""

import http.client
import random
import sqlite3
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import psutil

from scrutiny.benchmarks.build import TEMPLATE_REPORTS
from scrutiny.benchmarks.servers import Server, fetch, percentile

SEARCHES = ("staff", "use of force", "segregation", "healthcare", "food", "visits", "self-harm", "education",
            "staff shortages", "cleanliness", "complaints", "detainees", "family contact", "restraint")
MEMORY_TARGET_MIB = 300
SAMPLE_EVERY = 0.5


@dataclass
class Sights:
    """What there is to visit, read from the database once."""

    findings: list
    reports: list
    establishments: list
    bodies: list
    settings: list
    themes: list
    years: list
    analysis: list = field(default_factory=list)  # analysis pages this build serves

    @classmethod
    def read(cls, path: Path) -> "Sights":
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as con:
            def column(sql):
                return [row[0] for row in con.execute(sql)]
            return cls(
                findings=column("SELECT id FROM findings_finding WHERE is_published ORDER BY random() LIMIT 3000"),
                reports=column("SELECT id FROM reports_report WHERE is_published ORDER BY random() LIMIT 1000"),
                establishments=column("SELECT DISTINCT e.slug FROM catalogue_establishment e "
                                      "JOIN reports_report_establishments r ON r.establishment_id = e.id"),
                bodies=column("SELECT slug FROM catalogue_body"),
                settings=column("SELECT slug FROM catalogue_setting"),
                themes=column("SELECT slug FROM catalogue_theme"),
                years=column("SELECT DISTINCT year FROM findings_finding"),
            )


def visit_plan(rng: random.Random, sights: Sights) -> list[tuple[str, str]]:
    """One person's visit: (page kind, address) in the order they would go."""
    facet = rng.choice([("body", sights.bodies), ("setting", sights.settings), ("theme", sights.themes)])
    first = {facet[0]: rng.choice(facet[1])}
    second = {**first, "year": rng.choice(sights.years)}
    pages = [
        ("home", "/"),
        ("findings", "/findings"),
        ("findings, one facet", f"/findings?{urlencode(first)}"),
        ("findings, two facets", f"/findings?{urlencode(second)}"),
        ("findings, next page", f"/findings?{urlencode({**first, 'page': 2})}"),
        ("search", f"/findings?{urlencode({'q': rng.choice(SEARCHES)})}"),
        ("finding", f"/findings/{rng.choice(sights.findings)}"),
        ("report", f"/reports/{rng.choice(sights.reports)}"),
        ("establishments", "/establishments"),
        ("establishment", f"/establishments/{rng.choice(sights.establishments)}"),
        ("bodies", "/bodies"),
        ("body", f"/bodies/{rng.choice(sights.bodies)}"),
    ]
    for page in sights.analysis:
        pages.append((page, f"{page}?{urlencode({'theme': rng.choice(sights.themes)})}"))
    # People do not all walk the same way: keep home first, shuffle the rest a little.
    rest = pages[1:]
    rng.shuffle(rest)
    return [pages[0], *rest[: rng.randint(5, len(rest))]]


@dataclass
class Tally:
    lock: threading.Lock = field(default_factory=threading.Lock)
    seconds: list = field(default_factory=list)
    by_page: dict = field(default_factory=lambda: defaultdict(list))
    errors: Counter = field(default_factory=Counter)
    error_examples: dict = field(default_factory=dict)

    def record(self, page: str, elapsed: float, problem: str | None, address: str) -> None:
        with self.lock:
            self.seconds.append(elapsed)
            self.by_page[page].append(elapsed)
            if problem:
                self.errors[(page, problem)] += 1
                self.error_examples.setdefault((page, problem), address)


def browse(server: Server, sights: Sights, seed: int, until: float, think: float, tally: Tally) -> None:
    rng = random.Random(seed)
    time.sleep(rng.uniform(0, think * 2))  # people arrive over the first moments, not at once
    connection = server.connection()
    while time.perf_counter() < until:
        for page, address in visit_plan(rng, sights):
            if time.perf_counter() >= until:
                break
            started = time.perf_counter()
            try:
                status, _, elapsed = fetch(connection, address)
                problem = None if 200 <= status < 400 else f"HTTP {status}"
            except (OSError, http.client.HTTPException) as exc:
                elapsed, problem = time.perf_counter() - started, type(exc).__name__
                connection.close()
                connection = server.connection()
            tally.record(page, elapsed, problem, address)
            time.sleep(min(4 * think, rng.expovariate(1 / think)) if think > 0 else 0)
    connection.close()


class MemoryWatch(threading.Thread):
    """The resident memory of the server and every process under it, every half second."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.process = psutil.Process(pid)
        self.peak = 0
        self.samples: list[int] = []
        self.stopping = threading.Event()

    def run(self) -> None:
        while not self.stopping.is_set():
            try:
                rss = sum(p.memory_info().rss for p in [self.process, *self.process.children(recursive=True)])
            except psutil.Error:
                rss = 0
            self.samples.append(rss)
            self.peak = max(self.peak, rss)
            self.stopping.wait(SAMPLE_EVERY)

    def stop(self) -> None:
        self.stopping.set()
        self.join()


def analysis_pages(server: Server) -> list[str]:
    """The analysis pages this build serves (they arrive with issue 5; absent ones are skipped)."""
    present = []
    for page in ("/trends", "/top-themes", "/compare"):
        connection = server.connection()
        try:
            status, _, _ = fetch(connection, page)
        finally:
            connection.close()
        if status == 200:
            present.append(page)
    return present


def run_bench_load(findings: int, seed: int, users: int, seconds: float, think: float, rebuild: bool,
                   cache: Path, template_reports: int = TEMPLATE_REPORTS) -> int:
    from scrutiny.benchmarks.build import ensure_database
    from scrutiny.benchmarks.serve import our_server

    database = ensure_database(findings, seed, rebuild=rebuild, cache=cache, template_reports=template_reports)
    sights = Sights.read(database.path)
    with our_server(database, cache) as server:
        print(f"scrutiny serve answered after {server.started_in:.1f} s")
        sights.analysis = analysis_pages(server)
        print(f"{users} users for {seconds:.0f} s, a mean {think:.1f} s between pages; analysis pages: "
              f"{', '.join(sights.analysis) or 'none served yet'}")
        watch = MemoryWatch(server.process.pid)
        watch.start()
        tally = Tally()
        started = time.perf_counter()
        until = started + seconds
        threads = [threading.Thread(target=browse, args=(server, sights, seed * 1000 + n, until, think, tally))
                   for n in range(users)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
        watch.stop()
    return report(tally, watch, elapsed)


def report(tally: Tally, watch: MemoryWatch, elapsed: float) -> int:
    requests, errors = len(tally.seconds), sum(tally.errors.values())
    print(f"requests: {requests:,} in {elapsed:.0f} s ({requests / elapsed:.1f}/s); errors: {errors}")
    for (page, problem), n in sorted(tally.errors.items()):
        print(f"  error: {page}: {problem} x{n} (e.g. {tally.error_examples[(page, problem)]})")
    ms = [s * 1000 for s in tally.seconds]
    print(f"latency ms: p50 {percentile(ms, 50):.0f}  p95 {percentile(ms, 95):.0f}  p99 {percentile(ms, 99):.0f}  "
          f"max {max(ms, default=0):.0f}")
    width = max((len(p) for p in tally.by_page), default=4)
    print(f"  {'page'.ljust(width)}  requests  p50 ms  p95 ms")
    for page, values in sorted(tally.by_page.items()):
        values = [v * 1000 for v in values]
        print(f"  {page.ljust(width)}  {len(values):8,}  {percentile(values, 50):6.0f}  {percentile(values, 95):6.0f}")
    peak = watch.peak / 2**20
    verdict = "under" if peak < MEMORY_TARGET_MIB else "OVER"
    print(f"server peak resident memory: {peak:.0f} MiB ({verdict} the {MEMORY_TARGET_MIB} MiB target; "
          f"{len(watch.samples)} samples every {SAMPLE_EVERY} s, the server and its children)")
    return 0 if errors == 0 and peak < MEMORY_TARGET_MIB else 1

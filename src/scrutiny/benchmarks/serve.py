"""`scrutiny bench serve`: the public dashboard on N findings, timed to the last byte on loopback,
against Datasette serving the same SQLite file.

The queries are chosen from the database itself, so they mean the same at any size: a broad filter
(the single facet value nearest a third of the findings), a narrow one (a body in one year, about
0.5%), a common word (nearest 15% of findings) and a rare one, the commonest theme's trend chart,
and an export filter nearest 10,000 findings. Our server is measured first and stopped, then
Datasette, so each has both cores to itself.
"""

import json
import re
import sqlite3
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from scrutiny.benchmarks.build import TEMPLATE_REPORTS, BenchDatabase, bench_environment, scrutiny_command
from scrutiny.benchmarks.multiply import RARE_WORDS
from scrutiny.benchmarks.servers import Server, Timing, free_port, measure

COMMON_WORDS = ("staff", "prisoners", "detainees", "patients", "health", "records", "safety", "time", "ensure")
BROAD_SHARE, NARROW_SHARE, COMMON_SHARE, EXPORT_ROWS = 1 / 3, 0.005, 0.15, 10_000
TARGET_MS = 100
TWIN_BUDGET = 60.0
# Datasette facets the columns of findings_finding only: it has no facet through a tag table.
DATASETTE_FACETS = ("body_id", "setting_id", "nation_id", "year", "reporting_year", "kind", "status")
COLUMN_OF = {"body": "body_id", "setting": "setting_id", "nation": "nation_id", "kind": "kind", "year": "year"}


@dataclass
class Choice:
    """A filter picked from the database, with how many published findings it matches."""

    params: dict
    count: int
    keys: dict = field(default_factory=dict)  # the same filter on findings_finding's columns


@dataclass
class Plan:
    published: int
    broad: Choice
    narrow: Choice
    export: Choice
    common_word: str
    common_count: int
    rare_word: str
    rare_count: int
    theme: str


def plan_queries(path: Path) -> Plan:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as con:
        published = con.execute("SELECT count(*) FROM findings_finding WHERE is_published").fetchone()[0]
        singles = [c for facet in ("body", "setting", "nation", "kind") for c in _counts(con, (facet,))]
        pairs = _counts(con, ("body", "year")) + _counts(con, ("setting", "year")) + _counts(con, ("kind", "year"))
        words = {w: _matching(con, w) for w in COMMON_WORDS}
        rare_word = RARE_WORDS[0]
        theme = con.execute(
            "SELECT t.slug FROM findings_tag g JOIN catalogue_theme t ON t.id = g.theme_id "
            "GROUP BY t.slug ORDER BY count(*) DESC LIMIT 1").fetchone()
        rare_count = _matching(con, rare_word)
    # The first word of the list within five points of 15% (a word people search for), else the nearest.
    near = [w for w in COMMON_WORDS if abs(words[w] / max(1, published) - COMMON_SHARE) <= 0.05]
    common = near[0] if near else min(words, key=lambda w: abs(words[w] / max(1, published) - COMMON_SHARE))
    narrow_pairs = [c for c in _counts_of(pairs, "body", "year") if c.count < published / 100] or pairs
    return Plan(
        published=published,
        broad=_nearest(singles, published * BROAD_SHARE),
        narrow=_nearest(narrow_pairs, published * NARROW_SHARE),
        export=_nearest(singles + pairs, min(EXPORT_ROWS, published)),
        common_word=common, common_count=words[common], rare_word=rare_word, rare_count=rare_count,
        theme=theme[0] if theme else "",
    )


def _counts(con, facets: tuple) -> list[Choice]:
    selects, joins = [], []
    for n, facet in enumerate(facets):
        if facet in ("body", "setting", "nation"):
            joins.append(f"JOIN catalogue_{facet} c{n} ON c{n}.id = f.{COLUMN_OF[facet]}")
            selects.append(f"c{n}.slug, f.{COLUMN_OF[facet]}")
        else:
            selects.append(f"f.{facet}, f.{facet}")
    rows = con.execute(f"SELECT {', '.join(selects)}, count(*) FROM findings_finding f {' '.join(joins)} "
                       f"WHERE f.is_published GROUP BY {', '.join(str(2 * n + 1) for n in range(len(facets)))}")
    choices = []
    for row in rows:
        params = {facet: str(row[2 * n]) for n, facet in enumerate(facets)}
        keys = {COLUMN_OF[facet]: row[2 * n + 1] for n, facet in enumerate(facets)}
        choices.append(Choice(params, row[-1], keys))
    return choices


def _counts_of(choices: list[Choice], *facets) -> list[Choice]:
    return [c for c in choices if set(c.params) == set(facets)]


def _nearest(choices: list[Choice], target: float) -> Choice:
    return min(choices, key=lambda c: abs(c.count - target))


def _matching(con, word: str) -> int:
    """Published findings holding the word, as the FTS5 index the application keeps finds it."""
    return con.execute(
        "SELECT count(*) FROM findings_finding WHERE is_published AND id IN "
        "(SELECT rowid FROM findings_finding_fts WHERE findings_finding_fts MATCH ?)", [f'"{word}"']
    ).fetchone()[0]


@dataclass
class Row:
    label: str
    ours: str  # an address on our server
    datasette: str = ""  # the equivalent on Datasette's, if there is one
    # A budget bounds a row that could take seconds per request, so that a million-finding run
    # ends the same day (the .json twins once returned every matching finding).
    budget: float | None = None
    ours_timing: Timing | None = None
    datasette_timing: Timing | None = None


def rows_for(plan: Plan, database: str) -> list[Row]:
    def share(n):
        return f"{n / max(1, plan.published):.1%}"

    table = f"/{database}/findings_finding"
    facets = "&".join(f"_facet={column}" for column in DATASETTE_FACETS)
    published = "is_published=1"

    def datasette_filter(choice: Choice) -> str:
        return f"{table}.json?{urlencode(choice.keys)}&{published}&{facets}&_size=50"

    broad, narrow, export = (urlencode(c.params) for c in (plan.broad, plan.narrow, plan.export))
    common, rare = urlencode({"q": plan.common_word}), urlencode({"q": plan.rare_word})
    search = f"{table}.json?{published}&_size=50&_search="
    return [
        Row(f"facet page, broad: {broad} ({share(plan.broad.count)})", f"/findings?{broad}", datasette_filter(plan.broad)),
        Row("  the same, .json twin", f"/findings.json?{broad}", datasette_filter(plan.broad), TWIN_BUDGET),
        Row(f"facet page, narrow: {narrow} ({share(plan.narrow.count)})", f"/findings?{narrow}", datasette_filter(plan.narrow)),
        Row("  the same, .json twin", f"/findings.json?{narrow}", datasette_filter(plan.narrow), TWIN_BUDGET),
        Row(f"search, common word “{plan.common_word}” ({share(plan.common_count)})", f"/findings?{common}",
            search + plan.common_word),
        Row("  the same, .json twin", f"/findings.json?{common}", search + plan.common_word, TWIN_BUDGET),
        Row(f"search, rare word “{plan.rare_word}”", f"/findings?{rare}", search + plan.rare_word),
        Row("  the same, .json twin", f"/findings.json?{rare}", search + plan.rare_word, TWIN_BUDGET),
        Row(f"trend chart, theme {plan.theme}", f"/trends.svg?{urlencode({'theme': plan.theme})}"),
        Row(f"CSV export: {export} ({plan.export.count:,} findings)", f"/findings.csv?{export}",
            f"{table}.csv?{urlencode(plan.export.keys)}&{published}&_stream=on&_size=max"),
    ]


def datasette_metadata(database: str) -> Path:
    """Datasette finds an FTS table by its content="table" in double quotes; ours is created with
    single quotes, so it is named here (metadata, not a change to the file)."""
    metadata = {"databases": {database: {"tables": {"findings_finding": {"fts_table": "findings_finding_fts",
                                                                           "fts_pk": "id"}}}}}
    handle = tempfile.NamedTemporaryFile("w", prefix="scrutiny-bench-datasette-", suffix=".json", delete=False)
    json.dump(metadata, handle)
    handle.close()
    return Path(handle.name)


def our_server(database: BenchDatabase, cache: Path) -> Server:
    port = free_port()
    command = scrutiny_command("serve", "--host", "127.0.0.1", "--port", str(port), "--no-worker")
    return Server("scrutiny", command, port, bench_environment(database.path, cache))


def datasette_server(database: BenchDatabase) -> Server:
    port = free_port()
    name = database.path.stem
    metadata = datasette_metadata(name)
    command = [
        sys.executable, "-m", "datasette", "serve", "-i", str(database.path), "--host", "127.0.0.1",
        "--port", str(port), "-m", str(metadata),
        # Datasette's defaults give up on a query after 1 s and a facet after 0.2 s (and leave it
        # out): raised, so that it answers the whole question, as our pages do.
        "--setting", "sql_time_limit_ms", "20000", "--setting", "facet_time_limit_ms", "20000",
        "--setting", "suggest_facets", "off", "--setting", "max_csv_mb", "0",
    ]
    server = Server("datasette", command, port, ready_path=f"/{name}.json")
    server.extra_files.append(metadata)
    return server


def total_of(timing: Timing | None) -> str:
    """The total count the response shows: the page's results heading, the JSON's count, or the
    CSV's data rows."""
    if timing is None or not timing.seconds:
        return ""
    text = timing.body.decode("utf-8", "replace")
    if timing.path.split("?")[0].endswith(".csv"):
        return f"{max(0, text.count(chr(10)) - 1):,} lines"
    if text.lstrip().startswith("{"):
        data = json.loads(text)
        for key in ("count", "filtered_table_rows_count"):
            if isinstance(data.get(key), int):
                return f"{data[key]:,}"
        return ""
    match = re.search(r'id="results-count"[^>]*>\s*([\d,]+)', text)
    return match[1] if match else ""


def run_bench_serve(findings: int, seed: int, requests: int, rebuild: bool, cache: Path,
                    template_reports: int = TEMPLATE_REPORTS) -> int:
    from scrutiny.benchmarks.build import ensure_database

    database = ensure_database(findings, seed, rebuild=rebuild, cache=cache, template_reports=template_reports)
    plan = plan_queries(database.path)
    print(f"published findings: {plan.published:,}; common word “{plan.common_word}” in "
          f"{plan.common_count / max(1, plan.published):.1%}; rare word “{plan.rare_word}” in {plan.rare_count}")
    rows = rows_for(plan, database.path.stem)
    with our_server(database, cache) as server:
        print(f"scrutiny serve answered after {server.started_in:.1f} s; {requests} warm requests per address")
        for row in rows:
            row.ours_timing = measure(server, row.ours, requests, warm_up=1 if row.budget else 3, budget=row.budget)
    with datasette_server(database) as server:
        print(f"datasette answered after {server.started_in:.1f} s")
        timed = {}
        for row in rows:
            if row.datasette and row.datasette not in timed:
                timed[row.datasette] = measure(server, row.datasette, requests)
            row.datasette_timing = timed.get(row.datasette)
    print_table(rows)
    failed = [r for r in rows if r.ours_timing and r.ours_timing.status not in (200, 404)]
    return 1 if failed else 0


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f}" if seconds < 10 else f"{seconds:,.0f} s"


def print_table(rows: list[Row]) -> None:
    header = ("query", "n", "ours p50 ms", "p95", "KiB", "total", "datasette p50", "p95", "total",
              "datasette/ours p95", "p95<100ms ours/ds")
    lines = []
    for row in rows:
        ours, theirs = row.ours_timing, row.datasette_timing
        if ours is None or not ours.seconds:
            status = f"not available (HTTP {ours.status})" if ours else "not measured"
            lines.append((row.label, "", status, "", "", "", *_datasette_cells(theirs), "", ""))
            continue
        ratio = f"{theirs.p95 / ours.p95:.1f}x" if theirs and theirs.seconds else ""
        under = "yes" if ours.p95 * 1000 < TARGET_MS else "NO"
        if theirs and theirs.seconds:
            under += "/" + ("yes" if theirs.p95 * 1000 < TARGET_MS else "no")
        lines.append((row.label, len(ours.seconds), _ms(ours.p50), _ms(ours.p95), f"{ours.size / 1024:,.0f}", total_of(ours),
                      *_datasette_cells(theirs), ratio, under))
    widths = [max(len(str(line[i])) for line in [header, *lines]) for i in range(len(header))]
    for n, line in enumerate([header, *lines]):
        print("  ".join(str(cell).ljust(w) if i == 0 else str(cell).rjust(w) for i, (cell, w) in enumerate(zip(line, widths))))
        if n == 0:
            print("  ".join("-" * w for w in widths))
    print("Datasette: the same filters with its 7 column facets (it has no facet through the theme and "
          "population tags; ours shows 9); its search is unranked (by id), ours ranked by relevance.\n"
          "n: warm requests timed. A .json twin is its page as data: the same 50 findings, the count and "
          f"the facets (Datasette's .json: 50 rows and its facets); a row is timed within {TWIN_BUDGET:.0f} s.")


def _datasette_cells(timing: Timing | None) -> tuple:
    if timing is None:
        return ("", "", "")
    if not timing.seconds:
        return (f"HTTP {timing.status}", "", "")
    return (_ms(timing.p50), _ms(timing.p95), total_of(timing))

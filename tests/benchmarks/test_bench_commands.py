"""`scrutiny bench serve` and `bench load` end to end on a tiny database, through the real command
in a subprocess, as a person runs them: every row printed, no traceback. (No time is checked.)"""

import re
import subprocess
import sys

TEMPLATE_REPORTS = 9  # as the database tests ask, so the package's cache holds one template


def bench(cache, *args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "scrutiny.cli", "bench", *args, "--findings", "2000",
               "--template-reports", str(TEMPLATE_REPORTS), "--cache", str(cache)]
    return subprocess.run(command, capture_output=True, text=True, timeout=600)


def test_bench_serve_prints_every_query_with_ours_and_datasettes_figures(bench_cache):
    done = bench(bench_cache, "serve", "--requests", "3")
    output = done.stdout + done.stderr
    assert "Traceback" not in output, output
    assert done.returncode == 0, output
    table = output[output.index("query "):]
    for label in ("facet page, broad", "facet page, narrow", "search, common word", "search, rare word",
                  "trend chart, theme", "CSV export"):
        assert label in table, label
    assert table.count("  the same, .json twin") == 4
    broad = next(line for line in table.splitlines() if line.startswith("facet page, broad"))
    # ours (p50, p95, size, total), then Datasette's figures and the ratio: numbers, not a failure.
    assert "HTTP" not in broad and broad.rstrip().endswith(("yes/yes", "NO/yes", "yes/no", "NO/no")), broad
    assert re.search(r"published findings: [\d,]+; common word “\w+” in [\d.]+%", output), output


def test_bench_load_prints_requests_errors_latency_and_memory(bench_cache):
    done = bench(bench_cache, "load", "--users", "3", "--seconds", "4", "--think", "0.2")
    output = done.stdout + done.stderr
    assert "Traceback" not in output, output
    assert "errors: 0" in output, output
    for figure in ("requests: ", "latency ms: p50", "p95", "p99", "server peak resident memory: "):
        assert figure in output, figure
    assert done.returncode == 0, output

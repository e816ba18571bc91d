"""`scrutiny bench serve` and `scrutiny bench load`, under the `bench` command of
scrutiny.reports.commands (which calls register with its sub-command parsers)."""

import sys
from pathlib import Path

from scrutiny.benchmarks.build import DEFAULT_CACHE, TEMPLATE_REPORTS


def _database_options(parser) -> None:
    parser.add_argument("--findings", type=int, default=1_000_000, help="findings in the database (default 1,000,000)")
    parser.add_argument("--seed", type=int, default=2026, help="same seed, same database (default 2026)")
    parser.add_argument("--rebuild", action="store_true", help="build the database again even if it is cached")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE,
                        help=f"where the databases are kept (default {DEFAULT_CACHE})")
    parser.add_argument("--template-reports", type=int, default=TEMPLATE_REPORTS,
                        help=f"demo reports ingested for the texts to multiply (default {TEMPLATE_REPORTS})")


def register(bench_commands) -> None:
    serve = bench_commands.add_parser(
        "serve", help="the dashboard on a million findings: p50/p95 per page against Datasette",
        description="Build (or reuse) a realistic database, start `scrutiny serve` on it, time warm "
        "requests to the last byte for facet pages, searches, a trend chart and a CSV export, then "
        "the same facets and searches through Datasette on the same file.",
    )
    _database_options(serve)
    serve.add_argument("--requests", type=int, default=50, help="warm requests timed per address (default 50)")
    serve.set_defaults(func=run_serve)
    load = bench_commands.add_parser(
        "load", help="concurrent users browsing the public dashboard: errors, latency, server memory",
        description="Simulated people browse the public dashboard of the same database for a fixed "
        "time; prints requests, errors, throughput, p50/p95/p99 and the server's peak resident memory.",
    )
    _database_options(load)
    load.add_argument("--users", type=int, default=50, help="simultaneous users (default 50)")
    load.add_argument("--seconds", type=float, default=120, help="how long they browse (default 120)")
    load.add_argument("--think", type=float, default=1.0, help="mean pause between a user's pages, seconds (default 1)")
    load.set_defaults(func=run_load)


def run_serve(args) -> int:
    from scrutiny.benchmarks.serve import run_bench_serve

    return _reporting_failure("serve", run_bench_serve, args.findings, args.seed, args.requests, args.rebuild,
                              args.cache, args.template_reports)


def run_load(args) -> int:
    from scrutiny.benchmarks.load import run_bench_load

    return _reporting_failure("load", run_bench_load, args.findings, args.seed, args.users, args.seconds, args.think,
                              args.rebuild, args.cache, args.template_reports)


def _reporting_failure(name: str, bench, *args) -> int:
    """A server that would not start or a build step that failed: said in a sentence, with the
    server's own output, rather than as a traceback of the benchmark."""
    try:
        return bench(*args)
    except RuntimeError as exc:
        print(f"scrutiny bench {name}: {exc}", file=sys.stderr)
        return 1

"""`scrutiny ingest PATH...`, `scrutiny bench ingest DIR` and `scrutiny bench repeats`."""

from pathlib import Path


def register(subparsers) -> None:
    ingest = subparsers.add_parser(
        "ingest", help="read reports (PDF, DOCX, HTML, text) and store their findings",
        description="Ingest report files and folders. Metadata comes from the options or from a "
        "NAME.meta.json file beside each report; options win.",
    )
    ingest.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    ingest.add_argument("--body", help="body slug or name, e.g. hmip")
    ingest.add_argument("--establishment", help="establishment name as printed")
    ingest.add_argument("--date", dest="published", help="publication date, YYYY-MM-DD")
    ingest.add_argument("--type", dest="type", help="report type, e.g. full-inspection")
    ingest.add_argument("--title")
    ingest.add_argument("--setting", help="setting slug, e.g. adult-prison")
    ingest.add_argument("--nation", help="nation slug, e.g. wales")
    ingest.add_argument("--draft", action="store_true", help="hold the reports back from the public dashboard")
    ingest.set_defaults(func=run_ingest)

    bench = subparsers.add_parser("bench", help="measure performance")
    bench_commands = bench.add_subparsers(dest="bench_command", metavar="BENCHMARK")
    bench_commands.required = True
    bench_ingest = bench_commands.add_parser(
        "ingest", help="pages per second: whole ingest against bare pypdfium2 text extraction"
    )
    bench_ingest.add_argument("directory", type=Path)
    bench_ingest.add_argument("--limit", type=int, default=0, help="use only the first N PDF files")
    bench_ingest.set_defaults(func=run_bench_ingest)
    bench_tag = bench_commands.add_parser(
        "tag", help="findings per second: the default tagger against the keyword tagger alone"
    )
    bench_tag.add_argument("--findings", type=int, default=100_000)
    bench_tag.add_argument("--workers", type=int, default=2, help="processes tagging at once (default 2)")
    bench_tag.set_defaults(func=run_bench_tag)
    bench_repeats = bench_commands.add_parser(
        "repeats", help="a new report's findings checked for repeats against a million earlier ones",
        description="Index build time and memory, then time per 30-finding report against an "
        "exhaustive scan; with --pairs, precision and recall of the threshold on the labelled pairs.",
    )
    bench_repeats.add_argument("--pairs", action="store_true",
                               help="measure precision and recall on the labelled pairs instead")
    bench_repeats.add_argument("--findings", type=int, default=1_000_000, help="earlier findings to index")
    bench_repeats.add_argument("--reports", type=int, default=20, help="new 30-finding reports to check")
    bench_repeats.add_argument("--sample", type=int, default=100_000, help="findings the baseline scans")
    bench_repeats.set_defaults(func=run_bench_repeats)
    from scrutiny.benchmarks.commands import register as register_dashboard_benchmarks

    register_dashboard_benchmarks(bench_commands)  # bench serve, bench load


def run_ingest(args) -> int:
    from scrutiny.django_setup import start_django

    start_django()
    from scrutiny.reports.console import ingest_with_progress

    overrides = {
        "body": args.body, "establishment": args.establishment, "published": args.published,
        "type": args.type, "title": args.title, "setting": args.setting, "nation": args.nation,
    }
    outcomes = ingest_with_progress(args.paths, overrides, publish=not args.draft)
    return 1 if any(o.status == "failed" for o in outcomes) or not outcomes else 0


def run_bench_ingest(args) -> int:
    from scrutiny.reports.bench import bench_ingest

    return bench_ingest(args.directory, limit=args.limit)


def run_bench_repeats(args) -> int:
    from scrutiny.reports.repeats_bench import run_bench, run_pairs

    if args.pairs:
        return run_pairs()
    return run_bench(args.findings, args.reports, args.sample)


def run_bench_tag(args) -> int:
    from scrutiny.tagging.bench import bench_tag

    return bench_tag(args.findings, args.workers)

"""`scrutiny demo generate`: write a deterministic corpus of realistic reports with gold."""


def register(subparsers) -> None:
    demo = subparsers.add_parser("demo", help="demo corpus of realistic reports with gold findings")
    demo_commands = demo.add_subparsers(dest="demo_command", metavar="COMMAND")
    demo_commands.required = True
    generate = demo_commands.add_parser(
        "generate", help="write N reports (PDF, DOCX, HTML) with .gold.jsonl and .meta.json"
    )
    generate.add_argument("outdir", metavar="OUTDIR")
    generate.add_argument("--reports", type=int, default=54, help="number of reports (default 54)")
    generate.add_argument("--seed", type=int, default=1, help="same seed, same bytes (default 1)")
    generate.add_argument("--processes", type=int, default=None, help="worker processes (default 2)")
    generate.set_defaults(func=run_generate)


def run_generate(args) -> int:
    import time
    from collections import Counter

    from scrutiny_demo.corpus import generate

    started = time.perf_counter()

    def progress(written, done, total):
        if done == total or done % 10 == 0:
            print(f"\r{done}/{total} reports", end="", flush=True)

    written = generate(args.reports, args.seed, args.outdir, args.processes, progress)
    elapsed = time.perf_counter() - started
    print()
    pages = sum(w.pages for w in written)
    findings = sum(w.findings for w in written)
    formats = Counter(w.format for w in written)
    print(
        f"wrote {len(written)} reports ({pages} pages, {findings} gold findings; "
        + ", ".join(f"{n} {f}" for f, n in sorted(formats.items()))
        + f") to {args.outdir} in {elapsed:.1f}s"
    )
    return 0

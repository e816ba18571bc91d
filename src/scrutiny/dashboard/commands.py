"""`scrutiny serve`: the dashboard on a real multi-threaded WSGI server (waitress), with the
static files served by whitenoise from the npm build, so one command is a working site."""

import os
import sys
from pathlib import Path

STATIC_BUILD = Path(__file__).resolve().parent / "static_build"
BUILD_HINT = "npm ci && npm run build"


def register(subparsers) -> None:
    serve = subparsers.add_parser("serve", help="serve the Reporting Dashboard")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    serve.add_argument("--threads", type=int, default=4, help="worker threads (default 4)")
    serve.add_argument("--no-worker", action="store_true",
                       help="do not read uploaded reports in this process (run `scrutiny uploads work` instead)")
    serve.set_defaults(func=run_serve)


def static_build_problem() -> str | None:
    """Why the pages would come out unstyled, or None when the front-end build is in place."""
    if not (STATIC_BUILD / "scrutiny.css").is_file():
        return (
            f"The dashboard's styles are not built yet ({STATIC_BUILD} has no scrutiny.css).\n"
            f"Build them once, from the repository root: {BUILD_HINT}\n"
            "The pages will work meanwhile, without their styles."
        )
    return None


def keep_the_heap_small() -> None:
    """glibc gives each thread its own heap arena and raises its mmap threshold every time a large
    block is freed, so the query engine's per-request arrays (a megabyte each at a million
    findings) end up kept in a heap per thread rather than handed back. Two arenas, and fixed
    thresholds: blocks over 4 MiB mapped (so always returned), and a heap trimmed once 16 MiB at
    its top are free. A lower mmap threshold (256 KiB) kept the load test 10 MB lower but cost a
    page fault per 4 KB of every array: a common-word search took 65 ms rather than 40. glibc only."""
    import ctypes

    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return
    m_arena_max, m_mmap_threshold, m_trim_threshold = -8, -3, -1
    libc.mallopt(m_arena_max, 2)
    libc.mallopt(m_mmap_threshold, 4 * 2**20)
    libc.mallopt(m_trim_threshold, 16 * 2**20)


def freeze_what_is_loaded() -> None:
    """Load the URLs and views, then move everything loaded so far out of the garbage collector's
    sight (gc.freeze): its full collections then walk only what requests made, not every module,
    view and template of the site. At a million findings a 10,000-row export was 95 ms at the
    median and 131 ms at p95 before, 94 and 98 ms after (the slow ones were full collections)."""
    import gc

    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 (imports every view module)
    gc.collect()
    gc.freeze()


def run_serve(args) -> int:
    from waitress import create_server

    keep_the_heap_small()  # before any thread starts
    # Each thread keeps its connection between requests, with a small page cache (settings.database).
    os.environ.setdefault("SCRUTINY_CONN_MAX_AGE", "60")
    os.environ.setdefault("SCRUTINY_SQLITE_CACHE_MIB", "2")

    from scrutiny.django_setup import start_django

    start_django(migrate=True)
    from django.conf import settings
    from django.core.wsgi import get_wsgi_application

    # whitenoise serves from the finders (no collectstatic needed) but warns if STATIC_ROOT is absent.
    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)

    if problem := static_build_problem():
        print(problem, file=sys.stderr)
    application = get_wsgi_application()
    freeze_what_is_loaded()
    try:
        # ident hides the server's name and version from response headers.
        server = create_server(application, host=args.host, port=args.port, threads=args.threads, ident="")
    except OSError as exc:
        print(f"scrutiny serve: cannot listen on {args.host}:{args.port}: {exc.strerror}"
              " (is another server using it? choose another with --port)", file=sys.stderr)
        return 1
    shown_host = f"[{args.host}]" if ":" in args.host else args.host
    print(f"Scrutiny dashboard: http://{shown_host}:{args.port}/", flush=True)
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print("Other machines reach it by the names in SCRUTINY_ALLOWED_HOSTS (comma-separated).", flush=True)
    workers = []
    if not args.no_worker:
        from scrutiny.uploads.worker import start_threads

        workers = start_threads(1)
        print("Uploaded reports are read in the background (--no-worker to leave that to `scrutiny uploads work`).", flush=True)
    print("Press Ctrl+C to stop.", flush=True)
    try:
        server.run()
    finally:
        server.close()
        if workers:
            from scrutiny.uploads.worker import stop_threads

            stop_threads(workers)
    return 0

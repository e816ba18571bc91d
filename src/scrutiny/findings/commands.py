"""`scrutiny index rebuild`: build the query engine's snapshot and search index ahead of time and
save it, so a server at a million findings loads it in seconds rather than building on a request."""


def register(subparsers) -> None:
    index = subparsers.add_parser("index", help="the query engine's saved index (facets, counts, search)")
    commands = index.add_subparsers(dest="index_command", metavar="COMMAND")
    commands.required = True
    rebuild = commands.add_parser(
        "rebuild", help="build the index from the database and save it (SCRUTINY_INDEX_DIR)",
        description="Read every finding, build the columns and the search index, save them beside the "
        "database (or in SCRUTINY_INDEX_DIR), and drop the change-log lines the saved index covers. "
        "A running server keeps following the change log; it loads the saved index when it starts.",
    )
    rebuild.set_defaults(func=run_rebuild)


def run_rebuild(args) -> int:
    import time

    from scrutiny.django_setup import start_django

    start_django()
    from scrutiny.findings.persistence import rebuild_and_save

    started = time.perf_counter()
    snapshot, path = rebuild_and_save()
    print(f"findings: {snapshot.size}; words: {len(snapshot.text.base.terms)}; postings: {len(snapshot.text.base.rows)}")
    print(f"saved to {path} in {time.perf_counter() - started:.1f} s")
    return 0

"""`scrutiny repeats rebuild`: every repeat link worked out again from the stored findings."""


def register(subparsers) -> None:
    repeats = subparsers.add_parser("repeats", help="repeated findings and shared concerns")
    commands = repeats.add_subparsers(dest="repeats_command", metavar="COMMAND")
    commands.required = True
    rebuild = commands.add_parser(
        "rebuild", help="recompute every repeat link (after a historic import, or for data stored before linking)",
        description="Match every stored finding against all the others and replace the stored "
        "repeat and shared-concern links, in one transaction; prints the counts and the time taken.",
    )
    rebuild.set_defaults(func=run_rebuild)


def run_rebuild(args) -> int:
    from scrutiny.django_setup import start_django

    start_django()
    from scrutiny.repeats.services import rebuild

    result = rebuild()
    print(f"reports: {result.reports}; findings: {result.findings}")
    print(f"links: {result.repeats} repeats (same establishment), {result.shared_concerns} shared concerns (elsewhere)")
    print(f"time: {result.seconds:.1f} s")
    return 0

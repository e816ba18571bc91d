"""Command-line commands of follow-up (none yet)."""


def register(subparsers) -> None:
    pass

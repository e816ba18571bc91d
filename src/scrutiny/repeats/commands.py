"""Command-line commands of repeats (none yet)."""


def register(subparsers) -> None:
    pass

"""Command-line commands of taxonomy (none yet)."""


def register(subparsers) -> None:
    pass

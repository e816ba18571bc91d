"""Command-line commands of tag review (none yet)."""


def register(subparsers) -> None:
    pass

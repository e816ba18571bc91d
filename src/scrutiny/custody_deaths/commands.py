"""`scrutiny deaths ...` sub-commands."""


def register(subparsers) -> None:
    pass

"""`scrutiny plan ...` sub-commands."""


def register(subparsers) -> None:
    pass

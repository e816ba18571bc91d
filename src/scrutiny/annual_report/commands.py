"""`scrutiny outputs ...` sub-commands."""


def register(subparsers) -> None:
    pass

"""Which file format a vocabularies file is in, told apart before Django starts (the command
line refuses a wrong name without touching the database)."""

from pathlib import PurePath

FORMATS = ("json", "csv")


class UnknownFormat(ValueError):
    pass


def format_of(name: str, given: str | None = None) -> str:
    fmt = given or PurePath(name).suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise UnknownFormat("name the file .json or .csv, or give --format json|csv")
    return fmt

"""Finding and storing repeats (skeleton: filled in by the repeats work)."""


def link_repeats(findings: list) -> None:
    """Called by ingest inside the report's transaction, with the report's new findings."""

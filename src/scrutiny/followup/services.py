"""Suggesting follow-up links (skeleton: filled in by the follow-up work)."""


def suggest_follow_ups(report, findings: list) -> None:
    """Called by ingest inside the report's transaction, with the report's new findings."""

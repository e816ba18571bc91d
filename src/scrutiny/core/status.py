"""One follow-up scale across bodies, keeping each body's own words beside it (DESIGN §3).

HMIP reviews of progress say good / reasonable / insufficient / no meaningful progress; older
reports achieved / partially achieved / not achieved; Scottish reports implemented / partly
implemented / not implemented. The first rule that matches wins, so negatives come first."""

import re

_RULES = [
    ("no_longer_relevant", r"no longer (?:relevant|applicable)|superseded|withdrawn|not applicable"),
    ("no_progress", r"\bnot (?:yet )?(?:implemented|achieved|met)\b|no (?:meaningful )?progress|\bnot started\b"),
    ("some_progress", r"\bpart(?:ly|ially) (?:implemented|achieved|met)\b|\bnot (?:fully|yet fully) (?:implemented|achieved|met)\b|insufficient progress|reasonable progress|some progress|in progress|ongoing"),
    ("good_progress", r"good progress|substantial progress|significant progress"),
    ("achieved", r"\b(?:implemented|achieved|met|completed|resolved)\b"),
]
_COMPILED = [(status, re.compile(pattern, re.IGNORECASE)) for status, pattern in _RULES]


def normalise_status(wording: str | None) -> str:
    """The common status for a body's verdict; 'not_assessed' when there is none."""
    if not wording:
        return "not_assessed"
    for status, pattern in _COMPILED:
        if pattern.search(wording):
            return status
    return "not_assessed"

"""The fallback for layouts no family profile claims: every heading that names a kind of finding,
with the common inline labels and follow-up verdicts."""

from scrutiny.core.profiles.base import Profile


def detect(document) -> float:
    return 0.0


PROFILE = Profile(name="generic", detect=detect)

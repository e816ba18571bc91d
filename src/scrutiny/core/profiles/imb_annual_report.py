"""Independent Monitoring Board annual reports: issues for the Minister, the Prison Service and
the Governor (since 2019 "Main areas for development" > "To the Minister"), bulleted; the
"Progress since the last report" table is not a list of findings."""

from scrutiny.core.profiles.base import Profile, mentions


def detect(document) -> float:
    signals = mentions(document, "independent monitoring board", "statutory role of the imb", "imb ")
    return min(1.0, 0.45 * signals)


PROFILE = Profile(name="imb-annual-report", detect=detect)

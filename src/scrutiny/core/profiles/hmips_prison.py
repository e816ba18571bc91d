"""HM Inspectorate of Prisons for Scotland: chapters ending in numbered lists ("7.4 The kitchen
should be refurbished (paragraph 4.12).") under Recommendations, Good Practice and Points of Note,
sometimes grouped by addressee ("For SPS HQ"); follow-ups quote each item and give a verdict
(Implemented / Partly implemented / Not implemented) in the note below it."""

from scrutiny.core.profiles.base import Profile, mentions


def detect(document) -> float:
    if mentions(document, "inspectorate of prisons for scotland", "hmips"):
        return 0.9
    return 0.6 if mentions(document, "sps", "scottish prison service") and mentions(document, "points of note") else 0.0


PROFILE = Profile(
    name="hmips-prison",
    detect=detect,
    statuses=("partly implemented", "not implemented", "implemented"),
)

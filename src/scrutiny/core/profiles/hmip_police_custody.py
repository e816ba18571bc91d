"""Joint HMIP / HMICFRS police custody inspections: inside a chapter, a "Cause of concern"
heading over one numbered paragraph, then a "Recommendation" heading over its recommendation;
each chapter ends with "Areas for improvement". Narrative numbered paragraphs follow the paired
headings, so each of those headings holds exactly one finding."""

from scrutiny.core.profiles.base import Profile, mentions


def detect(document) -> float:
    if not mentions(document, "cause of concern", "causes of concern"):
        return 0.0
    return min(1.0, 0.3 * mentions(document, "custody", "police", "hmicfrs", "force", "booking in"))


PROFILE = Profile(
    name="hmip-police-custody",
    detect=detect,
    single_finding_headings=(r"causes? of concern", r"recommendations?"),
)

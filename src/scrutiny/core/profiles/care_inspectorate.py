"""Care Inspectorate (and the similar CIW and RQIA layouts): requirements and areas for
improvement, numbered in each key question, each followed by a compliance line ("This is to
comply with Regulation ...") that is not part of the finding."""

from scrutiny.core.profiles.base import Profile, mentions


def detect(document) -> float:
    body = mentions(document, "care inspectorate", "regulation and quality improvement authority",
                    "care inspectorate wales")
    return min(1.0, 0.4 * body + 0.2 * mentions(document, "health and social care standards", "requirements",
                                                "areas for improvement", "this is to comply with"))


PROFILE = Profile(name="care-inspectorate", detect=detect)

"""Criminal Justice Inspection Northern Ireland: strategic and operational recommendations
(numbering restarts in each) in a Recommendations chapter, areas for improvement in chapters."""

from scrutiny.core.profiles.base import Profile, mentions


def detect(document) -> float:
    signals = mentions(document, "criminal justice inspection northern ireland", "cjini",
                       "strategic recommendations", "operational recommendations")
    return min(1.0, 0.3 * signals)


PROFILE = Profile(name="cjini-inspection", detect=detect)

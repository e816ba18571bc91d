"""HM Inspectorate of Prisons (England and Wales), prisons, YOIs and court custody, since May 2022:
numbered priority and key concerns, each followed by "Recommendation: ..." (same number), and
notable positive practice bullets."""

from scrutiny.core.profiles.base import Profile, mentions


def detect(document) -> float:
    if mentions(document, "we judged that there had been", "review of progress"):
        return 0.0
    signals = mentions(document, "priority concerns", "key concerns", "notable positive practice",
                       "hm inspectorate of prisons", "healthy prison")
    return min(1.0, 0.2 * signals) if mentions(document, "priority concerns") else 0.0


PROFILE = Profile(
    name="hmip-prison-2022",
    detect=detect,
    kind_headings=((r"priority concerns?", "priority_concern"),
                   (r"key concerns?", "key_concern")),
)

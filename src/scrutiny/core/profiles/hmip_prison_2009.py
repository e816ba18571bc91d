"""HM Inspectorate of Prisons before the 2022 change: main recommendations ("HP47 ..."),
recommendations with paragraph references "(1.23)", housekeeping points and good practice, at
the end of each section or gathered in a summary section by addressee ("To the governor")."""

from scrutiny.core.profiles.base import Profile, mentions


def detect(document) -> float:
    if mentions(document, "priority concerns", "we judged that there had been"):
        return 0.0
    signals = mentions(document, "housekeeping points", "main recommendations", "healthy prison summary",
                       "hm inspectorate of prisons", "examples of good practice")
    return min(1.0, 0.25 * signals) if mentions(document, "housekeeping point", "main recommendation") else 0.0


PROFILE = Profile(
    name="hmip-prison-2009",
    detect=detect,
    kind_headings=((r"housekeeping points?", "action_point"),),
)

"""What an extraction profile says about a report family. A profile is data plus a detect():
which headings name which kind of finding, which inline labels ("Recommendation:") start a
finding, and which words a follow-up uses for its verdicts. The engine in core.extract does
the walking; a new layout is a new module with a PROFILE, added to profiles.PROFILES."""

import re
from dataclasses import dataclass, field
from typing import Callable

from scrutiny.core.document import Document

# Headings that name a kind of finding, matched against the whole heading once its section
# number is removed. Shared by every profile; a profile puts its own in front.
COMMON_KIND_HEADINGS = (
    (r"(?:main |key |strategic |operational |other |further |new |summary of |list of |our )?"
     r"recommendations?(?: made| for (?:improvement|action|change))?", "recommendation"),
    (r"the board recommends|main areas for development|areas for development|"
     r"issues requiring (?:a )?response|issues for (?:the )?(?:minister|prison service|governor|director)\b.*",
     "recommendation"),
    (r"(?:notable |examples? of |areas? of )?(?:good|positive|notable positive|innovative) practices?"
     r"(?: identified| noted)?|notable practice", "good_practice"),
    (r"points? of note|other points of note", "point_of_note"),
    (r"housekeeping points?|action points?|actions? required|actions? for the provider", "action_point"),
    (r"causes? (?:of|for) concern", "cause_of_concern"),
    (r"priority concerns?", "priority_concern"),
    (r"key concerns?", "key_concern"),
    (r"(?:main |other |our |significant |serious )?concerns?(?: identified| raised)?|issues found(?: and actions? required)?",
     "concern"),
    (r"(?:main |key )?areas? (?:for|of|requiring) improvement|improvements? required", "area_for_improvement"),
    (r"(?:statutory )?requirements?(?: made)?", "requirement"),
)

# Labels printed at the start of a paragraph. None: the kind of the heading above.
COMMON_INLINE_LABELS = (
    (r"recommendations?", "recommendation"),
    (r"action(?:s)? required|action", "action_point"),
    (r"(?:key |priority )?concern", None),
    (r"cause of concern", "cause_of_concern"),
    (r"area for improvement", "area_for_improvement"),
    (r"requirement", "requirement"),
    (r"good practice|notable positive practice", "good_practice"),
    (r"point of note", "point_of_note"),
)

# The bodies' own follow-up verdicts, longest first so "partly implemented" wins.
COMMON_STATUSES = (
    "no longer relevant", "no longer applicable", "not yet implemented", "not fully implemented",
    "fully implemented", "partly implemented",
    "partially implemented", "not implemented", "implemented", "partially achieved",
    "partly achieved", "not achieved", "achieved", "no meaningful progress", "insufficient progress",
    "reasonable progress", "good progress", "some progress", "limited progress", "no progress",
    "superseded", "withdrawn", "not applicable",
)


@dataclass(frozen=True)
class Profile:
    name: str
    detect: Callable[[Document], float]
    kind_headings: tuple = ()
    inline_labels: tuple = ()
    statuses: tuple = ()
    # A heading that holds kind headings and belongs in their label ("Progress on
    # Recommendations and Points of Note > Recommendations"): follow-up chapters.
    follow_up_headings: tuple = (r"progress (?:on|with|made on|in implementing) .*",)
    # Numbered paragraphs under a kind heading are findings (False where only labelled
    # paragraphs are, and numbered ones are narrative).
    numbered_paragraphs_are_findings: bool = True
    # A paragraph with no number, bullet or label under a kind heading is a finding when nothing
    # else there is one (an inspection's unnumbered recommendations). False where the items are
    # always numbered and a plain paragraph is prose: a determination's "I make no
    # recommendations." or its Note's reasons under a "Recommendations" sub-heading.
    plain_paragraphs_are_findings: bool = True
    # Kind headings that introduce exactly one finding each (police custody's paired
    # "Cause of concern" / "Recommendation" headings, followed by narrative).
    single_finding_headings: tuple = ()
    all_kind_headings: tuple = field(init=False, default=())

    def __post_init__(self):
        compiled = tuple(
            (re.compile(pattern + r"\W*", re.IGNORECASE), kind)
            for pattern, kind in self.kind_headings + COMMON_KIND_HEADINGS
        )
        object.__setattr__(self, "all_kind_headings", compiled)

    def heading_kind(self, heading: str) -> str | None:
        for pattern, kind in self.all_kind_headings:
            if pattern.fullmatch(heading):
                return kind
        return None


def mentions(document: Document, *phrases: str) -> int:
    """How many of the phrases the opening of the document uses."""
    text = document.opening_text
    return sum(1 for phrase in phrases if phrase.lower() in text)

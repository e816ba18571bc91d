"""HM Inspectorate of Prisons independent review of progress: each earlier concern and its
recommendation quoted ("Concern: ...", "Recommendation: ..."), narrative numbered paragraphs,
then a judgement ("We judged that there had been reasonable progress ...") that is the status
of both. The "Progress against key concerns" chapter is the section, not part of the label."""

from scrutiny.core.profiles.base import Profile, mentions


def detect(document) -> float:
    if mentions(document, "inspectorate of prisons for scotland"):
        return 0.0
    signals = mentions(document, "review of progress", "we judged that there had been",
                       "no meaningful progress", "insufficient progress", "reasonable progress")
    return min(1.0, 0.3 * signals)


PROFILE = Profile(
    name="hmip-review-of-progress",
    detect=detect,
    kind_headings=((r"priority concerns?", "priority_concern"), (r"key concerns?", "key_concern")),
    follow_up_headings=(),
    numbered_paragraphs_are_findings=False,
)

"""Care Quality Commission Mental Health Act monitoring visits: "Issues found and actions
required", each issue numbered and followed by "Action required: The provider must ..."."""

from scrutiny.core.profiles.base import Profile, mentions


def detect(document) -> float:
    if not mentions(document, "mental health act"):
        return 0.0
    return min(1.0, 0.3 * mentions(document, "care quality commission", "cqc", "provider action statement",
                                   "action required", "issues found"))


PROFILE = Profile(
    name="cqc-mha-visit",
    detect=detect,
    kind_headings=((r"issues found(?: and actions? required)?", "concern"),),
    inline_labels=((r"actions? required", "action_point"),),
)

"""A sheriff's determination after a Scottish fatal accident inquiry (Inquiries into Fatal
Accidents and Sudden Deaths etc (Scotland) Act 2016, s.26).

The determination opens with the court ("Sheriffdom of Tayside, Central and Fife at Falkirk"), the
citation ("[2024] FAI 17") and the Act; the sheriff then "determines in terms of section 26" the
findings of s.26(2)(a)-(g), and makes any s.26(1)(b) recommendations under a Recommendations
heading, numbered "1." or "(i)" and sometimes grouped "To the Scottish Prison Service". A Note
follows with the evidence and the reasons.

Only the recommendations are findings here. The s.26(2)(e) precautions and (f) defects are kept
in the text of the determination rather than as "concern" findings: they are single numbered
paragraphs among the formal findings, usually saying there were none, with no heading of their
own, and most of the Note's discussion of them sits under headings such as "Section 26(2)(e)".
Where no recommendation is made the determination says so in a sentence, sometimes under a
"Recommendations" heading of its own, and prints no list, so nothing is extracted."""

import re

from scrutiny.core.profiles.base import Profile

# Each is a mark of a determination that an inspection report does not carry: an inspection may
# say a death "was followed by a Fatal Accident Inquiry", but not cite one or quote s.26.
MARKS = (
    re.compile(r"inquiries into fatal accidents and sudden deaths"),
    re.compile(r"\[(?:19|20)\d\d\]\s*fai\s+\d{1,3}\b"),
    re.compile(r"\bsheriffdom of [a-z ,]+\bat\b"),
    re.compile(r"\bdetermination\s+(?:by|of)\s+sheriff\b|\bthe sheriff(?: principal)?,? having considered\b"),
    re.compile(r"\bsection 26\(2\)\([a-g]\)|\bsection 26\(1\)\(b\)"),
    re.compile(r"\bfatal accidents and sudden deaths inquiry \(scotland\) act 1976\b"),
)


def detect(document) -> float:
    text = document.opening_text
    marks = sum(1 for mark in MARKS if mark.search(text))
    # Two marks make it a determination; three or more outscore an inspectorate named in its Note.
    return 0.0 if marks < 2 else min(1.0, 0.3 + 0.25 * marks)


PROFILE = Profile(
    name="fai-determination",
    detect=detect,
    kind_headings=(
        # The list's own heading. The Note's "Section 26(1)(b): recommendations" discusses them in
        # bracket-numbered paragraphs and is not a list: it stays unmatched.
        (r"recommendations?(?: made)? (?:under|in terms of) section 26\(1\)\(b\)(?: of the act)?", "recommendation"),
    ),
    # A recommendation is always numbered ("1.", "(i)") or a list item. An unnumbered paragraph
    # under a "Recommendations" heading is the sentence saying none is made, or the Note's
    # "[40] The Crown invited me..." discussing them: never a finding.
    plain_paragraphs_are_findings=False,
)

"""Findings from a document: walk its blocks under their headings, and wherever a heading names a
kind of finding (Recommendations, Good practice, Priority concerns...), take the numbered
paragraphs, list items and labelled paragraphs below it as findings.

    extract_findings(document) -> list[Finding]

The profile (core.profiles) chosen for the document's family says which headings and labels
mean what; this module holds the walking that every family shares.
"""

import re
from dataclasses import asdict, dataclass

from scrutiny.core.document import HEADING, LIST_ITEM, Block, Document
from scrutiny.core.profiles import choose_profile
from scrutiny.core.profiles.base import COMMON_INLINE_LABELS, COMMON_STATUSES, Profile

SECTION_NUMBER = re.compile(
    r"^(?:(?:section|chapter|part|annex|appendix)\s+(?:\d{1,2}|[ivx]{1,5}|[a-h])\b[.:]?\s*[-\u2013\u2014:]?\s*"
    r"|\d{1,2}(?:\.\d{1,3}){0,3}\.?\s+|[A-Z]\.\s+)",
    re.IGNORECASE,
)
ITEM_NUMBER = re.compile(
    r"^(?:(?P<number>(?:[A-Z]{1,3})?\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?)[.):]?"
    r"|\((?P<bracketed>[a-z]{1,4}|\d{1,3})\)|(?P<lettered>[a-z]{1,3})\))(?:\s+|$)"
)
# "who" runs to its last word character, found greedily: a lazy ".+?\W*$" went quadratic on a
# heading of "for" and a long run of punctuation.
ADDRESSEE = re.compile(r"^(?:issues?\s+|recommendations?\s+|actions?\s+)?(?:for|to)\s+(?P<who>\S(?:.*\w)?)\W*$", re.IGNORECASE)
LEAD_IN = re.compile(
    r"(?::\s*$)|\b(?:listed|set out|shown|given|detailed|outlined|summarised) (?:below|in this)\b"
    r"|^(?:this (?:chapter|section|report)|the following|these (?:are|were)|in this (?:chapter|section)"
    r"|during (?:the|this) inspection|the paragraph reference|each (?:recommendation|item)"
    r"|we found the following|the inspection (?:resulted|identified))"
    r"|\b(?:below|as follows)\W*$",
    re.IGNORECASE,
)
# "Progress on ..." -> what the progress is on.
FOLLOW_UP_SUBJECT = re.compile(
    r"^\w+(?: \w+)?? (?:on|with|made on|in implementing|against) (?:the |our |previous )*", re.IGNORECASE
)
CONCERN_KINDS = {"concern", "key_concern", "priority_concern", "cause_of_concern"}


@dataclass(slots=True)
class Finding:
    doc: str
    number: str | None
    kind: str
    label_in_source: str
    text: str
    page: int | None
    section: str | None
    status: str | None = None
    addressee: str | None = None
    profile: str | None = None

    def as_record(self) -> dict:
        return asdict(self)


def heading_words(text: str) -> str:
    """A heading without its section number: "Section 3 Safety" -> "Safety"."""
    stripped = SECTION_NUMBER.sub("", text.strip(), count=1).strip()
    return stripped or text.strip()


def kind_key(text: str) -> str:
    return re.sub(r"\s+", " ", heading_words(text)).strip().rstrip(".:;")


@dataclass(slots=True)
class Context:
    """Where the walk is: the kind the headings name, and how the report labels it."""

    kind: str
    label: str
    section: str
    addressee: str | None
    single_finding: bool
    kind_heading: Block
    outer_kind_heading: Block  # the outermost heading naming a kind: its intro and its sub-lists go together


@dataclass(slots=True)
class Candidate:
    block: Block
    role: str  # numbered, listed, labelled, plain, status
    number: str | None = None
    text: str = ""
    label: str | None = None
    label_kind: str | None = None
    status: str | None = None


class Extractor:
    def __init__(self, profile: Profile, doc: str):
        self.profile = profile
        self.doc = doc
        labels = profile.inline_labels + COMMON_INLINE_LABELS
        self.inline_labels = [(re.compile(pattern, re.IGNORECASE), kind) for pattern, kind in labels]
        alternatives = "|".join(f"(?:{pattern})" for pattern, _ in labels)
        self.inline_label = re.compile(
            rf"^(?P<label>{alternatives})\s*(?:(?P<number>\d{{1,3}}(?:\.\d{{1,3}})*)\s*[.:\u2013\u2014-]|[:\u2013\u2014-])\s*(?=\S)",
            re.IGNORECASE,
        )
        # A label and number set apart from the words ("Recommendation 5" in bold, the text below).
        self.label_alone = re.compile(rf"^(?:{alternatives})\s*\d{{1,3}}(?:\.\d{{1,3}})*\s*[.:]?$", re.IGNORECASE)
        phrases = "|".join(re.escape(s) for s in profile.statuses + COMMON_STATUSES)
        self.status_at_start = re.compile(
            rf"^(?:(?:status|judgement|assessment|progress|verdict|rating|outcome)\s*[:\u2013-]\s*)?"
            rf"(?P<status>{phrases})(?:[.:;,!]|\s*$|\s+[\u2013\u2014-]\s)",
            re.IGNORECASE,
        )
        # A verdict printed after the item on its own line: "... (paragraph 5.7). Partly implemented."
        self.status_after_item = re.compile(
            rf"(?<=[.)])\s+(?:[\u2013\u2014-]\s+)?(?P<status>{phrases})(?:[.:;,!]|\s*$|\s+[\u2013\u2014-]\s)",
            re.IGNORECASE,
        )
        self.status_in_sentence = re.compile(
            rf"\bwe (?:judged|found|considered|assessed|concluded) that (?:there (?:had|has) been |the \w+ had made )?"
            rf"(?P<status>{phrases})\b|^(?P<status2>{phrases}) (?:had|has) been made\b",
            re.IGNORECASE,
        )
        self.follow_up = [re.compile(p + r"\W*", re.IGNORECASE) for p in profile.follow_up_headings]
        self.single = [re.compile(p + r"\W*", re.IGNORECASE) for p in profile.single_finding_headings]

    # -------------------------------------------------------------- headings and context
    def context_for(self, stack: list[Block]) -> Context | None:
        kinds = [self.profile.heading_kind(kind_key(h.text)) for h in stack]
        # "Progress on Recommendations" over a list or table with no kind heading of its own.
        follow_up_kinds = [self.follow_up_kind(h.text) if k is None else None for h, k in zip(stack, kinds)]
        inner = None
        for index in range(len(stack) - 1, -1, -1):
            if kinds[index] is None:
                continue
            # "Issues for the Minister" under "Issues requiring a response" groups by addressee.
            has_kind_above = any(k is not None for k in kinds[:index])
            if has_kind_above and ADDRESSEE.match(kind_key(stack[index].text)):
                continue
            inner = index
            break
        if inner is None:
            inner = next((i for i in range(len(stack) - 1, -1, -1) if follow_up_kinds[i] is not None), None)
            if inner is None:
                return None
            kinds = [k or f for k, f in zip(kinds, follow_up_kinds)]
        start = inner
        if start > 0 and kinds[start - 1] is not None and kinds[start - 1] != kinds[inner]:
            start -= 1  # "Cause of concern > Recommendation": a concern and its paired recommendation
        if start > 0 and any(p.fullmatch(kind_key(stack[start - 1].text)) for p in self.follow_up):
            start -= 1
        labels = [heading_words(h.text) for h in stack[start:]]
        above = stack[start - 1] if start > 0 else None
        section = heading_words(above.text) if above is not None and above.level != 0 else labels[0]
        addressee = None
        for heading in stack[inner:]:
            match = ADDRESSEE.match(kind_key(heading.text))
            if match:
                addressee = match.group("who")
        single = any(p.fullmatch(kind_key(stack[inner].text)) for p in self.single)
        outer = next(i for i, (k, f) in enumerate(zip(kinds, follow_up_kinds)) if k is not None or f is not None)
        return Context(kinds[inner], " > ".join(labels), section, addressee, single, stack[inner], stack[outer])

    def follow_up_kind(self, text: str) -> str | None:
        key = kind_key(text)
        if not any(p.fullmatch(key) for p in self.follow_up):
            return None
        subject = FOLLOW_UP_SUBJECT.sub("", key, count=1)
        for part in [subject] + re.split(r",\s*|\s+and\s+", subject):
            kind = self.profile.heading_kind(part)
            if kind is not None:
                return kind
        return None

    # -------------------------------------------------------------- blocks to candidates
    def candidate(self, block: Block) -> Candidate:
        text = block.text.strip()
        number = None
        match = ITEM_NUMBER.match(text)
        if match and len(text) > match.end():
            number = match.group("number") or match.group("bracketed") or match.group("lettered")
            text = text[match.end():].strip()
        elif block.marker:
            number = block.marker
        status = self.status_at_start.match(text) or self.status_in_sentence.search(text)
        if status:
            return Candidate(block, "status", number, text, status=status.group("status") or status.group("status2"))
        verdict = None
        after = self.status_after_item.search(text)
        if after and text[after.start("status")].isupper():
            verdict = after.group("status")
            text = text[:after.start()].rstrip(" \u2013\u2014-")
        candidate = self.item_candidate(block, text, number, match)
        candidate.status = verdict
        return candidate

    def item_candidate(self, block: Block, text: str, number: str | None, match) -> Candidate:
        label = self.inline_label.match(text)
        if label:
            label_kind = next(kind for pattern, kind in self.inline_labels if pattern.fullmatch(label.group("label")))
            return Candidate(block, "labelled", label.group("number") or number, text[label.end():].strip(),
                             label=label.group("label").strip(), label_kind=label_kind)
        if match and number is not None:
            return Candidate(block, "numbered", number, text)
        if block.kind == LIST_ITEM:
            return Candidate(block, "listed", number, text)
        return Candidate(block, "plain", None, text)

    # -------------------------------------------------------------- candidates to findings
    def numbered_are_findings(self, candidates: list[Candidate]) -> bool:
        concern_labels = any(c.role == "labelled" and c.label_kind is None for c in candidates)
        return self.profile.numbered_paragraphs_are_findings and not concern_labels

    def has_items(self, candidates: list[Candidate]) -> bool:
        roles = {c.role for c in candidates}
        return bool(roles & {"listed", "labelled"}) or ("numbered" in roles and self.numbered_are_findings(candidates))

    def findings_in(self, context: Context, candidates: list[Candidate], has_items: bool) -> list[Finding]:
        numbered_ok = self.numbered_are_findings(candidates)
        findings: list[Finding] = []
        group: list[Finding] = []
        for position, candidate in enumerate(candidates):
            if context.single_finding and findings:
                break
            role = candidate.role
            following = candidates[position + 1].role if position + 1 < len(candidates) else None
            if role == "numbered" and following == "listed" and not candidate.text.endswith(":"):
                continue  # a numbered paragraph introducing a bulleted list ("1.13 We define ...")
            if role == "status":
                for finding in group:
                    finding.status = candidate.status
                continue
            if role == "numbered" and not numbered_ok:
                continue
            if role == "plain" and (not self.profile.plain_paragraphs_are_findings or has_items
                                    or LEAD_IN.search(candidate.text) or len(candidate.text) < 15):
                continue
            if role == "listed" and group and findings[-1].text.endswith(":") and findings[-1].number:
                findings[-1].text += " " + candidate.text  # sub-points of a numbered finding
                continue
            finding = self.finding(context, candidate, group)
            if role == "labelled" and candidate.label_kind is not None and group:
                group.append(finding)
            else:
                group = [finding]
            if candidate.status:
                finding.status = candidate.status
            findings.append(finding)
        return findings

    def finding(self, context: Context, candidate: Candidate, group: list[Finding]) -> Finding:
        kind, label, number = context.kind, context.label, candidate.number
        if candidate.role == "labelled":
            label = f"{context.label} > {candidate.label[:1].upper()}{candidate.label[1:]}"
            if candidate.label_kind is not None:
                kind = candidate.label_kind
                if number is None and group:
                    number = group[0].number
            elif kind not in CONCERN_KINDS:
                kind = "concern"
        return Finding(
            doc=self.doc, number=number, kind=kind, label_in_source=label, text=candidate.text,
            page=candidate.block.page, section=context.section, addressee=context.addressee,
            profile=self.profile.name,
        )

    # -------------------------------------------------------------- the walk
    def run(self, blocks: list[Block]) -> list[Finding]:
        segments: list[tuple[Context, list[Candidate]]] = []
        stack: list[Block] = []
        context: Context | None = None
        for block in join_number_only_blocks(blocks, self.label_alone):
            if block.kind == HEADING:
                level = block.level if block.level is not None else 1
                while stack and (stack[-1].level if stack[-1].level is not None else 1) >= level:
                    stack.pop()
                stack.append(block)
                context = self.context_for(stack)
                if context is not None:
                    segments.append((context, []))
            elif context is not None:  # table cells too: a follow-up's table of items and verdicts
                segments[-1][1].append(self.candidate(block))
        findings: list[Finding] = []
        for segment_group in group_by_kind_heading(segments):
            # Intro text under "Recommendations" is not a finding when its sub-headings hold the list.
            has_items = any(self.has_items(candidates) for _, candidates in segment_group)
            for segment_context, candidates in segment_group:
                findings.extend(self.findings_in(segment_context, candidates, has_items))
        return findings


def group_by_kind_heading(segments):
    groups: list[list] = []
    for segment in segments:
        if groups and groups[-1][0][0].outer_kind_heading is segment[0].outer_kind_heading:
            groups[-1].append(segment)
        else:
            groups.append([segment])
    return groups


def join_number_only_blocks(blocks: list[Block], label_alone: re.Pattern | None = None) -> list[Block]:
    """A number set apart from its text ("1." in one cell or paragraph, the words in the next), or a
    label and number ("Recommendation 5", often bold, so a heading in a PDF) above its words."""
    joined: list[Block] = []
    carried: Block | None = None
    for block in blocks:
        if carried is not None:
            if block.kind != HEADING:
                if label_alone and label_alone.match(carried.text.strip()):
                    text = f"{carried.text.strip().rstrip('.:')}: {block.text}"
                else:
                    text = f"{carried.text} {block.text}"
                block = Block(text, block.kind, carried.page or block.page, block.level, block.marker)
            else:
                joined.append(carried)
            carried = None
        text = block.text.strip()
        match = ITEM_NUMBER.match(text)
        if block.kind != HEADING and match and match.end() >= len(text) or label_alone and label_alone.match(text):
            carried = block
            continue
        joined.append(block)
    if carried is not None:
        joined.append(carried)
    return joined


def extract_findings(document: Document, profile: Profile | None = None) -> list[Finding]:
    profile = profile or choose_profile(document)
    return Extractor(profile, document.name).run(document.blocks)

"""What the review pages show: the queue in batches by theme, and one finding's themes."""

import re
from dataclasses import dataclass

from markupsafe import Markup, escape

from scrutiny.findings.models import Finding
from scrutiny.review import services, tagging
from scrutiny.review.models import Suggestion

BATCH = 20  # suggestions per batch: one screenful to read, tick and decide


def highlight(text: str, evidence: str) -> Markup:
    """The text, escaped, with every occurrence of the rule words in <mark>. The words are
    matched as the keyword tagger matches them: whole words, any case, a phrase's words in
    order with anything but letters between them, any dash or apostrophe."""
    phrases = [p.strip() for p in evidence.split(",") if p.strip()]
    if not phrases:
        return Markup(escape(text))
    pattern = re.compile(
        "|".join(sorted((_phrase_pattern(p) for p in phrases), key=len, reverse=True)), re.IGNORECASE
    )
    out, at = [], 0
    for match in pattern.finditer(text):
        out += [escape(text[at:match.start()]), Markup("<mark>"), escape(match.group()), Markup("</mark>")]
        at = match.end()
    out.append(escape(text[at:]))
    return Markup("").join(out)


def _phrase_pattern(phrase: str) -> str:
    def word(w: str) -> str:
        return re.escape(w).replace(r"\-", "[-\u2013\u2014]").replace("'", "['\u2018\u2019]")

    return r"(?<![\w])" + r"[^\w]+".join(word(w) for w in phrase.split()) + r"(?![\w])"


@dataclass
class Item:
    suggestion: Suggestion
    marked: Markup

    @property
    def pair(self) -> str:
        return f"{self.suggestion.finding_id}:{self.suggestion.theme_id}"


def queue(user, params) -> dict:
    """The themes with suggestions waiting (with counts) and one batch of the chosen theme's,
    most confident first: the likeliest to be right come first, so a batch is mostly accepts
    and the doubtful ones gather at its end."""
    waiting = services.themes_waiting(user)
    chosen = next((t for t, _ in waiting if t.slug == params.get("theme")), waiting[0][0] if waiting else None)
    items = []
    if chosen is not None:
        pending = (
            services.suggestions_for(user).filter(theme=chosen)
            .select_related("finding__report__body", "theme").order_by("-confidence", "id")[:BATCH]
        )
        items = [Item(s, highlight(s.finding.text, s.evidence)) for s in pending]
    return {
        "section": "manage",
        "waiting": waiting,
        "total": sum(n for _, n in waiting),
        "theme": chosen,
        "theme_count": dict((t.slug, n) for t, n in waiting).get(chosen.slug, 0) if chosen else 0,
        "items": items,
        "threshold": tagging.threshold(),
        "floor": tagging.floor(),
    }


def finding_review(user, finding: Finding) -> dict:
    review = services.review_of(user, finding)
    words = ", ".join(x.evidence for x in [*review["tags"], *review["suggestions"]] if x.evidence)
    return {"section": "manage", "finding": finding, "marked": highlight(finding.text, words), **review}

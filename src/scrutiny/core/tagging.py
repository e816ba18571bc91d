"""Keyword tagging: a theme applies where its words appear in a finding.

Each theme's keywords are data (catalogue/data/themes.json, editable); a tag keeps the words
that triggered it so that an analyst can see why it is there. Deliberately simple: the tagging
issue replaces the ranking with rules and a trained classifier."""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Vocabulary:
    slug: str
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class Suggestion:
    slug: str
    confidence: float
    evidence: tuple[str, ...]


class KeywordTagger:
    """Suggests up to `limit` labels per text, those with the most distinct keywords first."""

    def __init__(self, vocabularies: list[Vocabulary], limit: int = 3):
        self.limit = limit
        self._patterns = [(v.slug, _pattern(v.keywords)) for v in vocabularies if v.keywords]

    def suggest(self, text: str) -> list[Suggestion]:
        scored = []
        for slug, pattern in self._patterns:
            words = sorted({m.group(0).lower() for m in pattern.finditer(text)})
            if words:
                scored.append((len(words), slug, tuple(words)))
        scored.sort(key=lambda s: -s[0])
        return [
            Suggestion(slug, confidence=min(1.0, 0.4 + 0.2 * hits), evidence=words)
            for hits, slug, words in scored[: self.limit]
        ]


def _pattern(keywords) -> re.Pattern:
    # Longest first, so that "use of force" wins over "force"; word edges so "cell" is not "cellar".
    alternatives = sorted({k.strip().lower() for k in keywords if k.strip()}, key=len, reverse=True)
    body = "|".join(re.escape(k) for k in alternatives)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)

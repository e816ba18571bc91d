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
    # Phrases in which a keyword does not count for this label: "transfer" is transport, but
    # not inside "transfer to hospital"; "security" is security, but not in "social security".
    exclusions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Suggestion:
    slug: str
    confidence: float
    evidence: tuple[str, ...]


_TOKEN = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
_DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2019": "'", "\u2018": "'"})


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower().translate(_DASHES))


class KeywordTagger:
    """Suggests up to `limit` labels per text, those with the most distinct keywords first.

    Keywords are matched as whole words, and a phrase as its words in order ("use of force"),
    by looking word runs up in a table: one pass over the text for every label at once."""

    def __init__(self, vocabularies: list[Vocabulary], limit: int = 3):
        self.limit = limit
        self._labels_of: dict[str, list[str]] = {}
        self._excluded_by: dict[str, list[str]] = {}
        for vocabulary in vocabularies:
            for phrase in {" ".join(_tokens(k)) for k in vocabulary.keywords} - {""}:
                self._labels_of.setdefault(phrase, []).append(vocabulary.slug)
            for phrase in {" ".join(_tokens(k)) for k in vocabulary.exclusions} - {""}:
                self._excluded_by.setdefault(phrase, []).append(vocabulary.slug)
        # Every leading run of a phrase's words, so a longer look-up is tried only when it can match.
        self._prefixes = {
            " ".join(words[:n])
            for words in map(str.split, [*self._labels_of, *self._excluded_by])
            for n in range(1, len(words))
        }

    def suggest(self, text: str) -> list[Suggestion]:
        words = _tokens(text)
        hits: list[tuple[str, str, int, int]] = []  # label, phrase, first word, after last word
        excluded: dict[str, list[tuple[int, int]]] = {}
        for start, word in enumerate(words):
            phrase, end = word, start + 1
            while True:
                for slug in self._labels_of.get(phrase, ()):
                    hits.append((slug, phrase, start, end))
                for slug in self._excluded_by.get(phrase, ()):
                    excluded.setdefault(slug, []).append((start, end))
                if phrase not in self._prefixes or end >= len(words):
                    break
                phrase, end = f"{phrase} {words[end]}", end + 1
        found: dict[str, set[str]] = {}
        for slug, phrase, start, end in hits:
            if not any(a <= start and end <= b for a, b in excluded.get(slug, ())):
                found.setdefault(slug, set()).add(phrase)
        ranked = sorted(found.items(), key=lambda item: -len(item[1]))
        return [
            Suggestion(slug, confidence=min(1.0, 0.4 + 0.2 * len(words)), evidence=tuple(sorted(words)))
            for slug, words in ranked[: self.limit]
        ]

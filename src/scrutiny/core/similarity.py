"""Findings that say the same thing: repeats at one establishment, shared concerns elsewhere.

Two stages, both deterministic. Candidates come from an inverted index over the findings' content
words (stems, with a few of the inspectorates' synonyms folded together): each earlier finding
scores the inverse document frequencies of the query words it holds, divided by the root of its
own word count, and the best `CANDIDATES` go on. The confirming score is the cosine of
IDF-weighted words *and* word pairs (bigrams of neighbouring content words), so "record every use
of force" and "record every strip search" share their common words but not the rare words and
pairs that carry the ask. A threshold, chosen on labelled pairs (docs/repetition.md), decides.

Rows are (id, text, establishment_id, body_id, year). Everything is held in numpy arrays: one
token sequence per finding (for the confirming score) and one posting list per word (for the
candidates), so a million findings take a few hundred megabytes, not gigabytes of Python objects.
"""

import math
import re
import unicodedata
from dataclasses import dataclass

import numpy as np

THRESHOLD = 0.36  # chosen on the development half of the labelled pairs; see docs/repetition.md
CANDIDATES = 64
# A word held by more than this share of findings is too common to find candidates with.
COMMON_SHARE = 0.05
CANDIDATE_WORDS = 6  # the rarest words of a finding that look for candidates

NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "fifteen": "15",
    "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "hundred": "100",
}
# Phrases inspectors use interchangeably, folded before tokenising.
PHRASES = [
    (re.compile(r"\bout of (?:their |his |her )?(?:cells?|rooms?|bedrooms?)\b"), " unlocked "),
    (re.compile(r"\bhealth ?care\b"), " healthcare "),
    (re.compile(r"\bself[- ]harm\w*"), " selfharm "),
    (re.compile(r"\bas a matter of urgency|as soon as possible|without delay|immediately|promptly\b"),
     " urgently "),
    (re.compile(r"\b(?:before|prior to)\b"), " before "),
    (re.compile(r"\(\s*paragraphs?[^)]*\)"), " "),  # "(paragraph 2.4)" cites, it does not ask
    # A deadline is when, not what: CJINI opens every recommendation "Within six months of the
    # publication of this report, the Northern Ireland Prison Service should", and that opening
    # alone made different asks look alike (it comes off first, so the addressee below starts the text).
    (re.compile(r"\bwithin (?:[a-z0-9]+ ){1,3}(?:days?|weeks?|months?|years?)"
                r" (?:of|from|after) (?:the )?(?:publication|date)(?: of)? (?:this|the) report,?"), " "),
    # So is an organisation named as the addressee ("the South Eastern Health and Social Care
    # Trust should"): it says who, and every recommendation to it says so.
    (re.compile(r"^\s*(?:the )?[a-z ,&'-]{2,80}?\b(?:trust|service|board|council|department|authority|agency|"
                r"executive|directorate|office) should\b"), " "),
]
PERSONS = {"prisoner", "detainee", "patient", "resident", "child", "children", "young", "people",
           "person", "individual", "women", "men", "boy", "girl", "inmate"}
STOPWORDS = set("""
a about above across after again against all also am an and any are as at be because been being
both but by can could did do does doing each every for from further had has have having he her here
hers him his how i if in into is it its itself just me more most my of off on once only or other our
ours out over own same she so some such than that the their theirs them then there these they this
those through to too under until up very was we were what when where which while who whom why will
with would you your should must need needs ensure ensuring ensured make made sure take taken
taking way ways given give consider consideration further appropriate appropriately properly
leader leaders governor governors hmpps management manager managers senior provider board
police scotland trust service services sps establishment prison prisons hospital ward
use used within whether including include includes well new current currently
""".split())
NEGATIONS = {"not", "no", "never", "without", "nor", "none"}
_TOKEN = re.compile(r"[a-z0-9]+")


def stem(word: str) -> str:
    """A light suffix stripper: enough to meet 'recorded', 'records' and 'recording' as one."""
    if word.isdigit() or len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ing", "edly", "ed", "ly", "ment"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


def content_words(text: str) -> list[str]:
    """The words of a finding that carry its meaning, normalised, in order."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = text.lower()
    for pattern, replacement in PHRASES:
        text = pattern.sub(replacement, text)
    words: list[str] = []
    for token in _TOKEN.findall(text):
        word = _WORD.get(token)
        if word is None:
            word = _WORD[token] = _normalise(token)
        if word and not (word == "person" and words and words[-1] == "person"):
            words.append(word)
    return words


_WORD: dict[str, str] = {}  # token -> normalised word ("" to drop); tokens are few, findings many


def _normalise(token: str) -> str:
    token = NUMBER_WORDS.get(token, token)
    if token in NEGATIONS:
        return "not"
    if token in PERSONS:
        return "person"
    if token in STOPWORDS:
        return ""
    stemmed = stem(token)
    return "" if stemmed in STOPWORDS else stemmed


@dataclass(frozen=True)
class Match:
    finding_id: int
    score: float
    establishment_id: int
    body_id: int
    year: int
    same_establishment: bool

    @property
    def relation(self) -> str:
        """'repeat' at the same establishment, 'shared_concern' anywhere else."""
        return "repeat" if self.same_establishment else "shared_concern"


class RepeatIndex:
    """Earlier findings, searchable for the ones a new finding repeats."""

    def __init__(self, threshold: float = THRESHOLD, candidates: int = CANDIDATES):
        self.threshold = threshold
        self.candidates = candidates
        self.vocabulary: dict[str, int] = {}
        self.df = np.zeros(0, dtype=np.int64)
        self.ids = np.zeros(0, dtype=np.int64)
        self.establishments = np.zeros(0, dtype=np.int64)
        self.bodies = np.zeros(0, dtype=np.int64)
        self.years = np.zeros(0, dtype=np.int32)
        self.lengths = np.zeros(0, dtype=np.float32)  # root of each finding's distinct words
        self.token_starts = np.zeros(1, dtype=np.int64)
        self.tokens = np.zeros(0, dtype=np.int32)
        self.posting_starts = np.zeros(1, dtype=np.int64)
        self.postings = np.zeros(0, dtype=np.int32)
        self._pending: list[np.ndarray] = []  # findings added since postings were last built
        self._idf_list: list[float] = []
        self._idf_for = -1

    # -- building -----------------------------------------------------------------------

    @classmethod
    def build(cls, rows, **options) -> "RepeatIndex":
        index = cls(**options)
        index.add(rows)
        return index

    def __len__(self) -> int:
        return len(self.ids)

    def add(self, rows) -> None:
        """Add (id, text, establishment_id, body_id, year) rows; rebuilds postings lazily."""
        ids, establishments, bodies, years, sequences = [], [], [], [], []
        for finding_id, text, establishment_id, body_id, year in rows:
            ids.append(finding_id)
            establishments.append(establishment_id if establishment_id is not None else -1)
            bodies.append(body_id if body_id is not None else -1)
            years.append(year or 0)
            sequences.append(self._term_ids(content_words(text or "")))
        if not ids:
            return
        lengths = [len(s) for s in sequences]
        flat = np.fromiter((t for s in sequences for t in s), dtype=np.int32, count=sum(lengths))
        starts = self.token_starts[-1] + np.concatenate([[0], np.cumsum(lengths)])
        self.token_starts = np.concatenate([self.token_starts, starts[1:]])
        self.tokens = np.concatenate([self.tokens, flat])
        distinct = [np.unique(np.asarray(s, dtype=np.int32)) for s in sequences]
        self.lengths = np.concatenate(
            [self.lengths, np.sqrt(np.maximum(1, [len(d) for d in distinct])).astype(np.float32)])
        first = len(self.ids)
        self.ids = np.concatenate([self.ids, np.asarray(ids, dtype=np.int64)])
        self.establishments = np.concatenate([self.establishments, np.asarray(establishments, dtype=np.int64)])
        self.bodies = np.concatenate([self.bodies, np.asarray(bodies, dtype=np.int64)])
        self.years = np.concatenate([self.years, np.asarray(years, dtype=np.int32)])
        all_distinct = np.concatenate(distinct) if distinct else np.zeros(0, dtype=np.int32)
        counts = np.bincount(all_distinct, minlength=len(self.vocabulary))
        self.df = np.concatenate([self.df, np.zeros(len(counts) - len(self.df), dtype=np.int64)]) + counts
        owners = np.repeat(np.arange(first, first + len(ids), dtype=np.int32), [len(d) for d in distinct])
        self._pending.append(np.stack([all_distinct.astype(np.int32), owners]))

    def _term_ids(self, words: list[str]) -> list[int]:
        vocabulary = self.vocabulary
        return [vocabulary.setdefault(w, len(vocabulary)) for w in words]

    def _settle(self) -> None:
        """Merge pending findings into the per-word posting lists (sorted by word, then finding)."""
        if not self._pending:
            return
        terms = np.repeat(np.arange(len(self.posting_starts) - 1, dtype=np.int32), np.diff(self.posting_starts))
        pairs = np.concatenate([np.stack([terms, self.postings])] + self._pending, axis=1)
        order = np.lexsort((pairs[1], pairs[0]))
        self.postings = pairs[1][order].astype(np.int32)
        counts = np.bincount(pairs[0], minlength=len(self.vocabulary))
        self.posting_starts = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
        self._pending = []

    def nbytes(self) -> int:
        arrays = (self.df, self.ids, self.establishments, self.bodies, self.years, self.lengths,
                  self.token_starts, self.tokens, self.posting_starts, self.postings)
        return sum(a.nbytes for a in arrays) + sum(p.nbytes for p in self._pending)

    # -- querying -----------------------------------------------------------------------

    def idf(self, term: int) -> float:
        df = self.df[term] if 0 <= term < len(self.df) else 0
        return math.log((1 + len(self.ids)) / (1 + df)) + 1.0

    def _idfs(self) -> list[float]:
        """Every word's IDF, worked out once per count of findings (adding findings changes it)."""
        if self._idf_for != len(self.ids) or len(self._idf_list) != len(self.df):
            values = np.log((1 + len(self.ids)) / (1 + self.df)) + 1.0
            self._idf_list, self._idf_for = values.tolist(), len(self.ids)
        return self._idf_list

    def matches(self, texts, establishment_id=None, before_year=None, exclude_ids=(), limit=None):
        """For each text, the earlier findings that say the same thing, best first.

        before_year keeps only findings from earlier years; exclude_ids drops findings (the
        report's own, say). Each match says whether it is at `establishment_id`.
        """
        self._settle()
        excluded = set(exclude_ids)
        results = []
        for text in texts:
            query = self._weights(self._query_terms(text, {}))
            found = []
            for row in self._candidates(query, before_year):
                if int(self.ids[row]) in excluded:
                    continue
                score = cosine(query, self._weights(self._sequence(row)))
                if score >= self.threshold:
                    found.append(self._match(row, score, establishment_id))
            found.sort(key=lambda m: (-m.score, m.finding_id))
            results.append(found[:limit] if limit else found)
        return results

    def score(self, text_a: str, text_b: str) -> float:
        """The confirming score of two texts, with this index's word frequencies."""
        unseen: dict[str, int] = {}
        a, b = self._query_terms(text_a, unseen), self._query_terms(text_b, unseen)
        return cosine(self._weights(a), self._weights(b))

    def _query_terms(self, text: str, unseen: dict) -> list[int]:
        """Term ids of a text, without growing the vocabulary: words the index has never seen
        get negative ids, shared through `unseen` so two texts can still meet on them."""
        known = self.vocabulary
        return [known[w] if w in known else unseen.setdefault(w, -1 - len(unseen))
                for w in content_words(text or "")]

    def _sequence(self, row: int) -> list[int]:
        return self.tokens[self.token_starts[row] : self.token_starts[row + 1]].tolist()

    def _weights(self, terms: list[int]) -> dict:
        """IDF-weighted words and neighbouring word pairs (a pair weighs the mean of its words)."""
        weights: dict = {}
        known, unseen = self._idfs(), math.log(1 + len(self.ids)) + 1.0
        idfs = [known[t] if t >= 0 else unseen for t in terms]
        for term, idf in zip(terms, idfs):
            weights[term] = idf
        for i in range(len(terms) - 1):
            weights[(terms[i], terms[i + 1])] = (idfs[i] + idfs[i + 1]) / 2
        return weights

    def _candidates(self, query: dict, before_year) -> np.ndarray:
        n = len(self.ids)
        terms = sorted({t for t in query if isinstance(t, int) and 0 <= t < len(self.df) and self.df[t]},
                       key=lambda t: (self.df[t], t))
        if not n or not terms:
            return np.zeros(0, dtype=np.int64)
        # The rarest words find the candidates; a word most findings hold would only add work.
        usable = [t for t in terms if self.df[t] <= COMMON_SHARE * n][:CANDIDATE_WORDS] or terms[:3]
        lists = [self.postings[self.posting_starts[t] : self.posting_starts[t + 1]] for t in usable]
        weights = np.repeat(np.asarray([self.idf(t) for t in usable], dtype=np.float64), [len(p) for p in lists])
        scores = np.bincount(np.concatenate(lists), weights=weights, minlength=n) / self.lengths
        if before_year is not None:
            scores[self.years >= before_year] = 0.0
        touched = np.flatnonzero(scores)
        values = scores[touched]
        if len(touched) > self.candidates:
            kth = np.partition(values, len(values) - self.candidates)[len(values) - self.candidates]
            # Ties at the cut go to the earliest rows, so one index always yields the same candidates.
            above = touched[values > kth]
            level = touched[values == kth][: self.candidates - len(above)]
            touched = np.concatenate([above, level])
        rows = touched
        return rows[np.lexsort((rows, -scores[rows]))]

    def _match(self, row: int, score: float, establishment_id) -> Match:
        establishment = int(self.establishments[row])
        return Match(
            finding_id=int(self.ids[row]), score=round(score, 4), establishment_id=establishment,
            body_id=int(self.bodies[row]), year=int(self.years[row]),
            same_establishment=establishment_id is not None and establishment == establishment_id,
        )


def cosine(a: dict, b: dict) -> float:
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    dot = sum(w * b[k] for k, w in a.items() if k in b)
    if not dot:
        return 0.0
    return dot / math.sqrt(sum(w * w for w in a.values()) * sum(w * w for w in b.values()))


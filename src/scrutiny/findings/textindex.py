"""Our own inverted index over finding text, so that a search matches exactly the same findings on
SQLite and on PostgreSQL (FTS5's porter stemmer and PostgreSQL's english configuration differ,
and PostgreSQL drops stop words). Words are cut as findings.search cuts them (runs of letters and
digits, lower case, accents dropped as FTS5's unicode61 drops them), stemmed by Snowball's
English stemmer (PyStemmer); every word of a search must be present, and matches are ranked by
BM25 with ties by id.

The postings of a million findings run to about a hundred megabytes, more than the server's
memory allows beside Django, so a built index is saved as .npy files and a search reads only
its words' postings from them (persistence.OnDisk). Changes after the build
live in a small overlay: `stale` marks base rows whose postings no longer hold, and `extra` holds
the postings of rows re-read since.
"""

import unicodedata
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
import Stemmer

from scrutiny.findings.search import MAX_WORDS, _WORD

K1, B = 1.2, 0.75
_stemmer = Stemmer.Stemmer("english")
_stems: dict[str, str] = {}


def _plain(text: str) -> str:
    text = text.lower()
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def stem(word: str) -> str:
    found = _stems.get(word)
    if found is None:
        found = _stems[word] = _stemmer.stemWord(word)
    return found


def terms_of(text: str) -> list[str]:
    """Every stemmed word of a text, repeats kept (their number is the term frequency)."""
    return [stem(w) for w in _WORD.findall(_plain(text))]


def search_terms(query: str) -> list[str]:
    """The different stemmed words of a search, at most MAX_WORDS, as findings.search counts them."""
    words = list(dict.fromkeys(w for w in _WORD.findall(_plain(query))))[:MAX_WORDS]
    return list(dict.fromkeys(stem(w) for w in words))


@dataclass(frozen=True)
class Postings:
    """Base postings: for term i, rows[offsets[i]:offsets[i+1]] (ascending) and their counts."""

    terms: dict[str, int]
    offsets: np.ndarray  # int64, len(terms) + 1
    rows: np.ndarray  # int32 (or persistence.OnDisk: read a slice at a time)
    counts: np.ndarray  # uint8, term frequency capped at 255 (likewise)

    def of(self, term: str) -> tuple[np.ndarray, np.ndarray]:
        i = self.terms.get(term)
        if i is None:
            return _NO_ROWS, _NO_COUNTS
        start, stop = self.offsets[i], self.offsets[i + 1]
        return self.rows[start:stop], self.counts[start:stop]


_NO_ROWS = np.zeros(0, dtype=np.int32)
_NO_COUNTS = np.zeros(0, dtype=np.uint8)


def build_postings(texts, first_row: int = 0) -> tuple[Postings, np.ndarray]:
    """Postings and word counts (document lengths) of texts given in row order."""
    vocabulary: dict[str, int] = {}
    chunks, lengths = [], []
    term_ids: list[int] = []
    doc_of: list[int] = []
    row = first_row
    for text in texts:
        words = terms_of(text or "")
        lengths.append(len(words))
        for word in words:
            term = vocabulary.get(word)
            if term is None:
                term = vocabulary[word] = len(vocabulary)
            term_ids.append(term)
        doc_of.extend([row] * len(words))
        row += 1
        if len(term_ids) > 4_000_000:
            chunks.append(_pairs(term_ids, doc_of))
            term_ids, doc_of = [], []
    chunks.append(_pairs(term_ids, doc_of))
    terms = np.concatenate([c[0] for c in chunks])
    rows = np.concatenate([c[1] for c in chunks])
    counts = np.concatenate([c[2] for c in chunks])
    del chunks
    # Chunks come in row order and each is sorted by (term, row): a stable sort by term keeps rows ascending.
    order = np.argsort(terms, kind="stable")
    offsets = np.zeros(len(vocabulary) + 1, dtype=np.int64)
    np.cumsum(np.bincount(terms, minlength=len(vocabulary)), out=offsets[1:])
    postings = Postings(vocabulary, offsets, rows[order], counts[order])
    return postings, np.minimum(np.asarray(lengths, dtype=np.int64), 65535).astype(np.uint16)


def _pairs(term_ids: list[int], doc_of: list[int]):
    if not term_ids:
        return np.zeros(0, np.int32), np.zeros(0, np.int32), np.zeros(0, np.uint8)
    key = (np.asarray(term_ids, dtype=np.int64) << 32) | np.asarray(doc_of, dtype=np.int64)
    unique, counts = np.unique(key, return_counts=True)
    return (unique >> 32).astype(np.int32), (unique & 0xFFFFFFFF).astype(np.int32), np.minimum(counts, 255).astype(np.uint8)


@dataclass(frozen=True)
class TextIndex:
    base: Postings
    base_rows: int  # rows [0, base_rows) were indexed in `base`
    stale: np.ndarray  # bool per base row: its base postings no longer hold
    lengths: np.ndarray  # uint16 word count per row (all rows, base and later)
    extra: dict = field(default_factory=dict)  # term -> (rows int32 ascending, counts uint8)

    def postings(self, term: str) -> tuple[np.ndarray, np.ndarray]:
        rows, counts = self.base.of(term)
        if self.stale.any() and len(rows):
            keep = ~self.stale[rows]
            rows, counts = rows[keep], counts[keep]
        added = self.extra.get(term)
        if added is not None:
            rows, counts = np.concatenate([rows, added[0]]), np.concatenate([counts, added[1]])
        return rows, counts

    def statistics(self, visible: np.ndarray, n_rows: int) -> tuple[int, float]:
        """(public findings, their average length in words): BM25's corpus statistics, which
        count public findings only, so that an unpublished text cannot move a public ranking.
        The same for every search of a snapshot: the engine keeps them (Snapshot.text_statistics)."""
        public = visible[:n_rows]
        documents = max(int(public.sum()), 1)
        lengths = self.lengths[:n_rows].astype(np.float32)
        average = float(lengths[public].mean()) if public.any() else 1.0
        return documents, average

    def search(self, terms: list[str], visible: np.ndarray, statistics: tuple[int, float]) -> tuple[np.ndarray, np.ndarray]:
        """(rows holding every term, ascending; the BM25 score of each). Only the postings of
        the words are touched, never an array over every finding: a rare word costs microseconds."""
        documents, average = statistics
        found, scores = None, None
        for term in terms:
            rows, counts = self.postings(term)
            if len(rows) > 1 and np.any(rows[1:] < rows[:-1]):  # a patched finding's postings come last
                order = np.argsort(rows, kind="stable")
                rows, counts = rows[order], counts[order]
            rows = rows.astype(np.int64)
            df = int(visible[rows].sum())
            idf = np.log(1.0 + (documents - df + 0.5) / (df + 0.5))
            tf = counts.astype(np.float32)
            norm = K1 * (1.0 - B + B * self.lengths[rows].astype(np.float32) / max(average, 1e-6))
            score = np.float32(idf) * tf * (K1 + 1.0) / (tf + norm)
            if found is None:
                found, scores = rows, score
            else:
                found, mine, theirs = np.intersect1d(found, rows, assume_unique=True, return_indices=True)
                scores = scores[mine] + score[theirs]
        if found is None:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        return found, scores.astype(np.float32)

    def patched(self, rows: np.ndarray, texts: list[str | None], n_rows: int) -> "TextIndex":
        """A new index with these rows re-read (None for a finding that is gone)."""
        stale = self.stale.copy()
        old = rows[rows < self.base_rows]
        stale[old] = True
        lengths = np.zeros(n_rows, dtype=np.uint16)
        lengths[: len(self.lengths)] = self.lengths
        redone = np.zeros(n_rows, dtype=bool)
        redone[rows] = True
        extra = {}
        for term, (term_rows, counts) in self.extra.items():
            keep = ~redone[term_rows]
            if keep.any():
                extra[term] = (term_rows[keep], counts[keep])
        added: dict[str, list] = {}
        for row, text in zip(rows.tolist(), texts):
            words = terms_of(text) if text else []
            lengths[row] = min(len(words), 65535)
            for term, n in Counter(words).items():
                added.setdefault(term, []).append((row, min(n, 255)))
        for term, pairs in added.items():
            new_rows = np.fromiter((r for r, _ in pairs), dtype=np.int32, count=len(pairs))
            new_counts = np.fromiter((n for _, n in pairs), dtype=np.uint8, count=len(pairs))
            if term in extra:
                new_rows = np.concatenate([extra[term][0], new_rows])
                new_counts = np.concatenate([extra[term][1], new_counts])
            order = np.argsort(new_rows, kind="stable")
            extra[term] = (new_rows[order], new_counts[order])
        return TextIndex(self.base, self.base_rows, stale, lengths, extra)

    @property
    def overlay_size(self) -> int:
        return int(self.stale.sum()) + len(self.lengths) - self.base_rows


def build(texts, n_rows: int) -> TextIndex:
    postings, lengths = build_postings(texts)
    return TextIndex(postings, n_rows, np.zeros(n_rows, dtype=bool), lengths)

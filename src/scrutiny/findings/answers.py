"""A FindingQuery answered from the engine's snapshot: the same numbers as findings.sql_query
(the oracle the parity tests hold it to), from boolean masks and bincounts.

Each filter is a mask over all rows; a facet counts over the public rows that every other
filter (and the search) leaves, so that a value of the facet's own shows what ticking it adds.
"""

from collections import Counter

import numpy as np

from scrutiny.findings import bitmaps, engine, textindex

SINGLE = ("body", "setting", "nation", "year", "period", "kind", "status")
# A scope holding fewer than this share of all rows has its facets counted row by row rather
# than by whole bitmaps (at a million rows: under ~1,000 rows, a rare word).
SPARSE_SHARE = 1 / 1024
# A page or export sorts the scope's rows by the order key when they are fewer than this share of
# the display order it would otherwise read to find them.
SORT_SHARE = 1 / 8
TAGGED = ("theme", "population")


class Answers:
    # The query is read here and not kept: the query keeps its answers (FindingQuery._answers),
    # and a reference back made a cycle that only a full garbage collection frees, so a page's
    # arrays (tens of megabytes at a million findings) outlived it by seconds under load.
    def __init__(self, query, snapshot: engine.Snapshot | None = None):
        self.snapshot = snapshot or engine.current()
        if query.vocabulary is None:
            from scrutiny.findings.query import Vocabulary

            query.vocabulary = Vocabulary.load()
        self.vocabulary = query.vocabulary
        columns = self.snapshot.columns
        self.public = columns["visible"].copy()
        days = columns["published"]
        if query.published_from:
            self.public &= days >= engine._days(query.published_from)
        if query.published_to:
            self.public &= days <= engine._days(query.published_to)
        self.masks = {facet: self._mask(facet, values) for facet, values in query.selected.items() if values}
        self.matched = None  # a search's rows (ascending) and their scores
        terms = textindex.search_terms(query.q) if query.q else []
        if terms:
            rows, scores = self.snapshot.text.search(terms, columns["visible"], self.snapshot.text_statistics())
            self.matched = rows, scores
            holding = np.zeros(self.snapshot.size, dtype=bool)
            holding[rows] = True
            self.public &= holding
        self._everything = None
        self._packed_scopes: dict = {}  # except_facet -> the scope as words
        self._sparse_scopes: dict = {}  # except_facet -> its rows when few, else None
        self._held = None  # the count, once counted
        self._ordered = None  # (rows in display order so far, where the reading stopped)

    # --- masks ---------------------------------------------------------------------------------

    def _mask(self, facet: str, values: list[str]) -> np.ndarray:
        snapshot, vocabulary = self.snapshot, self.vocabulary
        size = snapshot.size
        if facet in TAGGED:
            # The OR of the chosen values' bitmaps, unpacked: no pass over millions of tags.
            items = vocabulary.themes if facet == "theme" else vocabulary.populations
            values_of = snapshot.bitmaps(facet)
            chosen = np.isin(values_of.keys, [items[v].id for v in values])
            words = np.bitwise_or.reduce(values_of.bits[chosen], axis=0) if chosen.any() else None
            if words is None:
                return np.zeros(size, dtype=bool)
            return np.unpackbits(words.view(np.uint8), count=size, bitorder="little").astype(bool)
        if facet in ("kind", "status"):
            codes = [snapshot.code_of(facet, v) for v in values]
            wanted = [c for c in codes if c is not None]
        else:
            wanted = [vocabulary.key(facet, v) for v in values]
        column = snapshot.columns[facet]
        if not wanted:
            return np.zeros(size, dtype=bool)
        if len(wanted) == 1:
            return column == wanted[0]
        return np.isin(column, np.asarray(wanted, dtype=column.dtype))

    def scope(self, except_facet: str | None = None) -> np.ndarray:
        if except_facet not in self.masks:
            except_facet = None  # a facet with no filter of its own counts over the whole query
        if except_facet is None and self._everything is not None:
            return self._everything
        mask = self.public.copy()
        for facet, own in self.masks.items():
            if facet != except_facet:
                mask &= own
        if except_facet is None:
            self._everything = mask
        return mask

    # --- answers -------------------------------------------------------------------------------

    def count(self) -> int:
        if self._held is None:
            self._held = int(np.count_nonzero(self.scope()))
        return self._held

    def ids(self, start: int, stop: int) -> list[int]:
        start, stop = max(start, 0), max(stop, 0)
        held = self.count()
        if stop <= start or start >= held:
            return []
        stop = min(stop, held)
        ids = self.snapshot.columns["id"]
        if self.matched is None:
            ordered = self._first_in_display_order(stop)
        else:
            rows = np.flatnonzero(self.scope())
            matched_rows, matched_scores = self.matched
            scores = matched_scores[np.searchsorted(matched_rows, rows)]
            if stop < len(rows):
                # Every row scoring at least the stop-th best, ties included, then ordered exactly.
                threshold = np.partition(scores, len(rows) - stop)[len(rows) - stop]
                keep = scores >= threshold
                rows, scores = rows[keep], scores[keep]
            ordered = rows[np.lexsort((ids[rows], -scores))]
        return ids[ordered[start:stop]].tolist()

    def _first_in_display_order(self, stop: int) -> np.ndarray:
        """At least the first `stop` rows of the scope in display order (all of them if fewer).

        A broad filter reads the display order a growing chunk at a time and is done after a few
        hundred rows; a narrow one, or a long export, sorts the scope's own rows by the order key
        instead of reading most of a million. What was found is kept, so an export asking batch
        after batch carries on where the last batch stopped."""
        order, scope = self.snapshot.display_order(), self.scope()
        found, position = self._ordered or (np.zeros(0, dtype=np.int64), 0)
        if len(found) >= stop or position >= len(order):
            return found
        held = self.count()
        if held < min(len(order), stop * len(order) / max(held, 1)) * SORT_SHARE:
            rows = np.flatnonzero(scope)
            found = rows[np.argsort(self.snapshot.columns["order"][rows], kind="stable")]
            self._ordered = found, len(order)
            return found
        parts, taken, chunk = [found], len(found), max(4 * (stop - len(found)), 4096)
        while position < len(order) and taken < stop:
            part = order[position:position + chunk]
            hits = part[scope[part]]
            parts.append(hits)
            taken += len(hits)
            position += chunk
            chunk *= 4
        found = np.concatenate(parts)
        self._ordered = found, position
        return found

    def facet_counts(self, facet: str) -> dict:
        """{stored key: findings} for one facet over the query without its own filter."""
        values = self.snapshot.bitmaps(facet)
        except_facet = facet if facet in self.masks else None
        rows = self._sparse_rows(except_facet)
        counted = values.counts(self._packed(except_facet)) if rows is None else values.counts_at(rows)
        return {self._stored(facet, key): int(n) for key, n in zip(values.keys.tolist(), counted) if n}

    def _sparse_rows(self, except_facet: str | None) -> np.ndarray | None:
        """The scope's rows when it holds so few that reading their bits beats ANDing whole
        bitmaps, else None."""
        if except_facet not in self._sparse_scopes:
            scope = self.scope(except_facet)
            few = np.count_nonzero(scope) < len(scope) * SPARSE_SHARE
            self._sparse_scopes[except_facet] = np.flatnonzero(scope) if few else None
        return self._sparse_scopes[except_facet]

    def _packed(self, except_facet: str | None) -> np.ndarray:
        """The scope as 64-bit words, packed once per distinct scope (nine facets share one)."""
        found = self._packed_scopes.get(except_facet)
        if found is None:
            found = self._packed_scopes[except_facet] = bitmaps.packed(self.scope(except_facet))
        return found

    def counts(self, *dimensions: str) -> Counter:
        """Findings counted by several dimensions, keyed by stored keys; a finding with two
        themes counts under each (the SQL join's rows)."""
        if len(dimensions) <= 2:
            return self._counts_by_bitmaps(dimensions)
        rows = np.flatnonzero(self.scope())
        keys = []
        for dimension in dimensions:
            if dimension in TAGGED:
                tag_rows, tag_ids = self.snapshot.tags[dimension]
                keep = self.scope()[tag_rows] & (tag_ids != 0)
                pair_rows, pair_keys = tag_rows[keep].astype(np.int64), tag_ids[keep].astype(np.int64)
                rows, keys = _join(rows, keys, pair_rows, pair_keys)
            else:
                values = self._keys(dimension)[rows].astype(np.int64)
                present = values != 0 if dimension in ("setting", "nation") else np.ones(len(values), dtype=bool)
                rows, keys = rows[present], [k[present] for k in keys] + [values[present]]
        counted: Counter = Counter()
        if not len(rows):
            return counted
        # One int64 code per combination (keys are small), so np.unique sorts a flat array.
        code = np.zeros(len(rows), dtype=np.int64)
        spans = [int(k.max()) + 1 for k in keys]
        for k, span in zip(keys, spans):
            code = code * span + k
        combined, n = np.unique(code, return_counts=True)
        for value, many in zip(combined.tolist(), n.tolist()):
            key = []
            for span in reversed(spans):
                value, part = divmod(value, span)
                key.append(part)
            counted[tuple(self._stored(d, k) for d, k in zip(dimensions, reversed(key)))] = many
        return counted

    def _counts_by_bitmaps(self, dimensions) -> Counter:
        scope = self._packed(None)
        counted: Counter = Counter()
        if not dimensions:
            return counted
        first = self.snapshot.bitmaps(dimensions[0])
        if len(dimensions) == 1:
            for key, n in zip(first.keys.tolist(), first.counts(scope)):
                if n:
                    counted[(self._stored(dimensions[0], key),)] = int(n)
            return counted
        second = self.snapshot.bitmaps(dimensions[1])
        for key, words in zip(first.keys.tolist(), first.bits):
            within = words & scope
            if not within.any():
                continue
            for other, n in zip(second.keys.tolist(), second.counts(within)):
                if n:
                    counted[(self._stored(dimensions[0], key), self._stored(dimensions[1], other))] = int(n)
        return counted

    # --- keys ----------------------------------------------------------------------------------

    def _keys(self, facet: str) -> np.ndarray:
        column = self.snapshot.columns[facet]
        return column if column.dtype != np.int8 else column.astype(np.int16)

    def _stored(self, facet: str, key: int):
        if facet == "kind":
            return self.snapshot.kinds[key]
        if facet == "status":
            return self.snapshot.statuses[key]
        return int(key)


def _join(rows: np.ndarray, keys: list, pair_rows: np.ndarray, pair_keys: np.ndarray):
    """Rows (with the keys gathered so far) joined to (row, key) pairs on row: one output per
    matching pair, as SQL's join of findings to tags gives."""
    order = np.argsort(pair_rows, kind="stable")
    pair_rows, pair_keys = pair_rows[order], pair_keys[order]
    first = np.searchsorted(pair_rows, rows, side="left")
    last = np.searchsorted(pair_rows, rows, side="right")
    many = last - first
    repeated = np.repeat(np.arange(len(rows)), many)
    # The index of each output's pair: its row's first pair plus its place among them.
    offsets = np.repeat(first - np.concatenate([[0], np.cumsum(many)[:-1]]), many) + np.arange(many.sum())
    return rows[repeated], [k[repeated] for k in keys] + [pair_keys[offsets]]

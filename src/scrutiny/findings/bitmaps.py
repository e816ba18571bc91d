"""One bitmap per facet value (a bit per row: 125 KB a value at a million findings), so that a
facet's counts over a query are, for each value, an AND with the query's packed mask and a
population count: about 0.05 ms a value, where gathering a third of a million rows and
bincounting them took 20 ms a facet. A query holding few rows (a rare word) reads instead the
bit of each of its rows in each value's bitmap, rather than every word of every bitmap. Built from
a snapshot's columns on first use (tens of ms), cached on the snapshot, and built again for the
next snapshot after a change.

Bits are in little-endian order, so row r is bit r % 64 of word r // 64.
"""

from dataclasses import dataclass

import numpy as np


# Words of every value ANDed at a time: the temporary stays under 128 KB, which the allocator
# keeps and hands back (a larger one is mapped and unmapped each time: a page fault per 4 KB).
_BLOCK_WORDS = 16_384


def packed(mask: np.ndarray) -> np.ndarray:
    """A boolean mask as 64-bit words (zero-padded)."""
    raw = np.packbits(mask, bitorder="little")
    padding = (-len(raw)) % 8
    if padding:
        raw = np.concatenate([raw, np.zeros(padding, dtype=np.uint8)])
    return raw.view(np.uint64)


@dataclass(frozen=True)
class ValueBitmaps:
    keys: np.ndarray  # the stored key of each value (int)
    bits: np.ndarray  # uint64 [value, word]

    def counts(self, scope: np.ndarray) -> np.ndarray:
        """How many rows of each value are in the packed scope."""
        values, words = self.bits.shape
        total = np.zeros(values, dtype=np.int64)
        if not values:
            return total
        step = max(1, _BLOCK_WORDS // values)
        scratch = np.empty((values, min(step, words)), dtype=np.uint64)
        for start in range(0, words, step):
            part = self.bits[:, start:start + step]
            both = np.bitwise_and(part, scope[start:start + step], out=scratch[:, :part.shape[1]])
            total += np.bitwise_count(both).sum(axis=1, dtype=np.int64)
        return total

    def counts_at(self, rows: np.ndarray) -> np.ndarray:
        """How many of these rows (ascending, distinct) each value holds: a bit read per row and
        value, for a scope of a few rows."""
        if not len(self.keys) or not len(rows):
            return np.zeros(len(self.keys), dtype=np.int64)
        words = self.bits[:, rows >> 6]
        return ((words >> (rows & 63).astype(np.uint64)) & np.uint64(1)).sum(axis=1, dtype=np.int64)


def of_column(column: np.ndarray, skip_zero: bool) -> ValueBitmaps:
    keys = np.flatnonzero(np.bincount(column.astype(np.int64))) if len(column) else np.zeros(0, dtype=np.int64)
    if skip_zero:
        keys = keys[keys != 0]
    return ValueBitmaps(keys, _stack([packed(column == key) for key in keys], len(column)))


def of_tags(tag_rows: np.ndarray, tag_ids: np.ndarray, size: int) -> ValueBitmaps:
    keys = np.flatnonzero(np.bincount(tag_ids)) if len(tag_ids) else np.zeros(0, dtype=np.int64)
    keys = keys[keys != 0]  # 0 marks a removed tag
    bitmaps = []
    for key in keys:
        mask = np.zeros(size, dtype=bool)
        mask[tag_rows[tag_ids == key]] = True
        bitmaps.append(packed(mask))
    return ValueBitmaps(keys, _stack(bitmaps, size))


def _stack(bitmaps: list, size: int) -> np.ndarray:
    if bitmaps:
        return np.stack(bitmaps)
    return np.zeros((0, len(packed(np.zeros(size, dtype=bool)))), dtype=np.uint64)

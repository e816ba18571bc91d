"""One bitmap per facet value (a bit per row: 125 KB a value at a million findings), so that a
facet's counts over a query are, for each value, an AND with the query's packed mask and a
population count: about 0.05 ms a value, where gathering a third of a million rows and
bincounting them took 20 ms a facet. Built from a snapshot's columns on first use (tens of ms),
cached on the snapshot, and built again for the next snapshot after a change.
"""

from dataclasses import dataclass

import numpy as np


def packed(mask: np.ndarray) -> np.ndarray:
    """A boolean mask as 64-bit words (zero-padded)."""
    raw = np.packbits(mask)
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
        if not len(self.keys):
            return np.zeros(0, dtype=np.int64)
        return np.bitwise_count(self.bits & scope).sum(axis=1, dtype=np.int64)


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

"""The engine's snapshot saved ahead of time (`scrutiny index rebuild`, the serve benchmark) so
that a server at a million findings loads it in a second instead of building for a minute, and
reads the search postings of the words asked for from disk (OnDisk) instead of holding ~100 MB.

Where: settings.SCRUTINY_INDEX_DIR (or the environment variable of that name); by default a
folder beside the SQLite file (`scrutiny.sqlite3.index/`), or var/index for PostgreSQL. Each save
is a new folder named after the change-log line it is up to date with, and `current` names the
newest, replaced atomically, so a server loading while another process saves never reads half a
folder. A loaded snapshot is then brought up to date through the change log like any other.
"""

import json
import os
import shutil
from pathlib import Path

import numpy as np
from django.conf import settings
from django.db import connection

from scrutiny.findings import changes, engine, textindex


def index_dir() -> Path:
    chosen = getattr(settings, "SCRUTINY_INDEX_DIR", None) or os.environ.get("SCRUTINY_INDEX_DIR")
    if chosen:
        return Path(chosen)
    if connection.vendor == "sqlite":
        return Path(f"{connection.settings_dict['NAME']}.index")
    return Path("var/index")


def save(snapshot: engine.Snapshot, folder: Path | None = None) -> Path:
    """Write a snapshot with its text index folded in (no overlay) under the index folder."""
    root = folder or index_dir()
    seq, token = snapshot.head or (0, 0)
    target = root / f"{seq}-{token & 0xFFFFFFFF:08x}-{os.getpid()}"
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name, column in snapshot.columns.items():
        np.save(target / f"column-{name}.npy", column)
    for facet, (rows, ids) in snapshot.tags.items():
        live = ids != 0
        np.save(target / f"tags-{facet}-rows.npy", rows[live])
        np.save(target / f"tags-{facet}-ids.npy", ids[live])
    text = snapshot.text
    if text.overlay_size:
        raise ValueError("save a snapshot fresh from build_snapshot(), not a patched one")
    np.save(target / "text-offsets.npy", text.base.offsets)
    np.save(target / "text-rows.npy", text.base.rows)
    np.save(target / "text-counts.npy", text.base.counts)
    np.save(target / "text-lengths.npy", text.lengths)
    terms = sorted(text.base.terms, key=text.base.terms.get)
    (target / "text-terms.txt").write_text("\n".join(terms), encoding="utf-8")
    meta = {
        "database": snapshot.database, "head": snapshot.head, "kinds": snapshot.kinds,
        "statuses": snapshot.statuses, "rows": snapshot.size,
    }
    (target / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    pointer = root / "current.tmp"
    pointer.write_text(target.name, encoding="utf-8")
    os.replace(pointer, root / "current")
    for old in root.iterdir():
        if old.is_dir() and old != target:
            shutil.rmtree(old, ignore_errors=True)  # a process mapping it keeps its pages (POSIX)
    return target


class OnDisk:
    """A saved 1-D array read a slice at a time (os.pread), for the postings of a search.

    Mapping the file (np.load mmap_mode="r") made every page a search had touched count in the
    server's resident memory for good: 77 MB after a minute of 50 people searching. Read this
    way, the pages stay in the operating system's file cache, and a search holds its words'
    postings only while it runs."""

    def __init__(self, path: Path):
        mapped = np.load(path, mmap_mode="r")
        self.dtype, self.shape, self._start = mapped.dtype, mapped.shape, mapped.offset
        del mapped
        self._fd = os.open(path, os.O_RDONLY)

    def __len__(self) -> int:
        return self.shape[0]

    def __getitem__(self, part: slice) -> np.ndarray:
        start, stop, _ = part.indices(len(self))
        size = self.dtype.itemsize
        if stop <= start:
            return np.zeros(0, dtype=self.dtype)
        return np.frombuffer(os.pread(self._fd, (stop - start) * size, self._start + start * size), dtype=self.dtype)

    def __array__(self, dtype=None, copy=None):
        whole = self[0:len(self)]
        return whole if dtype is None else whole.astype(dtype)

    def __del__(self):
        try:
            os.close(self._fd)
        except (AttributeError, OSError):
            pass


def load_saved(folder: Path | None = None) -> engine.Snapshot | None:
    """The saved snapshot of this database, or None when there is none (or it is another's)."""
    root = folder or index_dir()
    try:
        target = root / (root / "current").read_text(encoding="utf-8").strip()
        meta = json.loads((target / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    head = tuple(meta["head"]) if meta["head"] else None
    if meta["database"] != engine.database_key() or head is None or not changes.still_there(head):
        return None
    columns = {name: np.load(target / f"column-{name}.npy") for name in engine.COLUMN_DTYPES}
    tags = {
        facet: engine.by_row(np.load(target / f"tags-{facet}-rows.npy"), np.load(target / f"tags-{facet}-ids.npy"))
        for facet in engine.TAG_SOURCES
    }
    terms = (target / "text-terms.txt").read_text(encoding="utf-8").split("\n")
    postings = textindex.Postings(
        {term: i for i, term in enumerate(terms)} if terms != [""] else {},
        np.load(target / "text-offsets.npy"),
        OnDisk(target / "text-rows.npy"),
        OnDisk(target / "text-counts.npy"),
    )
    size = meta["rows"]
    text = textindex.TextIndex(postings, size, np.zeros(size, dtype=bool), np.load(target / "text-lengths.npy"))
    return engine.Snapshot(meta["database"], head, columns, tags, tuple(meta["kinds"]), tuple(meta["statuses"]), text)


def rebuild_and_save(prune: bool = True) -> tuple[engine.Snapshot, Path]:
    """Build afresh, save, make it this process's snapshot, and drop the log lines it covers."""
    snapshot = engine.build_snapshot()
    path = save(snapshot)
    engine.install(snapshot)
    if prune and snapshot.head:
        changes.prune(snapshot.head[0])
    return snapshot, path

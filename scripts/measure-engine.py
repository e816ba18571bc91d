"""In-process timings of the query engine on a large database (printed, never asserted):

    SCRUTINY_DATABASE_URL=sqlite:///var/bench/findings-1000000-seed2026.sqlite3 \
        .venv/bin/python scripts/measure-engine.py [--build] [--runs 50]

Load time of the saved index (`scrutiny index rebuild` or the serve benchmark writes it; --build
builds and saves it first, timed), resident memory after loading, p50/p95 of each page's work
(count, the nine facets and 50 ids, as /findings asks for them), a trend's counts, a 10,000-row
export's ids in pages, and the time to patch in a 30-finding report added after the load.
"""

import argparse
import os
import statistics
import sys
import time


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", action="store_true")
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scrutiny.settings.base")
    import django

    django.setup()
    import numpy as np
    import psutil
    from django.http import QueryDict

    from scrutiny.findings import engine, persistence, textindex
    from scrutiny.findings.query import Vocabulary, parse

    process = psutil.Process()
    print(f"resident before the engine: {process.memory_info().rss / 2**20:.0f} MiB")
    if args.build:
        started = time.perf_counter()
        snapshot = engine.build()
        print(f"build and save: {time.perf_counter() - started:.1f} s ({snapshot.size:,} findings, "
              f"{len(snapshot.text.base.rows):,} postings, {len(snapshot.text.base.terms):,} words)")
        engine.forget()
        del snapshot
    started = time.perf_counter()
    snapshot = persistence.load_saved()
    if snapshot is None:
        print("no saved index for this database: run with --build")
        return 1
    engine.install(snapshot)
    print(f"load the saved index: {time.perf_counter() - started:.2f} s; resident after loading: "
          f"{process.memory_info().rss / 2**20:.0f} MiB")
    engine.current()  # brought up to date with the log
    size = snapshot.size
    vocabulary = Vocabulary.load()

    # Choose the filters and words the issue describes, from this database's own numbers.
    visible = snapshot.columns["visible"]
    public = int(visible.sum())
    broad = _nearest(vocabulary, snapshot, public, 1 / 3)
    narrow = _nearest(vocabulary, snapshot, public, 0.005)
    base = snapshot.text.base
    frequencies = np.diff(base.offsets)
    words = sorted(base.terms, key=base.terms.get)
    by_share = sorted(zip(words, frequencies), key=lambda p: abs(p[1] - 0.15 * size))
    common = next(w for w, _ in ((_surface(t), n) for t, n in by_share) if w)
    rare = next(w for w, _ in ((_surface(t), n) for t, n in sorted(zip(words, frequencies), key=lambda p: p[1]) if n >= 20 and t.isalpha() and len(t) > 5) if w)
    theme = max(vocabulary.themes, key=lambda slug: int(np.count_nonzero(snapshot.tags["theme"][1] == vocabulary.themes[slug].id)))
    print(f"{size:,} findings ({public:,} public); broad: {broad}; narrow: {narrow}; common word: {common!r}; "
          f"rare word: {rare!r}; theme: {theme}")

    def page(address):
        query = parse(QueryDict(address))
        return query.count(), query.facets(), query.ids(0, 50)

    def export(address):
        query = parse(QueryDict(address))
        return [query.ids(start, start + 1000) for start in range(0, 10_000, 1000)]

    cases = [
        (f"facet page, broad ({broad})", lambda: page(broad)),
        (f"facet page, narrow ({narrow})", lambda: page(narrow)),
        (f"search, common word {common!r}", lambda: page(f"q={common}")),
        (f"search, rare word {rare!r}", lambda: page(f"q={rare}")),
        (f"trend: counts('year') for theme={theme}", lambda: parse(QueryDict(f"theme={theme}")).counts("year")),
        ("export ids: 10,000 in pages of 1,000 (broad)", lambda: export(broad)),
    ]
    for name, work in cases:
        answer = work()
        if name.startswith(("facet", "search")):
            name += f": {answer[0]:,} found"
        print(f"{name}: {_timed(work, args.runs)}")
    print(f"resident after the queries: {process.memory_info().rss / 2**20:.0f} MiB")
    _patch_time(engine, broad)
    return 0


def _surface(term: str) -> str | None:
    """A word a person would type whose stem is this index term (stems are not words)."""
    from scrutiny.findings.textindex import stem

    for ending in ("", "e", "s", "ed", "ing", "y", "es", "ion"):
        if stem(term + ending) == term:
            return term + ending
    return None


def _nearest(vocabulary, snapshot, public: int, share: float) -> str:
    """The single-facet (or body and year) filter whose share of public findings is nearest."""
    import numpy as np

    visible = snapshot.columns["visible"]
    options = []
    for facet in ("body", "setting", "kind", "nation"):
        column = snapshot.columns[facet]
        for key, n in enumerate(np.bincount(column[visible].astype(np.int64))):
            if n and key:
                value = snapshot.kinds[key] if facet == "kind" else vocabulary.value_of(facet, key)
                options.append((abs(n / public - share), f"{facet}={value}"))
    for facet in ("body",):
        for key in np.unique(snapshot.columns["body"]):
            for year in (2015, 2020, 2024):
                n = int(np.count_nonzero(visible & (snapshot.columns["body"] == key) & (snapshot.columns["year"] == year)))
                if n:
                    options.append((abs(n / public - share), f"body={vocabulary.value_of('body', int(key))}&year={year}"))
    return min(options)[1]


def _timed(work, runs: int) -> str:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return f"p50 {statistics.median(times):.1f} ms, p95 {times[int(len(times) * 0.95) - 1]:.1f} ms"


def _patch_time(engine, broad: str) -> None:
    """A 30-finding report added after the load, patched in on the next use; rolled back after."""
    from datetime import date

    from django.db import transaction

    from django.http import QueryDict

    from scrutiny.findings.models import Finding, Tag
    from scrutiny.findings.query import parse
    from scrutiny.reports.models import Report

    class Undo(Exception):
        pass

    try:
        with transaction.atomic():
            model = Report.objects.order_by("-id").first()
            report = Report.objects.create(
                body_id=model.body_id, report_type=model.report_type, title="Measured report", setting_id=model.setting_id,
                nation_id=model.nation_id, published=date(2026, 10, 1), file_name="measured.pdf", file_format="pdf",
                content_hash="measured" * 8, reference="measured-report",
            )
            findings = Finding.objects.bulk_create([
                Finding(report=report, position=i, kind="recommendation", text=f"Measured finding {i}: staff should record every use of force.",
                        body_id=report.body_id, setting_id=report.setting_id, nation_id=report.nation_id, year=2026, reporting_year=2026)
                for i in range(30)
            ])
            theme = Tag.objects.first().theme_id
            Tag.objects.bulk_create([Tag(finding=f, theme_id=theme) for f in findings])
            started = time.perf_counter()
            snapshot = engine.current()
            print(f"patch after a 30-finding report: {(time.perf_counter() - started) * 1000:.0f} ms "
                  f"(overlay {snapshot.text.overlay_size} rows)")
            started = time.perf_counter()
            query = parse(QueryDict(broad))
            query.count(), query.facets(), query.ids(0, 50)
            print(f"first broad facet page after it (facet bitmaps and display order made again): "
                  f"{(time.perf_counter() - started) * 1000:.0f} ms")
            raise Undo
    except Undo:
        pass


if __name__ == "__main__":
    sys.exit(main())

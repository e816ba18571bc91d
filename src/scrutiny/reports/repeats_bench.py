"""`scrutiny bench repeats`: the repeated-finding check, measured for accuracy and for speed.

Accuracy (`--pairs`): the labelled pairs in scrutiny/core/data (the demo generator's same-template
and other-template pairs, and pairs of real findings labelled by hand) are split in two by group
(a demo theme, a real document), so no template or document sits on both sides. The threshold that
gives the best F1 on the development half is then scored on the held-out half.

Speed: an index of a million earlier findings written from the demo vocabulary, then new 30-finding
reports checked against it; the baseline is an exhaustive numpy scan of every finding's words (no
candidate stage) over a 100,000-finding sample, scaled to the whole index.
"""

import hashlib
import json
import resource
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from scrutiny.core.similarity import RepeatIndex, content_words

PAIRS = Path(__file__).resolve().parent.parent / "core" / "data"
PAIR_FILES = ["repeat_pairs_demo.jsonl", "repeat_pairs_real.jsonl"]
THRESHOLDS = [round(0.20 + 0.01 * i, 2) for i in range(61)]


def load_pairs() -> list[dict]:
    pairs = []
    for name in PAIR_FILES:
        with open(PAIRS / name, encoding="utf-8") as handle:
            pairs.extend(json.loads(line) for line in handle if line.strip())
    return pairs


def group_of(pair: dict) -> str:
    """Pairs from one demo theme or one real document stay on one side of the split."""
    parts = pair["source"].split(":")
    if parts[0] == "demo":
        return ":".join(parts[:3])
    return parts[0] + ":" + parts[1].split("#")[0]


def split_of(pair: dict) -> str:
    digest = hashlib.sha256(group_of(pair).encode()).digest()
    return "dev" if digest[0] % 2 == 0 else "test"


def reference_index(rows: int = 20_000) -> RepeatIndex:
    """Word frequencies to score pairs with: demo findings of every setting and the real ones."""
    from scrutiny_demo.repeats import earlier_findings

    return RepeatIndex.build(list(earlier_findings(rows, seed=99)) + real_rows())


def real_rows() -> list[tuple]:
    gold = Path(__file__).resolve().parents[4] / "shared" / "data" / "real-passages" / "gold.jsonl"
    if not gold.exists():
        return []
    with open(gold, encoding="utf-8") as handle:
        return [(-1 - n, json.loads(line)["text"], None, None, 0) for n, line in enumerate(handle)]


@dataclass
class Figures:
    threshold: float
    precision: float
    recall: float
    tp: int
    fp: int
    fn: int

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def figures(scored: list[tuple[float, bool]], threshold: float) -> Figures:
    tp = sum(1 for score, same in scored if score >= threshold and same)
    fp = sum(1 for score, same in scored if score >= threshold and not same)
    fn = sum(1 for score, same in scored if score < threshold and same)
    return Figures(threshold, tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0, tp, fp, fn)


def choose_threshold(scored) -> Figures:
    """Best F1 on these pairs; ties go to the higher (more precise) threshold."""
    return max((figures(scored, t) for t in THRESHOLDS), key=lambda f: (round(f.f1, 6), f.threshold))


def evaluate(index: RepeatIndex | None = None, pairs: list[dict] | None = None) -> dict:
    index = index or reference_index()
    pairs = pairs if pairs is not None else load_pairs()
    scored = {"dev": [], "test": []}
    by_source: dict[tuple, list] = {}
    for pair in pairs:
        score = index.score(pair["text_a"], pair["text_b"])
        part = split_of(pair)
        scored[part].append((score, pair["same"]))
        by_source.setdefault((part, pair["source"].split(":")[0]), []).append((score, pair["same"]))
    chosen = choose_threshold(scored["dev"])
    return {
        "chosen": chosen,
        "test": figures(scored["test"], chosen.threshold),
        "default": figures(scored["test"], index.threshold),
        "by_source": {key: figures(value, chosen.threshold) for key, value in sorted(by_source.items())},
        "counts": {part: (len(v), sum(s for _, s in v)) for part, v in scored.items()},
    }


def run_pairs() -> int:
    result = evaluate()
    for part, (total, same) in result["counts"].items():
        print(f"{part}: {total} pairs ({same} same ask, {total - same} different)")
    c, t, d = result["chosen"], result["test"], result["default"]
    print(f"threshold chosen on dev (best F1): {c.threshold:.2f}  dev precision {c.precision:.3f} "
          f"recall {c.recall:.3f} F1 {c.f1:.3f}")
    print(f"held-out test at {t.threshold:.2f}: precision {t.precision:.3f} recall {t.recall:.3f} "
          f"F1 {t.f1:.3f} (tp {t.tp}, fp {t.fp}, fn {t.fn})")
    print(f"held-out test at the shipped threshold {d.threshold:.2f}: precision {d.precision:.3f} "
          f"recall {d.recall:.3f} F1 {d.f1:.3f}")
    for (part, source), f in result["by_source"].items():
        print(f"  {part} {source:<5} precision {f.precision:.3f} recall {f.recall:.3f} "
              f"(tp {f.tp}, fp {f.fp}, fn {f.fn})")
    return 0


def run_bench(size: int, reports: int, sample: int) -> int:
    from scrutiny_demo.repeats import earlier_findings, report_findings

    start = time.perf_counter()
    rows = list(earlier_findings(size))
    written = time.perf_counter() - start
    start = time.perf_counter()
    index = RepeatIndex.build(rows)
    index.matches(["warm-up"])  # builds the posting lists, which belong to the build
    built = time.perf_counter() - start
    print(f"earlier findings: {len(index):,} (written in {written:.1f} s)")
    print(f"index build: {built:.1f} s; arrays {index.nbytes() / 2**20:.0f} MiB; "
          f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB (rows included)")
    del rows
    new_reports = [report_findings(seed) for seed in range(reports)]
    timings, repeats, shared = [], 0, 0
    for findings in new_reports:
        start = time.perf_counter()
        found = index.matches([text for _, text, _, _, _ in findings], establishment_id=7, before_year=2026)
        timings.append(time.perf_counter() - start)
        repeats += sum(m.same_establishment for ms in found for m in ms)
        shared += sum(not m.same_establishment for ms in found for m in ms)
    p50, p95 = percentile(timings, 50), percentile(timings, 95)
    print(f"new reports: {reports} x 30 findings; matches found: {repeats} repeats, {shared} shared concerns")
    print(f"per report: p50 {p50 * 1000:.0f} ms  p95 {p95 * 1000:.0f} ms  (target < 1000 ms)")
    baseline = scan_baseline(index, new_reports[:3], sample)
    print(f"baseline, exhaustive word scan of {sample:,} findings scaled to {len(index):,}: "
          f"{baseline * 1000:.0f} ms per report")
    print(f"ratio baseline/index (p50): {baseline / p50:.1f}x")
    return 0 if p95 < 1.0 else 1


def scan_baseline(index: RepeatIndex, reports, sample: int) -> float:
    """Seconds per report for a candidate-free scan: every finding's IDF-weighted word overlap
    with each query, in numpy, over the first `sample` findings, scaled to the whole index."""
    sample = min(sample, len(index))
    end = int(index.token_starts[sample])
    tokens = index.tokens[:end]
    starts = index.token_starts[:sample]
    idf = np.log((1 + len(index)) / (1 + index.df)) + 1.0
    timings = []
    for findings in reports:
        start = time.perf_counter()
        for _, text, _, _, _ in findings:
            query = [index.vocabulary[w] for w in content_words(text) if w in index.vocabulary]
            weights = np.where(np.isin(tokens, query), idf[tokens], 0.0)
            scores = np.add.reduceat(weights, starts) / index.lengths[:sample]
            np.argpartition(-scores, 64)[:64]
        timings.append(time.perf_counter() - start)
    return statistics.median(timings) * len(index) / sample


def percentile(values, p) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]

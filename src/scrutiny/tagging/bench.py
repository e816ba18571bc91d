"""`scrutiny bench tag`: findings per second of the default tagger (rules and classifier), with
the keyword tagger alone on the same findings in the same run as the baseline.

The findings are the real passages and the demo's theme sentences, varied (a place, a number, a
clause swapped in) so that no two are the same text. The default tagger is trained (or loaded
from the cache) before the clock starts; the findings are split among `workers` processes."""

import random
import time
from concurrent.futures import ProcessPoolExecutor

CLAUSES = ["", " as a matter of urgency", " within six months", " at {place}", " (paragraph {n}.{m})",
           " and the governor should report on progress", " for all prisoners"]
PLACES = ["HMP Barlinnie", "the custody suite", "the women's unit", "Ash ward", "the first night centre"]


def findings(count: int, seed: int = 7) -> list[str]:
    from scrutiny.core.default_tagger import TRAINING, read_training

    bases = [r["text"] for r in read_training(TRAINING, sources=("real", "demo"))]
    rng = random.Random(seed)
    out = []
    for i in range(count):
        clause = rng.choice(CLAUSES).format(place=rng.choice(PLACES), n=rng.randint(1, 15), m=rng.randint(1, 60))
        out.append(f"{bases[i % len(bases)].rstrip('.')}{clause}.")
    return out


def _tag_chunk(texts: list[str]) -> int:
    from scrutiny.core.default_tagger import default_tagger

    return sum(len(s) for s in default_tagger().suggest_many(texts))


def _keyword_chunk(texts: list[str]) -> int:
    from scrutiny.core.default_tagger import default_vocabularies
    from scrutiny.core.tagging import KeywordTagger

    tagger = KeywordTagger(default_vocabularies())
    return sum(len(tagger.suggest(t)) for t in texts)


def _timed_in_pool(pool, work, texts, workers) -> tuple[float, int]:
    size = -(-len(texts) // (workers * 4))
    start = time.perf_counter()
    tags = sum(pool.map(work, [texts[i:i + size] for i in range(0, len(texts), size)]))
    return time.perf_counter() - start, tags


def bench_tag(count: int = 100_000, workers: int = 2) -> int:
    from scrutiny.core.default_tagger import default_tagger

    start = time.perf_counter()
    default_tagger()  # train or load once here, so that workers find it in the cache
    print(f"default tagger ready (trained or loaded from the cache) in {time.perf_counter() - start:.1f} s")
    texts = findings(count)
    with ProcessPoolExecutor(workers) as pool:
        list(pool.map(_tag_chunk, [texts[:50]] * workers))  # each worker loads the model first
        list(pool.map(_keyword_chunk, [texts[:50]] * workers))
        keyword_seconds, keyword_tags = _timed_in_pool(pool, _keyword_chunk, texts, workers)
        default_seconds, default_tags = _timed_in_pool(pool, _tag_chunk, texts, workers)
    print(f"findings: {count:,} on {workers} worker processes")
    print(f"keyword tagger alone:          {count / keyword_seconds:10,.0f} findings/s  "
          f"({keyword_seconds:.1f} s, {keyword_tags / count:.2f} tags a finding)")
    print(f"default tagger (rules + model): {count / default_seconds:10,.0f} findings/s  "
          f"({default_seconds:.1f} s, {default_tags / count:.2f} tags a finding)")
    print(f"ratio default/keyword: {keyword_seconds / default_seconds:.2f}; "
          f"{count:,} findings in {default_seconds:.1f} s (target: 100,000 in under 60 s)")
    return 0

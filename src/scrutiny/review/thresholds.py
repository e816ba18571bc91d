"""How the review queue's two cut-offs were chosen: measured, not guessed.

Every real passage (`tagging/data/default-training.jsonl`, source "real") is scored by a default
tagger trained without its document, so no passage is judged by a model that learnt it. Then, for
each candidate cut-off:

- the tag threshold: how many of the themes tagged without a person (confidence at or above it)
  are themes people gave the passage (precision), and how many of the people's themes that catches;
- the floor: how many of the people's themes end up either tagged or waiting in the queue
  (recall), and how many suggestions a finding sends to the queue on average (the queue's load).

    python -m scrutiny.review.thresholds

prints both tables (docs/review.md quotes them). The defaults in scrutiny.review.tagging are the
lowest threshold whose precision is at least 0.8 (four in five themes tagged without a person are
right; people review the rest from the finding's tag page), and the lowest floor that sends at
most one suggestion per finding to the queue (the model's confidences are polarised: a theme it
misses sits near 0.01 with every other theme, so a lower floor floods the queue)."""

import numpy as np

from scrutiny.core.default_tagger import DefaultTagger, read_training

CANDIDATES = np.round(np.concatenate([[0.01, 0.02, 0.03, 0.04], np.arange(0.05, 0.96, 0.05)]), 2)
PRECISION = 0.8  # of tags made without a person
LOAD = 1.0  # suggestions per finding sent to the queue


def held_out_probabilities(rows: list[dict] | None = None) -> tuple[list[dict], dict[str, np.ndarray]]:
    """The real rows and, per label, each row's probability from a tagger trained without its
    document (0 for a label that tagger did not know)."""
    rows = rows if rows is not None else read_training()
    real = [r for r in rows if r.get("doc")]
    labels = sorted({label for r in rows for label in r["labels"]})
    out = {label: np.zeros(len(real)) for label in labels}
    for doc in sorted({r["doc"] for r in real}):
        tagger = DefaultTagger.train([r for r in rows if r.get("doc") != doc])
        held = [i for i, r in enumerate(real) if r["doc"] == doc]
        probabilities = tagger.probabilities([real[i]["text"] for i in held])
        for j, label in enumerate(tagger.labels):
            out[label][held] = probabilities[:, j]
    return real, out


def measure(real: list[dict], probabilities: dict[str, np.ndarray]) -> tuple[list[tuple], list[tuple]]:
    """(threshold, precision, recall, tags per finding) and (floor, recall, suggestions per
    finding at the chosen threshold) for each candidate."""
    labels = sorted(probabilities)
    p = np.column_stack([probabilities[label] for label in labels])
    y = np.array([[label in r["labels"] for label in labels] for r in real])
    tag_rows = []
    for t in CANDIDATES:
        tagged = p >= t
        tp = (tagged & y).sum()
        tag_rows.append((float(t), tp / max(1, tagged.sum()), tp / max(1, y.sum()), tagged.sum() / len(real)))
    threshold = choose_threshold(tag_rows)
    floor_rows = []
    for f in CANDIDATES[CANDIDATES < threshold]:
        kept = p >= f
        waiting = kept & (p < threshold)
        floor_rows.append((float(f), (kept & y).sum() / max(1, y.sum()), waiting.sum() / len(real)))
    return tag_rows, floor_rows


def choose_threshold(tag_rows, precision: float = PRECISION) -> float:
    good = [t for t, p, _, _ in tag_rows if p >= precision]
    return min(good) if good else max(t for t, *_ in tag_rows)


def choose_floor(floor_rows, load: float = LOAD) -> float:
    good = [f for f, _, per in floor_rows if per <= load]
    return min(good) if good else max(f for f, *_ in floor_rows)


def main() -> None:
    real, probabilities = held_out_probabilities()
    tag_rows, floor_rows = measure(real, probabilities)
    print(f"{len(real)} real passages, {len({r['doc'] for r in real})} documents, each scored leaving its document out")
    print("threshold  precision  recall  tags/finding")
    for t, precision, recall, per in tag_rows:
        print(f"{t:9.2f}  {precision:9.3f}  {recall:6.3f}  {per:12.2f}")
    threshold = choose_threshold(tag_rows)
    print(f"chosen threshold (lowest with precision >= {PRECISION}): {threshold:.2f}")
    print("floor  recall(tagged or queued)  suggestions/finding")
    for f, recall, per in floor_rows:
        print(f"{f:5.2f}  {recall:24.3f}  {per:19.2f}")
    print(f"chosen floor (lowest with at most {LOAD} suggestions per finding): {choose_floor(floor_rows):.2f}")


if __name__ == "__main__":
    main()

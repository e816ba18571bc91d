"""How the review queue's two cut-offs were chosen: measured, not guessed.

Every real passage (`tagging/data/default-training.jsonl`, source "real") is scored by a default
tagger trained without its document, so no passage is judged by a model that learnt it. Then, for
each candidate cut-off:

- the tag threshold: how many of the themes tagged without a person (confidence at or above it)
  are themes people gave the passage (precision), and how many of the people's themes that catches;
- the floor: how many of the people's themes end up either tagged or waiting in the queue
  (recall), and how many suggestions a finding sends to the queue on average (the queue's load).

    python -m scrutiny.review.thresholds

prints both tables (docs/review.md quotes them) and the cut-offs these rules give:

- threshold: the highest whose F1 (of tags made without a person) is within 0.01 of the best.
  The model's confidences are polarised, so F1 is flat over a wide band (0.1 to 0.5 or so); in a
  flat band the higher threshold costs nothing measurable and sends more to a person;
- floor: the lowest that sends at most one suggestion per finding to the queue (a theme the
  model misses sits near 0.01 with every other theme, so a lower floor floods the queue).

Rerun it when the default model or its training data change."""

import numpy as np

from scrutiny.core.default_tagger import DefaultTagger, read_training

CANDIDATES = np.round(np.concatenate([[0.01, 0.02, 0.03, 0.04], np.arange(0.05, 0.96, 0.05)]), 2)
TOLERANCE = 0.01  # of F1, within which a higher threshold is preferred
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


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def choose_threshold(tag_rows, tolerance: float = TOLERANCE) -> float:
    best = max(_f1(p, r) for _, p, r, _ in tag_rows)
    return max(t for t, p, r, _ in tag_rows if _f1(p, r) >= best - tolerance)


def choose_floor(floor_rows, load: float = LOAD) -> float:
    good = [f for f, _, per in floor_rows if per <= load]
    return min(good) if good else max(f for f, *_ in floor_rows)


def main() -> None:
    real, probabilities = held_out_probabilities()
    tag_rows, floor_rows = measure(real, probabilities)
    print(f"{len(real)} real passages, {len({r['doc'] for r in real})} documents, each scored leaving its document out")
    print("threshold  precision  recall     F1  tags/finding")
    for t, precision, recall, per in tag_rows:
        print(f"{t:9.2f}  {precision:9.3f}  {recall:6.3f}  {_f1(precision, recall):5.3f}  {per:12.2f}")
    threshold = choose_threshold(tag_rows)
    print(f"chosen threshold (highest with F1 within {TOLERANCE} of the best): {threshold:.2f}")
    print("floor  recall(tagged or queued)  suggestions/finding")
    for f, recall, per in floor_rows:
        print(f"{f:5.2f}  {recall:24.3f}  {per:19.2f}")
    print(f"chosen floor (lowest with at most {LOAD} suggestions per finding): {choose_floor(floor_rows):.2f}")


if __name__ == "__main__":
    main()

"""Per-label precision, recall and F1, and micro and macro F1 over a label set."""

from collections import Counter


def f1(tp: int, fp: int, fn: int) -> float:
    return 0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)


def score(gold: list[list[str]], predicted: list[list[str]], labels: list[str]):
    """Counts per label, micro-F1 and macro-F1 (the mean over `labels`, as the OHCHR protocol
    scores it). Predictions outside `labels` are ignored."""
    tp, fp, fn = Counter(), Counter(), Counter()
    for expected, found in zip(gold, predicted):
        expected, found = set(expected), set(found) & set(labels)
        tp.update(expected & found)
        fp.update(found - expected)
        fn.update(expected - found)
    micro = f1(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    macro = sum(f1(tp[l], fp[l], fn[l]) for l in labels) / max(1, len(labels))
    return {l: (tp[l], fp[l], fn[l]) for l in labels}, micro, macro


def print_scores(gold: list[list[str]], predicted: list[list[str]], model_labels: list[str]) -> None:
    """One line per label (the model's labels and any others in the gold), then the last line
    `micro-F1 X macro-F1 Y`."""
    labels = sorted(set(model_labels) | {l for found in gold for l in found})
    counts, micro, macro = score(gold, predicted, labels)
    print(f"{'label':<40} {'precision':>9} {'recall':>7} {'F1':>6} {'support':>8}")
    for label, (tp, fp, fn) in counts.items():
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        print(f"{label:<40} {precision:9.3f} {recall:7.3f} {f1(tp, fp, fn):6.3f} {tp + fn:8d}")
    print(f"micro-F1 {micro:.3f} macro-F1 {macro:.3f}")

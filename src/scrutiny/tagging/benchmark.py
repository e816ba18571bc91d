"""`scrutiny tagger benchmark-ohchr DIR`: the OHCHR protocol, baseline and ours in one run on the
same folds, then the default tagger on the real passages, each document left out of what it
learns from.

OHCHR protocol (../shared/data/ohchr-upr-themes/README.md): themes of `labels_normalised` with
at least 10 examples, five-fold cross-validation by `fold`, micro and macro F1 over those themes;
the baseline is TF-IDF word 1-2-grams + one-vs-rest logistic regression (its benchmark.py)."""

import json
import time
from collections import Counter
from pathlib import Path

from scrutiny.tagging.scores import score


def ohchr_rows(directory: Path, min_count: int = 10):
    rows = [json.loads(line) for line in (directory / "recommendations.jsonl").read_text().splitlines() if line.strip()]
    counts = Counter(l for r in rows for l in r["labels_normalised"])
    labels = sorted(l for l, n in counts.items() if n >= min_count)
    for row in rows:
        row["gold"] = [l for l in row["labels_normalised"] if l in labels]
    return rows, labels


def baseline(train: list[dict], test: list[dict], labels: list[str]) -> list[list[str]]:
    """Exactly the baseline of the data set's benchmark.py."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.preprocessing import MultiLabelBinarizer

    y = MultiLabelBinarizer(classes=labels).fit_transform([r["gold"] for r in train])
    vectoriser = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1)
    x = vectoriser.fit_transform([r["text"] for r in train])
    model = OneVsRestClassifier(LogisticRegression(max_iter=2000, C=10.0, class_weight="balanced")).fit(x, y)
    chosen = model.predict(vectoriser.transform([r["text"] for r in test]))
    return [[labels[j] for j in range(len(labels)) if row[j]] for row in chosen]


def ours(train: list[dict], test: list[dict], labels: list[str]) -> list[list[str]]:
    from scrutiny.core.classifier import Classifier

    model = Classifier().fit([r["text"] for r in train], [r["gold"] for r in train])
    return model.predict([r["text"] for r in test])


def cross_validate(rows, labels, system) -> tuple[float, float]:
    gold, predicted = [], []
    for k in range(5):
        train = [r for r in rows if r["fold"] != k]
        test = [r for r in rows if r["fold"] == k]
        predicted += system(train, test, labels)
        gold += [r["gold"] for r in test]
    _, micro, macro = score(gold, predicted, labels)
    return micro, macro


def run(directory: Path) -> int:
    rows, labels = ohchr_rows(directory)
    results = {}
    for name, system in (("baseline (TF-IDF + one-vs-rest LR)", baseline), ("scrutiny classifier", ours)):
        start = time.perf_counter()
        results[name] = cross_validate(rows, labels, system)
        micro, macro = results[name]
        print(f"OHCHR {name}: micro-F1 {micro:.3f} macro-F1 {macro:.3f} "
              f"({len(labels)} themes, {len(rows)} items, {time.perf_counter() - start:.0f} s)")
    (b_micro, b_macro), (o_micro, o_macro) = results.values()
    beats = o_micro > b_micro and o_macro > b_macro
    print(f"OHCHR verdict: {'beats' if beats else 'does not beat'} the baseline on both micro and macro F1")
    default_leave_one_document_out()
    return 0 if beats else 1


def default_leave_one_document_out() -> None:
    from scrutiny.core.default_tagger import default_vocabularies, leave_one_document_out
    from scrutiny.core.tagging import KeywordTagger

    real, predicted = leave_one_document_out()
    gold = [r["labels"] for r in real]
    themes = [v.slug for v in default_vocabularies()]
    present = sorted({l for found in gold for l in found})
    keywords = KeywordTagger(default_vocabularies(), limit=3)
    by_keywords = [[s.slug for s in keywords.suggest(r["text"])] for r in real]
    documents = len({r["doc"] for r in real})
    for name, found in (("default tagger, each document left out", predicted), ("keyword tagger alone (limit 3)", by_keywords)):
        _, micro, macro = score(gold, found, themes)
        _, _, macro_present = score(gold, found, present)
        print(f"real passages, {name}: micro-F1 {micro:.3f} macro-F1 {macro:.3f} over all {len(themes)} themes, "
              f"{macro_present:.3f} over the {len(present)} themes present ({len(real)} findings, {documents} documents)")

"""`scrutiny tagger retrain`: a theme model that learns from people's decisions.

The training set is the default training data (real passages and the themes' own sentences,
scrutiny.core.default_tagger) plus every finding somebody has decided about: its labels are the
themes a person has confirmed, added or accepted on it now (origin person), so a theme they
rejected or removed is a negative for that finding. Labels are limited to the themes in the
database; a label with fewer than `min_examples` positives is left out (printed), since it
cannot be learnt or checked. The keyword rules are the database's, saved beside the model so
that ingest and `tagger predict --model` score with the same rules the model was trained with.

Before the final model is trained on everything, a model trained without about a fifth of the
real passages and decided findings (whole documents held out) scores them: the micro and macro
F1 printed, over the labels present in them."""

import random
import sys
from collections import Counter
from pathlib import Path

import numpy as np

from scrutiny.catalogue.models import Theme
from scrutiny.core.tagging import Vocabulary
from scrutiny.findings.models import Tag, TagOrigin
from scrutiny.review.models import Decision, Verdict

HELD_OUT = 0.2


def vocabularies() -> list[Vocabulary]:
    return [Vocabulary(t.slug, tuple(t.keywords), tuple(t.exclusions)) for t in Theme.objects.order_by("slug")]


def decided_rows() -> tuple[list[dict], Counter]:
    """One row per finding with at least one decision: its text and its person tags. Also the
    count of rejections per theme (the negatives people gave)."""
    decided = set(Decision.objects.values_list("finding_id", flat=True))
    labels: dict[int, list[str]] = {f: [] for f in decided}
    for finding_id, slug in Tag.objects.filter(finding_id__in=decided, origin=TagOrigin.PERSON).values_list("finding_id", "theme__slug"):
        labels[finding_id].append(slug)
    from scrutiny.findings.models import Finding

    found = {f: (text, report) for f, text, report in Finding.objects.filter(pk__in=decided).values_list("id", "text", "report_id")}
    rows = [
        {"id": f"finding-{f}", "text": found[f][0], "labels": sorted(labels[f]), "source": "decision", "doc": f"report-{found[f][1]}"}
        for f in sorted(decided)
    ]
    rejected = Counter(Decision.objects.filter(decision=Verdict.REJECTED).values_list("theme__slug", flat=True))
    return rows, rejected


def training_set(min_examples: int) -> tuple[list[dict], dict, list[str]]:
    """(rows, per-label counts {label: (default, decided, rejected)}, labels left out)."""
    from scrutiny.core.default_tagger import read_training

    known = set(Theme.objects.values_list("slug", flat=True))
    default = [dict(r, labels=[x for x in r["labels"] if x in known]) for r in read_training()]
    decided, rejected = decided_rows()
    counts_default = Counter(x for r in default for x in r["labels"])
    counts_decided = Counter(x for r in decided for x in r["labels"])
    total = counts_default + counts_decided
    dropped = sorted(label for label in total if total[label] < min_examples)
    rows = [dict(r, labels=[x for x in r["labels"] if x not in dropped]) for r in default + decided]
    counts = {label: (counts_default[label], counts_decided[label], rejected[label]) for label in sorted(total | rejected)}
    return rows, counts, dropped


def _split(rows: list[dict], seed: int = 0) -> tuple[list[dict], list[dict]]:
    """Hold out about a fifth of the rows a person labelled (real passages, decided findings),
    whole documents at a time (a report's findings share its wording, so a finding scored by a
    model that read its neighbours would flatter it); the themes' own sentences always train."""
    documents = sorted({r["doc"] for r in rows if r.get("source") in ("real", "decision") and r.get("doc")})
    if len(documents) < 2:
        return rows, []
    random.Random(seed).shuffle(documents)
    judged = sum(1 for r in rows if r.get("doc") in set(documents))
    held: set[str] = set()
    for doc in documents[:-1]:  # at least one document always trains
        if sum(1 for r in rows if r.get("doc") in held) >= HELD_OUT * judged:
            break
        held.add(doc)
    return [r for r in rows if r.get("doc") not in held], [r for r in rows if r.get("doc") in held]


def held_out_f1(rows: list[dict], vocabularies_: list[Vocabulary]) -> tuple[float, float, int] | None:
    from scrutiny.core.classifier import f1_scores
    from scrutiny.core.default_tagger import DefaultTagger

    train, test = _split(rows)
    if not test:
        return None
    tagger = DefaultTagger.train(train, vocabularies_)
    predicted, _ = tagger.predict([r["text"] for r in test])
    labels = tagger.labels
    y = np.array([[label in r["labels"] for label in labels] for r in test], dtype=np.int8)
    p = np.array([[label in found for label in labels] for found in predicted], dtype=np.int8)
    present = (y.sum(0) + p.sum(0)) > 0  # labels neither in the held-out texts nor predicted say nothing
    micro, macro = f1_scores(y[:, present], p[:, present])
    return micro, macro, len(test)


def retrain(out: Path, min_examples: int = 5, stream=None) -> Path:
    stream = stream or sys.stdout
    from scrutiny.core.default_tagger import DefaultTagger
    from scrutiny.review.tagging import save_model

    rows, counts, dropped = training_set(min_examples)
    if not any(r["labels"] for r in rows):
        raise ValueError("nothing to learn from: no theme has enough examples")
    decided = sum(1 for r in rows if r["source"] == "decision")
    print(f"training on {len(rows)} texts: {len(rows) - decided} from the default training data, "
          f"{decided} findings people decided about", file=stream)
    print(f"{'label':<28} {'default':>8} {'decided':>8} {'rejected':>9}", file=stream)
    for label, (d, c, r) in counts.items():
        note = "  (left out: fewer than %d examples)" % min_examples if label in dropped else ""
        print(f"{label:<28} {d:>8} {c:>8} {r:>9}{note}", file=stream)
    vocab = vocabularies()
    scored = held_out_f1(rows, vocab)
    if scored is None:
        print("held out: too few labelled texts to hold any out", file=stream)
    else:
        micro, macro, n = scored
        print(f"held out ({n} texts): micro-F1 {micro:.3f} macro-F1 {macro:.3f}", file=stream)
    tagger = DefaultTagger.train(rows, vocab)
    save_model(tagger, vocab, out)
    print(f"saved to {out}", file=stream)
    return out

"""The tagger that ships with Scrutiny: the default taxonomy's keyword rules and a classifier
trained on the default training data, predicting the theme slugs of DESIGN.md §5.

The classifier learns from `scrutiny/tagging/data/default-training.jsonl` (built by
scripts/build-default-tagging-data.py) with the rules as extra evidence per theme, so a theme's
confidence weighs both what the model read and which of the theme's words appear. Training is
deterministic and takes seconds; the model is trained on first use and cached under the user's
cache directory, keyed by everything it is built from, so a changed keyword list or training
file retrains it.

    default_tagger().suggest_many(texts) -> list[list[Suggestion]]

A suggestion carries the slug, a calibrated confidence and the rule words that fired (empty
when the model alone suggested the theme)."""

import hashlib
import json
import os
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

import numpy as np

from scrutiny.core.classifier import Classifier, Settings
from scrutiny.core.tagging import KeywordTagger, Suggestion, Vocabulary

PACKAGE = Path(__file__).resolve().parents[1]
THEMES = PACKAGE / "catalogue/data/themes.json"
TRAINING = PACKAGE / "tagging/data/default-training.jsonl"
CLASSIFIER = Path(__file__).resolve().parent / "classifier.py"
# Settings chosen from on inner folds of the default training data. Word and character n-grams
# both; the grid is small so that training on first use stays quick.
GRID = [Settings(char_ngrams=True, c=c) for c in (2.0, 8.0)]


class KeywordRules:
    """The keyword rules of a taxonomy as classifier evidence: per text and theme, how many
    distinct keywords of the theme appear, and which."""

    def __init__(self, vocabularies: list[Vocabulary]):
        self.labels = [v.slug for v in vocabularies]
        self._index = {slug: j for j, slug in enumerate(self.labels)}
        self.tagger = KeywordTagger(vocabularies, limit=len(vocabularies))

    def matches(self, texts: list[str]) -> list[dict[str, tuple[str, ...]]]:
        return [{s.slug: s.evidence for s in self.tagger.suggest(text)} for text in texts]

    def scores(self, texts: list[str], matches=None) -> np.ndarray:
        out = np.zeros((len(texts), len(self.labels)))
        for i, found in enumerate(matches if matches is not None else self.matches(texts)):
            for slug, words in found.items():
                out[i, self._index[slug]] = len(words)
        return out


def default_vocabularies(themes_path: Path = THEMES) -> list[Vocabulary]:
    return [
        Vocabulary(t["slug"], tuple(t["keywords"]), tuple(t.get("exclusions", ())))
        for t in json.loads(themes_path.read_text())
    ]


# The demo's theme sentences are in the training file but left out: scored leaving each real
# document out, a model that learnt from them agreed less with people on real text (micro-F1
# 0.74, macro 0.66 over the themes present, against 0.75 and 0.78 without them; docs/tagging.md).
SOURCES = ("real", "theme", "written")


def read_training(path: Path = TRAINING, sources=SOURCES) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return [row for row in rows if row["source"] in sources]


class _Matched:
    """Rules whose matches were already found, so that a batch is matched once."""

    def __init__(self, rules: KeywordRules, matches):
        self.labels, self.rules, self.matches = rules.labels, rules, matches

    def scores(self, texts):
        return self.rules.scores(texts, self.matches)


class DefaultTagger:
    def __init__(self, classifier: Classifier, rules: KeywordRules):
        self.classifier, self.rules = classifier, rules
        self.labels = classifier.labels

    @classmethod
    def train(cls, rows: list[dict], vocabularies: list[Vocabulary] | None = None) -> "DefaultTagger":
        rules = KeywordRules(vocabularies or default_vocabularies())
        texts = [r["text"] for r in rows]
        classifier = Classifier(grid=GRID).fit(texts, [r["labels"] for r in rows], rules=rules)
        return cls(classifier, rules)

    def probabilities(self, texts: list[str]) -> np.ndarray:
        return self.classifier.probabilities(texts, self.rules)

    def predict(self, texts: list[str]) -> tuple[list[list[str]], np.ndarray]:
        probabilities = self.probabilities(texts)
        chosen = self.classifier.decide(probabilities)
        return [[self.labels[j] for j in np.flatnonzero(row)] for row in chosen], probabilities

    def suggest_many(self, texts: list[str]) -> list[list[Suggestion]]:
        matches = self.rules.matches(texts)
        probabilities = self.classifier.probabilities(texts, _Matched(self.rules, matches))
        chosen = self.classifier.decide(probabilities)
        return [
            sorted(
                (Suggestion(self.labels[j], round(float(probabilities[i, j]), 3), found.get(self.labels[j], ()))
                 for j in np.flatnonzero(chosen[i])),
                key=lambda s: -s.confidence,
            )
            for i, found in enumerate(matches)
        ]


def cache_key() -> str:
    digest = hashlib.sha256()
    for path in (THEMES, TRAINING, CLASSIFIER, Path(__file__)):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def cache_directory() -> Path:
    base = os.environ.get("SCRUTINY_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "scrutiny" / f"default-tagger-{cache_key()}"


@lru_cache(maxsize=1)
def default_tagger() -> DefaultTagger:
    """The shipped tagger, trained on first use and cached (same inputs, same model)."""
    directory = cache_directory()
    rules = KeywordRules(default_vocabularies())
    try:
        return DefaultTagger(Classifier.load(directory), rules)
    except (OSError, ValueError, EOFError, KeyError):
        pass
    tagger = DefaultTagger.train(read_training())
    directory.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".training-", dir=directory.parent))
    tagger.classifier.save(scratch)
    try:
        scratch.rename(directory)  # whole or not at all, even with two first uses at once
    except OSError:
        shutil.rmtree(scratch, ignore_errors=True)
    return tagger


def leave_one_document_out(rows: list[dict] | None = None, with_rules: bool = True) -> tuple[list[dict], list[list[str]]]:
    """Score the default tagger on the real passages, each document's passages predicted by a
    tagger trained on everything except that document. Returns the real rows and predictions.
    `with_rules=False` scores the classifier alone (no keyword evidence), trained the same way."""
    rows = rows if rows is not None else read_training()
    real = [r for r in rows if r.get("doc")]
    predictions: dict[int, list[str]] = {}
    for doc in sorted({r["doc"] for r in real}):
        train = [r for r in rows if r.get("doc") != doc]
        held_out = [i for i, r in enumerate(real) if r["doc"] == doc]
        texts = [real[i]["text"] for i in held_out]
        if with_rules:
            labels, _ = DefaultTagger.train(train).predict(texts)
        else:
            labels = Classifier(grid=GRID).fit([r["text"] for r in train], [r["labels"] for r in train]).predict(texts)
        predictions.update(zip(held_out, labels))
    return real, [predictions[i] for i in range(len(real))]

"""A trainable multi-label text classifier for any taxonomy, with calibrated confidence.

The labels are whatever the training data holds. For each label: a linear model on TF-IDF
features (words, optionally character n-grams), then a calibrator (Platt scaling) that turns its
score — and the rules' score for that label, when rules are given — into a probability, and a
threshold on that probability. Calibrators, thresholds and the settings themselves (features,
regularisation) are all chosen on inner folds of the training data only: every text is scored by
a model that did not see it, and those out-of-fold scores are what the choices are made on.
At least one label is given to every text (the one furthest above its threshold), since every
finding is about something.

Pure Python and scikit-learn: no Django. A model saves to a directory (joblib and a JSON
manifest of labels and settings) and loads back unchanged."""

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Protocol

import joblib
import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion

FORMAT = "scrutiny-classifier/1"
THRESHOLDS = np.round(np.arange(0.05, 0.96, 0.025), 3)


class Rules(Protocol):
    """Rules for some labels: `scores(texts)` is an array (texts × self.labels) of non-negative
    rule strengths (0 where no rule fired)."""

    labels: list[str]

    def scores(self, texts: list[str]) -> np.ndarray: ...


@dataclass(frozen=True)
class Settings:
    char_ngrams: bool = True  # add character 2-5-grams within words to the word 1-2-grams
    c: float = 4.0  # inverse regularisation of each label's logistic regression
    min_labels: int = 1


@dataclass
class Choices:
    """How the settings were chosen, to keep in the manifest."""

    grid: list[dict] = field(default_factory=list)
    inner_folds: int = 3
    seed: int = 0


def _features(settings: Settings):
    word = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1, dtype=np.float32)
    if not settings.char_ngrams:
        return word
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2,
                           dtype=np.float32, max_features=150_000)
    return FeatureUnion([("word", word), ("char", char)])


def _binarise(label_sets: list[list[str]], labels: list[str]) -> np.ndarray:
    index = {label: j for j, label in enumerate(labels)}
    y = np.zeros((len(label_sets), len(labels)), dtype=np.int8)
    for i, found in enumerate(label_sets):
        for label in found:
            y[i, index[label]] = 1
    return y


class _LinearScores:
    """One logistic regression per label, stacked into one weight matrix for fast scoring."""

    def __init__(self, settings: Settings):
        self.settings = settings

    def fit(self, texts: list[str], y: np.ndarray) -> "_LinearScores":
        self.features = _features(self.settings)
        x = self.features.fit_transform(texts)
        weights, bias = np.zeros((y.shape[1], x.shape[1]), dtype=np.float32), np.zeros(y.shape[1])
        for j in range(y.shape[1]):
            column = y[:, j]
            if column.min() == column.max():  # a label always or never present here: a constant
                bias[j] = 8.0 if column[0] else -8.0
                continue
            model = LogisticRegression(C=self.settings.c, class_weight="balanced", max_iter=1000,
                                       solver="liblinear", dual=True, random_state=0)
            model.fit(x, column)
            weights[j], bias[j] = model.coef_[0], model.intercept_[0]
        self.weights, self.bias = sparse.csr_matrix(weights), bias
        return self

    def scores(self, texts: list[str]) -> np.ndarray:
        x = self.features.transform(texts)
        return np.asarray((x @ self.weights.T).todense()) + self.bias


def _folds(n: int, k: int, seed: int) -> np.ndarray:
    order = np.random.default_rng(seed).permutation(n)
    fold = np.empty(n, dtype=int)
    fold[order] = np.arange(n) % k
    return fold


def _out_of_fold(texts, y, settings, fold) -> np.ndarray:
    scores = np.zeros(y.shape, dtype=float)
    for k in np.unique(fold):
        inside, outside = fold != k, fold == k
        model = _LinearScores(settings).fit([t for t, keep in zip(texts, inside) if keep], y[inside])
        scores[outside] = model.scores([t for t, keep in zip(texts, outside) if keep])
    return scores


def _stack(linear: np.ndarray, rules: np.ndarray | None, j: int, rule_column: int | None) -> np.ndarray:
    columns = [linear[:, j]]
    if rules is not None and rule_column is not None:
        strength = rules[:, rule_column]
        columns += [strength > 0, np.minimum(strength, 3.0)]
    return np.column_stack(columns).astype(float)


def f1_scores(y: np.ndarray, predicted: np.ndarray) -> tuple[float, float]:
    """Micro and macro F1 over the columns (labels) of two 0/1 arrays."""
    tp = (y & predicted).sum(0)
    fp = ((1 - y) & predicted).sum(0)
    fn = (y & (1 - predicted)).sum(0)
    micro = 2 * tp.sum() / max(1, 2 * tp.sum() + fp.sum() + fn.sum())
    per_label = np.where(tp > 0, 2 * tp / np.maximum(1, 2 * tp + fp + fn), 0.0)
    return float(micro), float(per_label.mean())


def _at_least(probabilities: np.ndarray, thresholds: np.ndarray, minimum: int) -> np.ndarray:
    chosen = (probabilities >= thresholds).astype(np.int8)
    if minimum:
        margin = probabilities / np.maximum(thresholds, 1e-6)
        short = np.where(chosen.sum(1) < minimum)[0]
        best = np.argsort(-margin[short], axis=1)[:, :minimum]
        chosen[short[:, None], best] = 1
    return chosen


class Classifier:
    """`Classifier().fit(texts, label_sets)`, then `predict(texts)` (label lists) or
    `probabilities(texts)` (texts × labels). With `rules`, pass the same rules to both."""

    def __init__(self, grid: list[Settings] | None = None, inner_folds: int = 3, seed: int = 0):
        self.grid = grid or [Settings(char_ngrams=ch, c=c) for ch in (False, True) for c in (2.0, 8.0)]
        self.choices = Choices([asdict(s) for s in self.grid], inner_folds, seed)

    def fit(self, texts: list[str], label_sets: list[list[str]], rules: Rules | None = None) -> "Classifier":
        if len(texts) != len(label_sets) or not texts:
            raise ValueError("need as many label lists as texts, and at least one text")
        self.labels = sorted({label for found in label_sets for label in found})
        if not self.labels:
            raise ValueError("the training texts hold no labels")
        y = _binarise(label_sets, self.labels)
        self.rule_columns = self._rule_columns(rules)
        rule_scores = rules.scores(texts) if rules is not None else None
        fold = _folds(len(texts), min(self.choices.inner_folds, len(texts)), self.choices.seed)
        best = None
        for settings in self.grid:
            linear = _out_of_fold(texts, y, settings, fold)
            calibrated = self._calibrate(linear, rule_scores, y, settings, fold)
            micro, macro = f1_scores(y, _at_least(calibrated[0], calibrated[1], settings.min_labels))
            if best is None or micro + macro > best[0]:
                best = (micro + macro, settings, calibrated)
        _, self.settings, (_, self.thresholds, self.calibrators) = best
        self.inner_f1 = best[0] / 2
        self.linear = _LinearScores(self.settings).fit(texts, y)
        return self

    def _rule_columns(self, rules: Rules | None) -> list[int | None]:
        if rules is None:
            return [None] * len(self.labels)
        where = {label: j for j, label in enumerate(rules.labels)}
        return [where.get(label) for label in self.labels]

    def _calibrate(self, linear, rule_scores, y, settings, fold):
        """Platt scaling per label, fitted on out-of-fold scores and itself scored out of fold
        (fold by fold), so that the thresholds are chosen on probabilities it did not fit."""
        probabilities = np.zeros(y.shape)
        calibrators = []
        for j in range(y.shape[1]):
            features = _stack(linear, rule_scores, j, self.rule_columns[j])
            for k in np.unique(fold):
                inside = fold != k
                probabilities[~inside, j] = _platt(features[inside], y[inside, j]).predict_proba(features[~inside])[:, 1]
            calibrators.append(_platt(features, y[:, j]))
        thresholds = np.array([_best_threshold(probabilities[:, j], y[:, j]) for j in range(y.shape[1])])
        return probabilities, thresholds, calibrators

    def probabilities(self, texts: list[str], rules: Rules | None = None) -> np.ndarray:
        if not texts:
            return np.zeros((0, len(self.labels)))
        if any(c is not None for c in self.rule_columns) and rules is None:
            raise ValueError("this model was trained with rules: pass the same rules")
        linear = self.linear.scores(texts)
        rule_scores = rules.scores(texts) if rules is not None else None
        out = np.zeros(linear.shape)
        for j, calibrator in enumerate(self.calibrators):
            out[:, j] = calibrator.predict_proba(_stack(linear, rule_scores, j, self.rule_columns[j]))[:, 1]
        return out

    def decide(self, probabilities: np.ndarray) -> np.ndarray:
        return _at_least(probabilities, self.thresholds, self.settings.min_labels)

    def predict(self, texts: list[str], rules: Rules | None = None) -> list[list[str]]:
        chosen = self.decide(self.probabilities(texts, rules))
        return [[self.labels[j] for j in np.flatnonzero(row)] for row in chosen]

    def save(self, directory: Path) -> None:
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        joblib.dump({"linear": self.linear, "calibrators": self.calibrators}, directory / "model.joblib")
        manifest = {
            "format": FORMAT, "labels": self.labels, "settings": asdict(self.settings),
            "thresholds": [round(float(t), 3) for t in self.thresholds],
            "rules": [self.labels[j] for j, c in enumerate(self.rule_columns) if c is not None],
            "rule_columns": self.rule_columns, "chosen_from": asdict(self.choices),
            "inner_f1": round(self.inner_f1, 4),
        }
        (directory / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")

    @classmethod
    def load(cls, directory: Path) -> "Classifier":
        directory = Path(directory)
        manifest_path = directory / "manifest.json"
        if not manifest_path.is_file():
            raise FileNotFoundError(f"{directory}: not a model directory (no manifest.json)")
        manifest = json.loads(manifest_path.read_text())
        if manifest.get("format") != FORMAT:
            raise ValueError(f"{directory}: unknown model format {manifest.get('format')!r}")
        parts = joblib.load(directory / "model.joblib")
        model = cls.__new__(cls)
        model.labels = manifest["labels"]
        model.settings = Settings(**manifest["settings"])
        model.thresholds = np.array(manifest["thresholds"])
        model.rule_columns = manifest["rule_columns"]
        model.choices = Choices(**manifest["chosen_from"])
        model.inner_f1 = manifest["inner_f1"]
        model.linear, model.calibrators = parts["linear"], parts["calibrators"]
        return model


class _Platt:
    """Platt scaling: a logistic regression on a label's few stacked scores, fitted by Newton's
    method with Platt's smoothed targets, so that a label with few examples is not promised
    certainty. (scikit-learn's LogisticRegression does the same thing a hundred times slower on
    such tiny problems, and a model calibrates thousands of them.)"""

    def __init__(self, features: np.ndarray, y: np.ndarray, penalty: float = 1.0):
        x = np.column_stack([features, np.ones(len(features))])
        positives = y.sum()
        target = np.where(y == 1, (positives + 1) / (positives + 2), 1 / (len(y) - positives + 2))
        ridge = np.full(x.shape[1], penalty)
        ridge[-1] = 1e-6  # the intercept is not shrunk
        w = np.zeros(x.shape[1])
        for _ in range(50):
            p = 1 / (1 + np.exp(-(x @ w)))
            gradient = x.T @ (p - target) + ridge * w
            hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(ridge)
            step = np.linalg.solve(hessian, gradient)
            w -= step
            if np.abs(step).max() < 1e-8:
                break
        self.w = w

    def predict_proba(self, features: np.ndarray) -> np.ndarray:
        z = np.column_stack([features, np.ones(len(features))]) @ self.w
        p = 1 / (1 + np.exp(-np.clip(z, -30, 30)))
        return np.column_stack([1 - p, p])


def _platt(features: np.ndarray, y: np.ndarray) -> _Platt:
    return _Platt(features, y)


def _best_threshold(probabilities: np.ndarray, y: np.ndarray) -> float:
    """The threshold with the best F1 on these out-of-fold probabilities; 0.5 for a label too
    rare to choose one (fewer than three examples)."""
    if y.sum() < 3:
        return 0.5
    best, chosen = -1.0, 0.5
    for threshold in THRESHOLDS:
        predicted = probabilities >= threshold
        tp = int((predicted & (y == 1)).sum())
        f1 = 2 * tp / max(1, predicted.sum() + y.sum())
        if f1 > best + 1e-9:
            best, chosen = f1, float(threshold)
    return chosen

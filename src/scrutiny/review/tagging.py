"""Themes for newly ingested findings: the active model and the themes' own keyword rules.

For every finding and every theme in the database:

- confidence at or above the tag threshold: a Tag (origin rule, with the words, when the theme's
  rule words appear in the finding; otherwise origin model), with the model's confidence;
- under the threshold but at or above the floor: a Suggestion, waiting in the review queue;
- a theme the model does not know (added since it was trained): a rule Tag when its words
  appear, as before there was a model; model labels not in the database are ignored.

The active model is the last `scrutiny tagger retrain` (a directory under the models folder,
`SCRUTINY_MODELS_DIR`, by default `SCRUTINY_FILES_DIR/models`) or, until there is one, the
default tagger that ships with Scrutiny. Both cut-offs are settings, measured as
scrutiny.review.thresholds describes (docs/review.md has the figures)."""

import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from scrutiny.core.tagging import KeywordTagger, Vocabulary

# Measured by scrutiny.review.thresholds on real passages left out one document at a time
# (docs/review.md): the highest threshold with F1 within 0.01 of the best (0.5: precision 0.75,
# recall 0.78 of the themes people gave), and the lowest floor sending at most one suggestion
# per finding to the queue.
TAG_THRESHOLD = 0.5
SUGGESTION_FLOOR = 0.03
RULES_FILE = "rules.json"  # the vocabularies a retrained model's rule features were built from


def _setting(name: str, default: float) -> float:
    value = getattr(settings, name, None)
    if value is None:
        value = os.environ.get(name, default)
    try:
        value = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number between 0 and 1, not {value!r}") from None
    if not 0 <= value <= 1:
        raise ValueError(f"{name} must be between 0 and 1, not {value}")
    return value


def threshold() -> float:
    """Confidence at or above which a theme is tagged without a person (SCRUTINY_TAG_THRESHOLD)."""
    return _setting("SCRUTINY_TAG_THRESHOLD", TAG_THRESHOLD)


def floor() -> float:
    """Confidence under which a theme is not even suggested (SCRUTINY_SUGGESTION_FLOOR)."""
    return _setting("SCRUTINY_SUGGESTION_FLOOR", SUGGESTION_FLOOR)


def models_directory() -> Path:
    configured = getattr(settings, "SCRUTINY_MODELS_DIR", None) or os.environ.get("SCRUTINY_MODELS_DIR")
    return Path(configured) if configured else Path(settings.SCRUTINY_FILES_DIR) / "models"


def active_model_path() -> Path:
    return models_directory() / "themes"


# --- models on disk: a Classifier directory plus the rules it was trained with ---------------

def save_model(tagger, vocabularies: list[Vocabulary], directory: Path) -> None:
    """Save a DefaultTagger-like model (classifier and keyword rules) whole or not at all: a
    crash half-way leaves the previous model in place."""
    directory = Path(directory)
    directory.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".training-", dir=directory.parent))
    tagger.classifier.save(scratch)
    (scratch / RULES_FILE).write_text(json.dumps(
        [{"slug": v.slug, "keywords": list(v.keywords), "exclusions": list(v.exclusions)} for v in vocabularies],
        indent=1,
    ) + "\n")
    old = None
    if directory.exists():
        old = directory.with_name(f".{directory.name}.old-{os.getpid()}")
        directory.rename(old)
    scratch.rename(directory)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def load_model(directory: Path):
    """A saved model with its rules, as a DefaultTagger. A directory without rules.json is a
    plain classifier (`scrutiny tagger train`): it is wrapped with no rules."""
    from scrutiny.core.classifier import Classifier
    from scrutiny.core.default_tagger import DefaultTagger, KeywordRules

    directory = Path(directory)
    classifier = Classifier.load(directory)
    rules_path = directory / RULES_FILE
    if not rules_path.is_file():
        return _PlainTagger(classifier)
    vocabularies = [
        Vocabulary(v["slug"], tuple(v["keywords"]), tuple(v.get("exclusions", ())))
        for v in json.loads(rules_path.read_text())
    ]
    return DefaultTagger(classifier, KeywordRules(vocabularies))


class _PlainTagger:
    """A classifier trained without rules, behind the same probabilities()/labels."""

    def __init__(self, classifier):
        self.classifier, self.labels = classifier, classifier.labels

    def probabilities(self, texts):
        return self.classifier.probabilities(texts)


_loaded: dict = {}


def active_model():
    """The retrained model when there is one (reloaded when it changes on disk), else the
    default tagger. Returns (model, name) where name says which, for messages."""
    path = active_model_path()
    manifest = path / "manifest.json"
    try:
        stamp = manifest.stat().st_mtime_ns
    except OSError:
        from scrutiny.core.default_tagger import default_tagger

        return default_tagger(), "default"
    key = (str(path), stamp)
    if key not in _loaded:
        _loaded.clear()
        _loaded[key] = load_model(path)
    return _loaded[key], str(path)


# --- ingest ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Outcome:
    """A theme's verdict for one finding: "tag" or "suggest", with its origin and evidence."""

    slug: str
    kind: str
    origin: str
    confidence: float
    evidence: str


class ThemeTagger:
    """Themes of a batch of texts (one report's findings), from the active model and the
    themes' rules. Built once per ingest run; `decide(texts)` per report."""

    def __init__(self, themes, model=None):
        self.slugs = [t.slug for t in themes]
        self.rules = KeywordTagger([Vocabulary(t.slug, tuple(t.keywords), tuple(t.exclusions)) for t in themes],
                                   limit=len(themes) or 1)
        self.model = model if model is not None else active_model()[0]
        known = set(self.slugs)
        # Model columns that are themes in the database; the others are ignored.
        self.columns = [(j, slug) for j, slug in enumerate(self.model.labels) if slug in known]
        self.threshold, self.floor = threshold(), floor()
        if self.floor > self.threshold:
            raise ValueError(f"the suggestion floor ({self.floor}) is above the tag threshold ({self.threshold})")

    def decide(self, texts: list[str]) -> list[list[Outcome]]:
        if not texts:
            return []
        probabilities = self.model.probabilities(texts)
        known = {slug for _, slug in self.columns}
        out = []
        for i, text in enumerate(texts):
            fired = self.rules.suggest(text)
            words = {s.slug: ", ".join(s.evidence)[:300] for s in fired}
            found = []
            for j, slug in self.columns:
                p = round(float(probabilities[i, j]), 3)
                if p >= self.threshold:
                    found.append(Outcome(slug, "tag", "rule" if slug in words else "model", p, words.get(slug, "")))
                elif p >= self.floor:
                    found.append(Outcome(slug, "suggest", "model", p, words.get(slug, "")))
            for s in fired:
                if s.slug not in known:  # a theme the model has not learnt: its rules alone
                    found.append(Outcome(s.slug, "tag", "rule", s.confidence, words[s.slug]))
            out.append(found)
        return out

"""How well extraction matches hand-marked (gold) findings.

Matching follows the real-passages convention: within a document, texts are normalised (case,
typographic quotes and dashes, spacing, a leading number or bullet, trailing punctuation) and a
predicted finding matches a gold one when the Jaccard index of their word multisets is at least
0.9, pairs taken one to one, most similar first. Per kind, a match only counts when the kinds agree.
"""

import json
import re
import time
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

MATCH_THRESHOLD = 0.9
DOCUMENT_SUFFIXES = (".pdf", ".docx", ".html", ".htm", ".txt")

_FOLDED = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"', "\u00a0": " ",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00ad": "", "\u200b": "",
})
_LABEL_WORDS = (r"recommendation|good practice|point of note|action point|area for improvement|"
                r"cause of concern|key concern|priority concern|concern|requirement")
_LEADING_MARK = re.compile(
    r"^[\u2022\u2023\u2043\u25aa\u25cf\u25e6\u00b7*>-]+\s+"
    rf"|^(?:(?:{_LABEL_WORDS})\s+(?:no\.?\s*)?\(?\d+[a-z]?\)?[.:]?|\(?\d+(?:\.\d+)+[a-z]?\)?[.:]?"
    r"|\(?\d+[a-z]?[.):]|\([a-z]{1,4}\)|[a-z]\))(?:\s*-\s+|\s+)"
)
_TRAILING = re.compile(r"[\s.,;:!?\u2026]+$")
_WORD = re.compile(r"\w+(?:[.'/-]\w+)*")


def normalise(text: str | None) -> str:
    folded = unicodedata.normalize("NFKC", text or "").translate(_FOLDED).lower()
    folded = re.sub(r"\s+", " ", folded).strip()
    for _ in range(2):  # a bullet, then a number after it
        folded = _LEADING_MARK.sub("", folded, count=1)
    return _TRAILING.sub("", folded)


def words(text: str | None) -> Counter:
    return Counter(_WORD.findall(normalise(text)))


def similarity(a: Counter, b: Counter) -> float:
    union = sum((a | b).values())
    return sum((a & b).values()) / union if union else 0.0


def same_number(a, b) -> bool:
    def clean(number):
        if number is None:
            return None
        value = re.sub(rf"^(?:{_LABEL_WORDS})\s*|^no\.?\s*|\s+", "", str(number).strip().lower())
        return value.strip("().:;-") or None

    return clean(a) == clean(b)


def same_status(a, b) -> bool:
    def clean(status):
        if status is None:
            return None
        return re.sub(r"\s+", " ", str(status).translate(_FOLDED)).strip().lower().rstrip(".") or None

    return clean(a) == clean(b)


def match_findings(gold: list[dict], predicted: list[dict]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index), most similar first."""
    gold_words = [words(g.get("text")) for g in gold]
    predicted_words = [words(p.get("text")) for p in predicted]
    candidates = sorted(
        (-score, gi, pi)
        for gi, gw in enumerate(gold_words)
        for pi, pw in enumerate(predicted_words)
        if (score := similarity(gw, pw)) >= MATCH_THRESHOLD
    )
    taken_gold, taken_predicted, pairs = set(), set(), []
    for _, gi, pi in candidates:
        if gi not in taken_gold and pi not in taken_predicted:
            taken_gold.add(gi)
            taken_predicted.add(pi)
            pairs.append((gi, pi))
    return pairs


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    matched: int = 0

    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    def f1(self) -> float:
        p, r = self.precision(), self.recall()
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class FormatScore:
    overall: Tally = field(default_factory=Tally)
    per_kind: dict = field(default_factory=lambda: defaultdict(Tally))
    agreement: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0]))  # field -> [right, asked]
    documents: int = 0
    unreadable: list = field(default_factory=list)
    weak_documents: list = field(default_factory=list)
    seconds: float = 0.0
    pages: int = 0

    def add_document(self, name: str, gold: list[dict], predicted: list[dict]) -> None:
        self.documents += 1
        pairs = match_findings(gold, predicted)
        self.overall.gold += len(gold)
        self.overall.predicted += len(predicted)
        self.overall.matched += len(pairs)
        for item in gold:
            self.per_kind[item.get("kind")].gold += 1
        for item in predicted:
            self.per_kind[item.get("kind")].predicted += 1
        for gi, pi in pairs:
            g, p = gold[gi], predicted[pi]
            if g.get("kind") == p.get("kind"):
                self.per_kind[g.get("kind")].matched += 1
            self.agree("kind", g.get("kind") == p.get("kind"))
            self.agree("number", same_number(g.get("number"), p.get("number")))
            if "page" in g:
                self.agree("page", g.get("page") == p.get("page"))
            if g.get("status") is not None or p.get("status") is not None:
                self.agree("status", same_status(g.get("status"), p.get("status")))
            for name_of_field in ("label_in_source", "section"):
                if name_of_field in g:
                    self.agree(name_of_field, (g.get(name_of_field) or "") == (p.get(name_of_field) or ""))
        if len(pairs) != len(gold) or len(pairs) != len(predicted):
            self.weak_documents.append((name, len(gold), len(predicted), len(pairs)))

    def agree(self, name: str, right: bool) -> None:
        self.agreement[name][1] += 1
        self.agreement[name][0] += int(right)


def gold_beside(path: Path) -> Path:
    return path.with_name(path.stem + ".gold.jsonl")


def read_jsonl(path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def score_directories(directories, gold_file=None) -> dict[str, FormatScore]:
    from scrutiny.core.document import UnreadableDocument
    from scrutiny.core.extract import extract_findings
    from scrutiny.core.text import read_document

    shared_gold = defaultdict(list)
    if gold_file:
        for item in read_jsonl(gold_file):
            shared_gold[Path(str(item["doc"])).stem if str(item["doc"]).endswith(DOCUMENT_SUFFIXES) else item["doc"]].append(item)
    scores: dict[str, FormatScore] = defaultdict(FormatScore)
    for directory in directories:
        for path in sorted(Path(directory).iterdir()):
            if path.suffix.lower() not in DOCUMENT_SUFFIXES:
                continue
            if gold_file:
                if path.stem not in shared_gold:
                    continue
                gold = shared_gold[path.stem]
            elif gold_beside(path).exists():
                gold = read_jsonl(gold_beside(path))
            else:
                continue
            score = scores[path.suffix.lower().lstrip(".")]
            started = time.perf_counter()
            try:
                document = read_document(path)
            except UnreadableDocument as error:
                score.unreadable.append((path.name, error.reason))
                score.add_document(path.name, gold, [])
                continue
            predicted = [finding.as_record() for finding in extract_findings(document)]
            score.seconds += time.perf_counter() - started
            score.pages += document.page_count or 0
            score.add_document(path.name, gold, predicted)
    return dict(sorted(scores.items()))


def print_report(scores: dict[str, FormatScore], per_doc: bool = False) -> None:
    for fmt, score in scores.items():
        overall = score.overall
        speed = f", {score.pages / score.seconds:.0f} pages/s" if score.pages and score.seconds else ""
        print(f"{fmt}: {score.documents} documents, {overall.gold} gold, {overall.predicted} predicted{speed}")
        print(f"  {'kind':<22}{'gold':>6}{'pred':>6}{'P':>8}{'R':>8}{'F1':>8}")
        for kind, tally in sorted(score.per_kind.items(), key=lambda item: str(item[0])):
            print(f"  {str(kind):<22}{tally.gold:>6}{tally.predicted:>6}{tally.precision():>8.3f}"
                  f"{tally.recall():>8.3f}{tally.f1():>8.3f}")
        agreement = "  ".join(
            f"{name} {right / asked:.3f}" for name, (right, asked) in sorted(score.agreement.items()) if asked
        )
        print(f"  on matched findings: {agreement}")
        for name, reason in score.unreadable:
            print(f"  unreadable: {name}: {reason}")
        if per_doc:
            for name, gold, predicted, matched in score.weak_documents:
                print(f"  {name}: gold {gold}, predicted {predicted}, matched {matched}")
        print(f"{fmt} extraction F1 {overall.f1():.3f} (P {overall.precision():.3f} R {overall.recall():.3f})"
              f" on {overall.gold} gold findings")

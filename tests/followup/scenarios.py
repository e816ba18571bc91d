"""Labelled follow-up scenarios: a real report file from the demo generator (an HMIP review of
progress as PDF, an HMIPS follow-up as DOCX) ingested after an earlier inspection of the same
place, so that which earlier finding each assessment judges is known.

The generator writes each review on its own, so the earlier inspection is built here from what
the review quotes, the way the real ones relate: an HMIP review quotes the concern (sometimes cut
short), an HMIPS follow-up repeats the recommendation's number, each with its paragraph reference.
Around them: other concerns on the same themes in other words (the hard negatives), an older
inspection, the same words at another place and by another body at this place (never candidates),
and a few assessments whose earlier finding is not in the record at all (any suggestion is wrong).
"""

import difflib
import json
import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from factories import EstablishmentFactory, FindingFactory, ReportFactory, body, nation, setting
from scrutiny.catalogue.register import register_establishment
from scrutiny.reports.ingest import Ingester
from scrutiny.reports.models import Report, ReportType

# Demo corpus indices (seed 3) whose family writes a follow-up: see scrutiny_demo.corpus.
HMIP_REVIEW = 11  # hmip-review-of-progress, PDF
HMIPS_FOLLOW_UP = 4  # hmips-prison drawn as a follow-up, DOCX
SEED = 3


@dataclass
class Scenario:
    name: str
    review: Report
    truth: dict[int, int | None]  # ingested assessment id -> earlier finding id (None: not in the record)
    never: set[int]  # finding ids that must never be suggested (another place, another body)


def generate(outdir: Path, index: int) -> tuple[Path, dict, list[dict]]:
    from scrutiny_demo.corpus import write_report

    written = write_report(seed=SEED, index=index, outdir=str(outdir))
    meta = json.loads((outdir / f"{written.name}.meta.json").read_text())
    gold = [json.loads(line) for line in (outdir / f"{written.name}.gold.jsonl").read_text().splitlines()]
    return outdir / f"{written.name}.{written.format}", meta, gold


def _themes(family: str) -> list[str]:
    if family == "hmips-prison":
        from scrutiny_demo.families.hmips import CHAPTERS

        return [t for _, themes in CHAPTERS for t in themes]
    from scrutiny_demo.families.hmip_review import THEMES

    return list(THEMES)


def _earlier_wording(text: str, rng: random.Random) -> str:
    """What the earlier report printed: a quoted concern is sometimes cut short in the review
    (so the earlier one runs on), and a paragraph reference is the earlier report's own."""
    reference = re.search(r"\(paragraph (\d+)\.(\d+)\)", text)
    if reference and rng.random() < 0.5:
        text = text.replace(reference[0], f"(paragraph {reference[1]}.{int(reference[2]) + 3})")
    if not reference and rng.random() < 0.5:
        text += " Leaders had not set out how they would improve this."
    return text


def build(outdir: Path, index: int, rng_seed: int = 7) -> Scenario:
    from scrutiny_demo.prose import Pen

    path, meta, gold = generate(outdir, index)
    rng = random.Random(rng_seed)
    place = register_establishment(meta["establishment"], setting(meta["setting"]), nation(meta["nation"]))
    published = date.fromisoformat(meta["published"])
    own = body(meta["body"])
    earlier = ReportFactory(body=own, published=published - timedelta(days=540), establishments=[place],
                            title=f"Report on a full inspection of {place.name}")
    oldest = ReportFactory(body=own, published=published - timedelta(days=1900), establishments=[place],
                           title=f"Report on an earlier inspection of {place.name}")
    assessed = [g for g in gold if g["status"]]
    missing = set(rng.sample(range(len(assessed)), 2))
    by_gold: dict[int, int | None] = {}
    for i, g in enumerate(assessed):
        if i in missing:
            by_gold[i] = None
            continue
        finding = FindingFactory(report=earlier, kind=g["kind"], number=g["number"] or str(i + 1),
                                 text=_earlier_wording(g["text"], rng), label_in_source="", section="")
        by_gold[i] = finding.id
    # The same ask made in the older inspection too: the review follows up the latest one.
    for i in sorted(set(by_gold) - missing)[:2]:
        FindingFactory(report=oldest, kind=assessed[i]["kind"], number="", text=assessed[i]["text"])
    # Same themes, other asks. The demo's Pen deals its sentences from decks, so it can deal the
    # very sentence a review quotes: such a draw is skipped, or the labels would be wrong.
    pen = Pen(rng, place.name.split()[-1], meta["setting"], meta["nation"])
    quoted = [g["text"] for g in assessed]
    for n, theme in enumerate(rng.sample(_themes(meta["family"]), 6)):
        for report, kind, number, text in [
            (earlier, "key_concern", str(40 + n), pen.problem(theme)),
            (earlier, "recommendation", f"9.{n + 1}", pen.fix(theme, "Leaders")),
            (oldest, "recommendation", f"2.{n + 1}", pen.fix(theme, "The governor")),
        ]:
            if not any(_alike(text, q) for q in quoted):
                FindingFactory(report=report, kind=kind, number=number, text=text)
    elsewhere = ReportFactory(body=own, published=published - timedelta(days=400), establishments=[EstablishmentFactory()])
    imb = ReportFactory(body=body("imb"), report_type=ReportType.ANNUAL_REPORT, published=published - timedelta(days=300),
                        establishments=[place])
    never = set()
    for g in assessed[:4]:
        never.add(FindingFactory(report=elsewhere, kind=g["kind"], text=g["text"]).id)
        never.add(FindingFactory(report=imb, kind=g["kind"], text=g["text"]).id)

    outcome = Ingester(keep_files=False).ingest(path)
    assert outcome.status == "new", outcome.reason
    review = Report.objects.get(pk=outcome.report_id)
    truth = {}
    for finding in review.findings.exclude(status_in_source=""):
        i = _gold_index(finding.text, assessed)
        if i is not None:
            truth[finding.id] = by_gold[i]
    return Scenario(meta["family"], review, truth, never)


def _alike(a: str, b: str) -> bool:
    core = lambda t: re.sub(r"^(the governor|leaders|management|the prison|sps|hmpps) ", "", t.lower())  # noqa: E731
    return difflib.SequenceMatcher(None, core(a), core(b)).ratio() >= 0.8


def _gold_index(text: str, assessed: list[dict]) -> int | None:
    """The gold finding an extracted one is (extraction may hyphenate or join lines differently)."""
    squash = lambda t: " ".join(t.split()).lower()  # noqa: E731
    ratios = [difflib.SequenceMatcher(None, squash(text), squash(g["text"])).ratio() for g in assessed]
    best = max(range(len(assessed)), key=ratios.__getitem__)
    return best if ratios[best] >= 0.9 else None


@dataclass
class Score:
    assessments: int
    positives: int
    suggested: int  # assessments with a top suggestion
    top_correct: int
    found_anywhere: int  # the right earlier finding among the suggestions (up to three)

    @property
    def precision(self) -> float:
        return self.top_correct / self.suggested if self.suggested else 1.0

    @property
    def recall(self) -> float:
        return self.top_correct / self.positives if self.positives else 1.0

    @property
    def recall_any(self) -> float:
        return self.found_anywhere / self.positives if self.positives else 1.0

    def __add__(self, other: "Score") -> "Score":
        return Score(*(getattr(self, f) + getattr(other, f) for f in
                       ("assessments", "positives", "suggested", "top_correct", "found_anywhere")))

    def line(self, name: str) -> str:
        return (f"{name}: {self.assessments} assessments ({self.positives} with their earlier finding in the record); "
                f"top suggestion precision {self.precision:.2f}, recall {self.recall:.2f}; "
                f"right one among the suggestions {self.recall_any:.2f}")


def score(scenario: Scenario) -> Score:
    from scrutiny.followup.models import LinkSuggestion

    result = Score(0, 0, 0, 0, 0)
    for assessment_id, true_id in scenario.truth.items():
        suggested = list(LinkSuggestion.objects.filter(assessment_id=assessment_id).order_by("rank")
                         .values_list("assessed_id", flat=True))
        result.assessments += 1
        result.positives += true_id is not None
        if suggested:
            result.suggested += 1
            result.top_correct += suggested[0] == true_id
        result.found_anywhere += true_id is not None and true_id in suggested
    return result

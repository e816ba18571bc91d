"""Ingest: file → text with page map → findings → tags → stored and indexed, one report at a time.

Each report is one transaction: a report is stored whole with all its findings and tags, or not
at all. A bad file is reported with its reason and the batch goes on."""

import hashlib
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction

from scrutiny.catalogue.models import Establishment, Population, Theme
from scrutiny.catalogue.register import register_establishment
from scrutiny.core.status import normalise_status
from scrutiny.core.tagging import KeywordTagger, Vocabulary
from scrutiny.findings.models import Finding, PopulationTag, Tag, TagOrigin
from scrutiny.reports.extraction import extract_report
from scrutiny.reports.metadata import BadReport, ReportMetadata, read_metadata
from scrutiny.curation.models import Action
from scrutiny.curation.services import record
from scrutiny.reports.models import Report, State, reporting_year_of
from scrutiny.repeats import services as repeats
from scrutiny.review.models import Suggestion
from scrutiny.review.tagging import ThemeTagger
from scrutiny.followup.services import suggest_follow_ups

REPORT_SUFFIXES = {".pdf", ".docx", ".html", ".htm", ".txt"}
SIDECAR_SUFFIXES = (".meta.json", ".gold.jsonl")


@dataclass
class Outcome:
    path: Path
    status: str  # "new", "duplicate" or "failed"
    reason: str = ""
    report_id: int | None = None
    pages: int = 0
    kinds: Counter = field(default_factory=Counter)


def report_files(paths: list[Path]) -> list[Path]:
    """The files to ingest: each file named, and every file in a named folder, in name order.
    Sidecars are metadata, not reports; other files in a folder are skipped silently, while a
    file named on its own is always tried, so that an unsupported type is reported."""
    found = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES and not p.name.endswith(SIDECAR_SUFFIXES)
            )
        else:
            found.append(path)
    return found


class Ingester:
    def __init__(self, overrides: dict | None = None, publish: bool = True, keep_files: bool = True, user=None):
        self.overrides = overrides or {}
        self.publish = publish
        self.user = user  # who asked (a web upload); None for the command line
        self.keep_files = keep_files
        themes = list(Theme.objects.all())
        self.themes = {t.slug: t for t in themes}
        # The active model and the themes' rules; unsure themes wait in the review queue.
        self.theme_tagger = ThemeTagger(themes)
        populations = list(Population.objects.all())
        self.populations = {p.slug: p for p in populations}
        self.population_tagger = KeywordTagger(
            [Vocabulary(p.slug, tuple(k.strip() for k in p.description.split(",") if k.strip())) for p in populations],
            limit=2,
        )
        repeats.prepare()

    def ingest(self, path: Path, name: str | None = None, progress=None) -> Outcome:
        """name: the file's name as its sender gave it, when it is stored under another (a web
        upload); progress(message, fraction): told as each stage begins."""
        try:
            return self._ingest(path, name or path.name, progress or (lambda message, fraction: None))
        except BadReport as exc:
            return Outcome(path, "failed", str(exc))

    def _ingest(self, path: Path, name: str, progress) -> Outcome:
        progress("Reading the file", 0.05)
        if not path.is_file():
            raise BadReport("no such file")
        if path.suffix.lower() not in REPORT_SUFFIXES:
            raise BadReport(f"unsupported file type '{path.suffix or path.name}' (PDF, DOCX, HTML or plain text)")
        data = path.read_bytes()
        if not data:
            raise BadReport("empty file")
        digest = hashlib.sha256(data).hexdigest()
        existing = Report.objects.filter(content_hash=digest).values_list("id", flat=True).first()
        if existing:
            self._keep(path, digest)  # a crash may have come between its commit and its copy
            return Outcome(path, "duplicate", report_id=existing)
        metadata = read_metadata(path, self.overrides)
        progress("Finding the recommendations, concerns and good practice", 0.15)
        extracted = extract_report(path)
        progress(f"Storing {len(extracted.findings)} findings and tagging them", 0.8)
        # The file first, then the record: a crash between them leaves a spare file, never a
        # report whose file is missing.
        self._keep(path, digest)
        try:
            with transaction.atomic():
                report = self._store(path, name, digest, metadata, extracted)
        except IntegrityError:
            # Another ingest stored the same file between our check and our insert.
            existing = Report.objects.filter(content_hash=digest).values_list("id", flat=True).first()
            if existing:
                return Outcome(path, "duplicate", report_id=existing)
            raise
        kinds = Counter(f.kind for f in extracted.findings)
        return Outcome(path, "new", report_id=report.id, pages=extracted.page_count or 0, kinds=kinds)

    def _store(self, path: Path, name: str, digest: str, meta: ReportMetadata, extracted) -> Report:
        establishment = self._establishment(meta)
        report = Report.objects.create(
            body=meta.body, report_type=meta.report_type,
            title=meta.title or extracted.title or Path(name).stem,
            setting=meta.setting or (establishment.setting if establishment else None),
            nation=meta.nation or (establishment.nation if establishment else None) or _only_nation(meta.body),
            published=meta.published, fieldwork_start=meta.fieldwork_start, fieldwork_end=meta.fieldwork_end,
            legal_basis=meta.legal_basis, source_url=meta.source_url, file_name=name,
            file_format=path.suffix.lower().lstrip("."), content_hash=digest, page_count=extracted.page_count,
            language=meta.language, extraction_profile=extracted.profile,
            state=State.PUBLISHED if self.publish else State.DRAFT,
        )
        if meta.co_bodies:
            report.co_bodies.set(meta.co_bodies)
        if establishment:
            report.establishments.add(establishment)
            _name_after_latest_report(establishment, meta)
        findings = Finding.objects.bulk_create([self._finding(report, i, f) for i, f in enumerate(extracted.findings)])
        self._tag(findings)
        repeats.link_repeats(findings)
        suggest_follow_ups(report, findings)
        record(
            self.user, Action.CREATED, report,
            f"Ingested {name}: {len(findings)} findings, {'published' if self.publish else 'as a draft'}",
        )
        return report

    def _establishment(self, meta: ReportMetadata) -> Establishment | None:
        if not meta.establishment:
            return None
        return register_establishment(meta.establishment, meta.setting, meta.nation or _only_nation(meta.body))

    def _finding(self, report: Report, position: int, found) -> Finding:
        return Finding(
            report=report, position=position, kind=found.kind, label_in_source=found.label_in_source or "",
            number=found.number or "", text=found.text, page=found.page, section=found.section or "",
            addressee=found.addressee or "", status_in_source=found.status or "",
            status=normalise_status(found.status), body_id=report.body_id, setting_id=report.setting_id,
            nation_id=report.nation_id, year=report.published.year,
            reporting_year=reporting_year_of(report.published), is_published=report.is_published,
        )

    def _tag(self, findings: list[Finding]) -> None:
        decided = list(zip(findings, self.theme_tagger.decide([f.text for f in findings])))
        for model, kind in ((Tag, "tag"), (Suggestion, "suggest")):
            model.objects.bulk_create([
                model(finding=finding, theme=self.themes[o.slug], confidence=o.confidence, evidence=o.evidence,
                      **({"origin": o.origin} if model is Tag else {}))
                for finding, outcomes in decided for o in outcomes if o.kind == kind
            ])
        PopulationTag.objects.bulk_create([
            PopulationTag(finding=finding, population=self.populations[s.slug], origin=TagOrigin.RULE,
                          confidence=s.confidence, evidence=", ".join(s.evidence)[:300])
            for finding in findings for s in self.population_tagger.suggest(finding.text)
        ])

    def _keep(self, path: Path, digest: str) -> None:
        if not self.keep_files:
            return
        target = Path(settings.SCRUTINY_FILES_DIR) / digest[:2] / f"{digest}{path.suffix.lower()}"
        if target.exists():
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(target.suffix + ".partial")
        shutil.copyfile(path, partial)
        partial.replace(target)


def _name_after_latest_report(place: Establishment, meta: ReportMetadata) -> None:
    """A renamed place is shown under the name its latest report prints; its address stays."""
    if place.name != meta.establishment and not place.reports.filter(published__gt=meta.published).exists():
        place.name = meta.establishment
        place.save(update_fields=["name"])


def _only_nation(body):
    nations = list(body.nations.all())
    return nations[0] if len(nations) == 1 else None

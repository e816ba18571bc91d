"""Historic import: check every row of a template file, then store all of it in one transaction
or none of it.

Reports are known by `report_reference` (Report.reference) and findings by their report and
`finding_position`, so importing a file again updates what changed and leaves the rest alone.
Nothing is ever deleted: a finding held in the database but missing from the file stays."""

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction

from scrutiny.accounts.access import ALL_BODIES
from scrutiny.catalogue.models import Body, Nation, Population, Setting, Theme, establishment_key
from scrutiny.catalogue.register import find_establishment, register_establishment
from scrutiny.curation.models import Action
from scrutiny.curation.services import record
from scrutiny.findings.models import Finding, Kind, PopulationTag, Provenance, Status, Tag, TagOrigin
from scrutiny.historic import template
from scrutiny.historic.template import COLUMNS, LIST_SEPARATOR, REPORT_COLUMNS, UnreadableFile
from scrutiny.reports.models import Report, ReportType, State, reporting_year_of

IMPORT_FORMAT = "import"  # Report.file_format of a report that came from a spreadsheet, not a file
MAX_INTEGER = 2_147_483_647  # the largest PositiveIntegerField on every database
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
LENGTHS = {
    "report_reference": 120, "report_title": 500, "source_url": 500, "number": 40, "label_in_source": 500,
    "section": 500, "addressee": 300, "status_in_source": 300,
}
ESTABLISHMENT_LENGTH = 200
FINDING_FIELDS = ["kind", "number", "label_in_source", "text", "page", "section", "addressee", "status", "status_in_source"]
# Report fields an import may change, as the audit trail stores them (curation.services.REPORT_FIELDS).
TRAIL_FIELDS = ["title", "report_type", "published", "setting", "nation", "source_url"]


@dataclass(frozen=True)
class Problem:
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = [f"row {self.row}"] if self.row is not None else []
        if self.column:
            where.append(f"column {self.column}")
        return f"{', '.join(where)}: {self.message}" if where else self.message


class CellProblem(ValueError):
    pass


@dataclass
class ReportRow:
    row: int
    reference: str
    body: Body
    report_type: str
    title: str
    published: date
    establishments: tuple[str, ...]
    setting: Setting | None
    nation: Nation | None
    source_url: str


@dataclass
class FindingRow:
    row: int
    position: int
    values: dict  # FINDING_FIELDS
    themes: frozenset[str]
    populations: frozenset[str]


@dataclass
class Summary:
    reports: Counter = field(default_factory=Counter)  # new / updated / unchanged
    findings: Counter = field(default_factory=Counter)
    establishments_new: int = 0
    publish: bool = True

    def lines(self) -> list[str]:
        def counts(c):
            return ", ".join(f"{c[k]} {k}" for k in ("new", "updated", "unchanged"))

        state = "published" if self.publish else "drafts"
        return [
            f"reports: {counts(self.reports)} (new reports as {state})",
            f"findings: {counts(self.findings)}",
            f"establishments added to the register for review: {self.establishments_new}",
        ]

    @property
    def changes_anything(self) -> bool:
        return bool(self.reports["new"] or self.reports["updated"])


@dataclass
class Result:
    problems: list[Problem]
    summary: Summary | None = None
    stored: bool = False
    rows: int = 0


def shown(value: str, limit: int = 60) -> str:
    value = value if len(value) <= limit else value[: limit - 1] + "…"
    return "'" + value.replace("\n", "\\n").replace("\r", "\\r") + "'"


# --- checking ----------------------------------------------------------------------------------

class Vocabularies:
    def __init__(self):
        self.bodies = {b.slug: b for b in Body.objects.prefetch_related("nations")}
        self.settings = {s.slug: s for s in Setting.objects.all()}
        self.nations = {n.slug: n for n in Nation.objects.all()}
        self.themes = {t.slug: t for t in Theme.objects.all()}
        self.populations = {p.slug: p for p in Population.objects.all()}


def _required(value: str) -> str:
    if not value.strip():
        raise CellProblem("is empty; it is required")
    return value


def _slug(value: str, known: dict, what: str, required: bool = True):
    wanted = value.strip().lower()
    if not wanted:
        if required:
            raise CellProblem("is empty; it is required")
        return None
    if wanted not in known:
        some = ", ".join(sorted(known)[:12])
        raise CellProblem(f"{shown(value)} is not a known {what} (use a slug: {some}{', …' if len(known) > 12 else ''})")
    return known[wanted]


def _choice(value: str, choices, what: str, default: str | None = None) -> str:
    wanted = value.strip()
    if not wanted and default is not None:
        return default
    if wanted not in choices.values:
        if not wanted:
            raise CellProblem("is empty; it is required")
        raise CellProblem(f"{shown(value)} is not a known {what} (one of {', '.join(choices.values)})")
    return wanted


def _date(value: str) -> date:
    wanted = _required(value).strip()
    try:
        if not DATE.fullmatch(wanted):
            raise ValueError
        return date.fromisoformat(wanted)
    except ValueError:
        raise CellProblem(f"{shown(value)} is not a date (YYYY-MM-DD)") from None


def _integer(value: str, required: bool) -> int | None:
    wanted = value.strip()
    if not wanted:
        if required:
            raise CellProblem("is empty; it is required")
        return None
    if not wanted.isascii() or not wanted.isdigit() or int(wanted) > MAX_INTEGER:
        raise CellProblem(f"{shown(value)} is not a number (a whole number, 0 or more)")
    return int(wanted)


def _list(value: str, known: dict, what: str) -> frozenset[str]:
    slugs = [s.strip().lower() for s in value.split(LIST_SEPARATOR)]
    unknown = [s for s in slugs if s and s not in known]
    if unknown:
        raise CellProblem(f"{', '.join(map(shown, unknown))} {'is not a known' if len(unknown) == 1 else 'are not known'} {what}")
    return frozenset(s for s in slugs if s)


def _establishments(value: str) -> tuple[str, ...]:
    names = tuple(sorted({" ".join(n.split()) for n in value.split(LIST_SEPARATOR)} - {""}))
    for name in names:
        if len(name) > ESTABLISHMENT_LENGTH:
            raise CellProblem(f"the name {shown(name)} is longer than {ESTABLISHMENT_LENGTH} characters")
    return names


def _url(value: str) -> str:
    if value and (not value.startswith(("http://", "https://")) or any(c.isspace() for c in value)):
        raise CellProblem(f"{shown(value)} is not a web address (http:// or https://, no spaces)")
    return value


def check(sheet: template.Sheet, vocab: Vocabularies, bodies=ALL_BODIES):
    """Every problem in the file, and the reports and findings it describes when there are none."""
    problems: list[Problem] = []
    seen = Counter(sheet.header)
    for column in COLUMNS:
        if column not in seen:
            problems.append(Problem(1, column, "the column is missing (the first row names the columns)"))
    for column, n in seen.items():
        if column and column not in COLUMNS:
            problems.append(Problem(1, column, "is not a column of the template"))
        elif n > 1:
            problems.append(Problem(1, column, f"is named {n} times"))
    if "" in sheet.header:
        problems.append(Problem(1, None, "a column has no name"))
    if problems:
        return problems, {}, {}
    index = {name: i for i, name in enumerate(sheet.header)}
    reports: dict[str, ReportRow] = {}
    raw_reports: dict[str, dict] = {}
    findings: dict[str, list[FindingRow]] = {}
    positions: dict[tuple[str, int], int] = {}
    if not sheet.rows:
        problems.append(Problem(None, None, "the file has no rows of findings under its header"))
    for number, cells in sheet.rows:
        if len(cells) > len(sheet.header) and any(c.strip() for c in cells[len(sheet.header):]):
            problems.append(Problem(number, None, f"has {len(cells)} cells, more than the {len(sheet.header)} named columns"))
        cell = {name: (cells[i] if i < len(cells) else "") for name, i in index.items()}
        row_problems = []

        def parse(column, parser, *args):
            value = cell[column]
            try:
                if CONTROL.search(value):
                    char = CONTROL.search(value).group()
                    raise CellProblem(f"holds a control character (U+{ord(char):04X}), which no text may hold")
                if column in LENGTHS and len(value.strip() if column == "report_reference" else value) > LENGTHS[column]:
                    raise CellProblem(f"is {len(value)} characters long; at most {LENGTHS[column]} fit")
                return parser(value, *args)
            except CellProblem as exc:
                row_problems.append(Problem(number, column, str(exc)))
                return None

        reference = parse("report_reference", lambda v: _required(v).strip())
        parsed = {
            "body": parse("body", _slug, vocab.bodies, "body"),
            "report_type": parse("report_type", _choice, ReportType, "report type"),
            "report_title": parse("report_title", _required),
            "published": parse("published", _date),
            "establishment": parse("establishment", _establishments),
            "setting": parse("setting", _slug, vocab.settings, "setting", False),
            "nation": parse("nation", _slug, vocab.nations, "nation", False),
            "source_url": parse("source_url", _url),
        }
        position = parse("finding_position", _integer, True)
        values = {
            "kind": parse("kind", _choice, Kind, "kind"),
            "number": parse("number", str),
            "label_in_source": parse("label_in_source", str),
            "text": parse("text", _required),
            "page": parse("page", _integer, False),
            "section": parse("section", str),
            "addressee": parse("addressee", str),
            "status": parse("status", _choice, Status, "status", Status.NOT_ASSESSED),
            "status_in_source": parse("status_in_source", str),
        }
        themes = parse("themes", _list, vocab.themes, "theme")
        populations = parse("populations", _list, vocab.populations, "population")
        body = parsed["body"]
        if body is not None and bodies is not ALL_BODIES and body.pk not in bodies:
            row_problems.append(Problem(number, "body", f"you may not import findings for {body.slug}"))
        problems += row_problems
        if reference is None:
            continue
        if reference in raw_reports:
            first = raw_reports[reference]
            for column in REPORT_COLUMNS[1:]:
                mine, theirs = parsed[column], first["values"][column]
                if mine is not None and theirs is not None and mine != theirs:
                    problems.append(Problem(
                        number, column,
                        f"{shown(cell[column])} differs from row {first['row']} ({shown(first['cells'][column])}),"
                        f" another row of report {shown(reference)}",
                    ))
        else:
            raw_reports[reference] = {"row": number, "values": parsed, "cells": cell}
        if position is not None:
            key = (reference, position)
            if key in positions:
                problems.append(Problem(
                    number, "finding_position",
                    f"{position} repeats row {positions[key]} (the same report_reference and finding_position)",
                ))
            else:
                positions[key] = number
        if row_problems:
            continue
        if reference not in reports and raw_reports[reference]["row"] == number:
            reports[reference] = ReportRow(
                number, reference, parsed["body"], parsed["report_type"], parsed["report_title"],
                parsed["published"], parsed["establishment"], parsed["setting"], parsed["nation"],
                parsed["source_url"],
            )
        findings.setdefault(reference, []).append(FindingRow(number, position, values, themes, populations))
    return problems, reports, findings


# --- planning and storing ----------------------------------------------------------------------

def import_hash(reference: str) -> str:
    return hashlib.sha256(f"import:{reference}".encode()).hexdigest()


def _chunks(items: list, size: int = 500):
    for start in range(0, len(items), size):
        yield items[start: start + size]


class Plan:
    """What storing the file would do, worked out against the database as it stands."""

    def __init__(self, reports: dict[str, ReportRow], findings: dict[str, list[FindingRow]], publish: bool, lock: bool):
        self.reports, self.findings = reports, findings
        self.summary = Summary(publish=publish)
        refs = list(reports)
        self.existing: dict[str, Report] = {}
        for chunk in _chunks(refs):
            query = Report.objects.filter(reference__in=chunk)
            if lock:
                query = query.select_for_update(of=("self",))
            for report in query.select_related("body", "setting", "nation"):
                self.existing[report.reference] = report
        ids = [r.pk for r in self.existing.values()]
        self.places: dict[int, set[int]] = {pk: set() for pk in ids}
        self.held: dict[int, dict[int, Finding]] = {pk: {} for pk in ids}
        self.tags: dict[int, set[str]] = {}
        self.population_tags: dict[int, set[str]] = {}
        for chunk in _chunks(ids):
            through = Report.establishments.through.objects.filter(report_id__in=chunk)
            for report_id, place_id in through.values_list("report_id", "establishment_id"):
                self.places[report_id].add(place_id)
            for finding in Finding.objects.filter(report_id__in=chunk):
                self.held[finding.report_id][finding.position] = finding
            for finding_id, slug in Tag.objects.filter(finding__report_id__in=chunk).values_list("finding_id", "theme__slug"):
                self.tags.setdefault(finding_id, set()).add(slug)
            for finding_id, slug in PopulationTag.objects.filter(finding__report_id__in=chunk).values_list(
                "finding_id", "population__slug"
            ):
                self.population_tags.setdefault(finding_id, set()).add(slug)
        self.resolved: dict[tuple[str, int | None], int | None] = {}
        new_places = set()
        self.report_changes: dict[str, dict] = {}
        self.finding_changes: dict[str, dict[str, list]] = {}
        for ref, wanted in reports.items():
            places = [self._place(name, wanted.setting) for name in wanted.establishments]
            new_places |= {establishment_key(n) or n for n, p in zip(wanted.establishments, places) if p is None}
            held = self.existing.get(ref)
            changes = self._report_changes(held, wanted, places)
            finding_changes = {"new": [], "updated": [], "unchanged": []}
            for row in findings[ref]:
                finding = self.held[held.pk].get(row.position) if held else None
                if finding is None:
                    finding_changes["new"].append((row, None, None))
                else:
                    diff = self._finding_changes(finding, row)
                    finding_changes["updated" if diff else "unchanged"].append((row, finding, diff))
            for k, v in finding_changes.items():
                if v:
                    self.summary.findings[k] += len(v)
            self.report_changes[ref] = changes
            self.finding_changes[ref] = finding_changes
            if held is None:
                outcome = "new"
            elif changes or finding_changes["new"] or finding_changes["updated"]:
                outcome = "updated"
            else:
                outcome = "unchanged"
            self.summary.reports[outcome] += 1
        self.summary.establishments_new = len(new_places)

    def _place(self, name: str, setting) -> int | None:
        key = (name, setting.pk if setting else None)
        if key not in self.resolved:
            place = find_establishment(name, setting)
            self.resolved[key] = place.pk if place else None
        return self.resolved[key]

    @staticmethod
    def _report_changes(held: Report | None, wanted: ReportRow, places: list) -> dict:
        if held is None:
            return {}
        before_after = {}
        pairs = {
            "body": (held.body.slug, wanted.body.slug),
            "report_type": (held.report_type, wanted.report_type),
            "title": (held.title, wanted.title),
            "published": (held.published.isoformat(), wanted.published.isoformat()),
            "setting": (held.setting.slug if held.setting else None, wanted.setting.slug if wanted.setting else None),
            "nation": (held.nation.slug if held.nation else None, wanted.nation.slug if wanted.nation else None),
            "source_url": (held.source_url, wanted.source_url),
        }
        for name, (old, new) in pairs.items():
            if old != new:
                before_after[name] = (old, new)
        return before_after

    def _finding_changes(self, finding: Finding, row: FindingRow) -> dict:
        diff = {name: (getattr(finding, name), value) for name, value in row.values.items() if getattr(finding, name) != value}
        if self.tags.get(finding.pk, set()) != row.themes:
            diff["themes"] = (sorted(self.tags.get(finding.pk, set())), sorted(row.themes))
        if self.population_tags.get(finding.pk, set()) != row.populations:
            diff["populations"] = (sorted(self.population_tags.get(finding.pk, set())), sorted(row.populations))
        return diff

    # --- storing ---

    def store(self, vocab: Vocabularies, user, source_name: str) -> None:
        for ref, wanted in self.reports.items():
            held = self.existing.get(ref)
            changes, finding_changes = self.report_changes[ref], self.finding_changes[ref]
            if held is not None and not changes and not finding_changes["new"] and not finding_changes["updated"]:
                continue
            report = self._store_report(held, wanted, changes)
            places_changed = self._store_places(report, wanted, held is None)
            new = [self._new_finding(report, row) for row, _, _ in finding_changes["new"]]
            created = Finding.objects.bulk_create(new)
            tags, population_tags = [], []
            for finding, (row, _, _) in zip(created, finding_changes["new"]):
                tags += [Tag(finding=finding, theme=vocab.themes[s], origin=TagOrigin.PERSON) for s in sorted(row.themes)]
                population_tags += [
                    PopulationTag(finding=finding, population=vocab.populations[s], origin=TagOrigin.PERSON)
                    for s in sorted(row.populations)
                ]
            for row, finding, diff in finding_changes["updated"]:
                for name in FINDING_FIELDS:
                    setattr(finding, name, row.values[name])
                finding.version += 1
                finding.save(update_fields=[*FINDING_FIELDS, "version"])
                if "themes" in diff:
                    Tag.objects.filter(finding=finding).exclude(theme__slug__in=row.themes).delete()
                    tags += [Tag(finding=finding, theme=vocab.themes[s], origin=TagOrigin.PERSON)
                             for s in sorted(row.themes - set(diff["themes"][0]))]
                if "populations" in diff:
                    PopulationTag.objects.filter(finding=finding).exclude(population__slug__in=row.populations).delete()
                    population_tags += [
                        PopulationTag(finding=finding, population=vocab.populations[s], origin=TagOrigin.PERSON)
                        for s in sorted(row.populations - set(diff["populations"][0]))
                    ]
            Tag.objects.bulk_create(tags)
            PopulationTag.objects.bulk_create(population_tags)
            self._record(user, report, held is None, changes, finding_changes, places_changed, source_name)

    def _store_report(self, held: Report | None, wanted: ReportRow, changes: dict) -> Report:
        fields = {
            "body": wanted.body, "report_type": wanted.report_type, "title": wanted.title,
            "published": wanted.published, "setting": wanted.setting, "nation": wanted.nation,
            "source_url": wanted.source_url,
        }
        if held is None:
            return Report.objects.create(
                reference=wanted.reference, file_name="", file_format=IMPORT_FORMAT,
                content_hash=import_hash(wanted.reference),
                state=State.PUBLISHED if self.summary.publish else State.DRAFT, **fields,
            )
        if changes:
            for name, value in fields.items():
                setattr(held, name, value)
            held.version += 1
            held.save()
            held.findings.update(
                body=held.body, setting=held.setting, nation=held.nation, year=held.published.year,
                reporting_year=reporting_year_of(held.published), is_published=held.is_published,
            )
        return held

    def _store_places(self, report: Report, wanted: ReportRow, new: bool) -> bool:
        nation = wanted.nation or _only_nation(wanted.body)
        places = {register_establishment(name, wanted.setting, nation).pk for name in wanted.establishments}
        if new or places != self.places.get(report.pk, set()):
            report.establishments.set(places)
            return not new
        return False

    def _new_finding(self, report: Report, row: FindingRow) -> Finding:
        return Finding(
            report=report, position=row.position, provenance=Provenance.IMPORTED, **row.values,
            body_id=report.body_id, setting_id=report.setting_id, nation_id=report.nation_id,
            year=report.published.year, reporting_year=reporting_year_of(report.published),
            is_published=report.is_published,
        )

    def _record(self, user, report, new, changes, finding_changes, places_changed, source_name) -> None:
        counts = ", ".join(f"{len(finding_changes[k])} {k}" for k in ("new", "updated") if finding_changes[k])
        if new:
            state = "published" if report.is_published else "as a draft"
            description = f"Imported from {source_name}: report created with {len(finding_changes['new'])} findings, {state}"
            record(user, Action.IMPORTED, report, description)
            return
        changed = [name.replace("_", " ") for name in changes] + (["establishments"] if places_changed else [])
        parts = [f"{', '.join(changed)} changed"] if changed else []
        if counts:
            parts.append(f"findings {counts}")
        before = {k: v[0] for k, v in changes.items() if k in TRAIL_FIELDS}
        after = {k: v[1] for k, v in changes.items() if k in TRAIL_FIELDS}
        record(user, Action.IMPORTED, report, f"Imported from {source_name}: {'; '.join(parts)}", before, after)


def _only_nation(body: Body):
    nations = list(body.nations.all())
    return nations[0] if len(nations) == 1 else None


# --- the whole import --------------------------------------------------------------------------

def run_import(data: bytes, fmt: str, *, dry_run: bool = False, publish: bool = True, user=None,
               source_name: str = "a spreadsheet", bodies=ALL_BODIES) -> Result:
    """Check the file; unless it has problems or this is a dry run, store all of it."""
    try:
        sheet = template.read(data, fmt)
    except UnreadableFile as exc:
        return Result([Problem(None, None, str(exc))])
    vocab = Vocabularies()
    problems, reports, findings = check(sheet, vocab, bodies)
    if problems:
        return Result(problems, rows=len(sheet.rows))
    with transaction.atomic():
        plan = Plan(reports, findings, publish, lock=not dry_run)
        problems = _scope_problems(plan, bodies)
        if problems:
            return Result(problems, rows=len(sheet.rows))
        if dry_run:
            return Result([], plan.summary, rows=len(sheet.rows))
        plan.store(vocab, user, source_name)
    return Result([], plan.summary, stored=True, rows=len(sheet.rows))


def _scope_problems(plan: Plan, bodies) -> list[Problem]:
    if bodies is ALL_BODIES:
        return []
    return [
        Problem(plan.reports[ref].row, "report_reference", f"report {shown(ref)} belongs to a body you may not import for")
        for ref, report in plan.existing.items() if report.body_id not in bodies
    ]

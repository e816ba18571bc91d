"""The vocabularies as a file, JSON or CSV, for the secretariat to keep, share and load back.

Import is all or nothing: every row is checked first and each problem named by row, column and
what is wrong; then every row is stored in one transaction (one taxonomy version), or none is.
It adds new terms and updates existing ones by slug, and never deletes: a term leaves the
vocabularies only by being merged into another."""

import csv
import io
import json
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from scrutiny.curation.models import Action
from scrutiny.taxonomy.services import current_version, versioned
from scrutiny.taxonomy.terms import KINDS, LISTS, PHRASE_SEPARATOR, clean_term, snapshot

FORMAT_NAME = "scrutiny-vocabularies"
CSV_COLUMNS = ["kind", "slug", "name", "name_cy", "description", "position", "group", "keywords", "exclusions"]
THEME_ONLY = ("group", "keywords", "exclusions")


# --- export ----------------------------------------------------------------------------------

def export(fmt: str) -> bytes:
    vocabularies = {kind.slug: [snapshot(t) for t in kind.model.objects.order_by("position", "slug")] for kind in KINDS.values()}
    if fmt == "json":
        document = {"format": FORMAT_NAME, "version": current_version(), "exported": timezone.now().isoformat(timespec="seconds"), **vocabularies}
        return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode()
    out = io.StringIO()
    writer = csv.DictWriter(out, CSV_COLUMNS)
    writer.writeheader()
    for kind, terms in vocabularies.items():
        for term in terms:
            row = {"kind": kind, **term}
            for name in LISTS:
                if name in row:
                    row[name] = f" {PHRASE_SEPARATOR} ".join(row[name])
            writer.writerow(row)
    return out.getvalue().encode("utf-8")


# --- import ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Problem:
    where: str  # "row 4" (CSV, counting the header as row 1) or "themes entry 3" (JSON)
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}, {self.column}: {self.message}" if self.column else f"{self.where}: {self.message}"


@dataclass
class Entry:
    where: str
    kind: str
    values: dict


@dataclass
class ImportResult:
    problems: list[Problem] = field(default_factory=list)
    rows: int = 0
    created: list[tuple[str, str]] = field(default_factory=list)  # (kind, slug)
    updated: list[tuple[str, str, dict]] = field(default_factory=list)  # (kind, slug, {field: (before, after)})
    unchanged: int = 0
    version: int | None = None  # the taxonomy version the import produced, when it stored anything

    @property
    def stored(self) -> bool:
        return self.version is not None


def import_vocabularies(data: bytes, fmt: str, user=None, dry_run: bool = False) -> ImportResult:
    result = ImportResult()
    entries = _read_json(data, result) if fmt == "json" else _read_csv(data, result)
    result.rows = len(entries)
    with transaction.atomic():  # every row is checked, those the reading refused aside
        plan = _check(entries, result)
        if result.problems or dry_run:
            return result
        _store(plan, user, result)
    return result


def _check(entries: list[Entry], result: ImportResult) -> list:
    """Each entry's cleaned values and the term it updates (None: new), with the changes noted."""
    plan, seen = [], {}
    for entry in entries:
        kind = KINDS[entry.kind]
        key = (entry.kind, entry.values.get("slug"))
        if key in seen and key[1]:
            result.problems.append(Problem(entry.where, "slug", f"“{key[1]}” is already in this file at {seen[key]}"))
            continue
        seen[key] = entry.where
        current = kind.model.objects.filter(slug=entry.values.get("slug") or "").first()
        values, problems = clean_term(kind, entry.values, current)
        result.problems += [Problem(entry.where, column, message) for column, message in problems]
        if problems:
            continue
        if current is None:
            result.created.append((entry.kind, values["slug"]))
        else:
            changes = {k: (getattr(current, k), v) for k, v in values.items() if getattr(current, k) != v}
            if changes:
                result.updated.append((entry.kind, current.slug, changes))
            else:
                result.unchanged += 1
        plan.append((kind, current, values))
    return plan


def _store(plan: list, user, result: ImportResult) -> None:
    before, after = {}, {}
    for kind, current, values in plan:
        if current is None:
            values.setdefault("position", kind.model.objects.count())
            term = kind.model.objects.create(**values)
            after[f"{kind.slug}/{term.slug}"] = "added"
            continue
        changed = {k: v for k, v in values.items() if getattr(current, k) != v}
        if changed:
            before[f"{kind.slug}/{current.slug}"] = {k: getattr(current, k) for k in changed}
            after[f"{kind.slug}/{current.slug}"] = changed
            for k, v in changed.items():
                setattr(current, k, v)
            current.save()
    if not after:
        return
    description = f"Imported the vocabularies: {len(result.created)} added, {len(result.updated)} updated"
    result.version = versioned(user, Action.IMPORTED, None, description, before, after).number


def _read_json(data: bytes, result: ImportResult) -> list[Entry]:
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        result.problems.append(Problem("the file", "", "is not UTF-8 text"))
        return []
    except json.JSONDecodeError as exc:
        result.problems.append(Problem(f"line {exc.lineno}", "", f"is not valid JSON ({exc.msg})"))
        return []
    if not isinstance(document, dict):
        result.problems.append(Problem("the file", "", "must hold one JSON object with the lists themes, populations and settings"))
        return []
    for key in document:
        if key not in {"format", "version", "exported", *KINDS}:
            result.problems.append(Problem("the file", key, "is not a part of a vocabularies file"))
    entries = []
    for kind in KINDS:
        terms = document.get(kind, [])
        if not isinstance(terms, list):
            result.problems.append(Problem("the file", kind, "must be a list of terms"))
            continue
        for number, term in enumerate(terms, start=1):
            where = f"{kind} entry {number}"
            if not isinstance(term, dict):
                result.problems.append(Problem(where, "", "must be an object with slug, name and the other fields"))
                continue
            entries.append(Entry(where, kind, term))
    return entries


def _read_csv(data: bytes, result: ImportResult) -> list[Entry]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        result.problems.append(Problem("the file", "", "is not UTF-8 text"))
        return []
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip().lower() for h in next(reader, [])]
    for missing in ("kind", "slug", "name"):
        if missing not in header:
            result.problems.append(Problem("row 1", missing, "this column is missing"))
    for name in header:
        if name not in CSV_COLUMNS:
            result.problems.append(Problem("row 1", name or "(blank)", f"is not a column of a vocabularies file ({', '.join(CSV_COLUMNS)})"))
    if result.problems:
        return []
    entries = []
    for number, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        where = f"row {number}"
        if len(cells) > len(header):
            result.problems.append(Problem(where, "", f"has {len(cells)} cells but the header names {len(header)} columns"))
            continue
        row = dict(zip(header, cells + [""] * (len(header) - len(cells))))
        kind = row.pop("kind").strip()
        if kind not in KINDS:
            result.problems.append(Problem(where, "kind", f"“{kind}” is not themes, populations or settings"))
            continue
        if kind != "themes":
            for name in THEME_ONLY:
                if row.pop(name, "").strip():
                    result.problems.append(Problem(where, name, f"only themes have {name}; leave it blank for {kind}"))
        entries.append(Entry(where, kind, row))
    return entries

"""An annual update of the deaths database from a CSV or XLSX file: check every row, then store
all of it in one transaction, or nothing.

A death already held is recognised by its natural key (models.natural_key: jurisdiction, surname,
forename and date of death) and updated; anything else is new. Nothing is deleted.

A row that repeats an earlier row of the file exactly is a problem that names the row it repeats
("row 57 repeats row 12"): the death is counted once, from the earlier row. Such repeats do not
stop the import (the death they repeat is stored), every other problem does: a file with one is
stored not at all. A row with the same person and date of death as an earlier row but different
cells is a conflict, and stops the import: which of the two is right is for a person to say."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.utils import timezone

from scrutiny.catalogue.models import EstablishmentAlias, Nation, establishment_key
from scrutiny.catalogue.register import find_establishment, register_establishment
from scrutiny.custody_deaths import columns
from scrutiny.custody_deaths.columns import REQUIRED, CellProblem, shown
from scrutiny.custody_deaths.models import (
    AnnualRelease, CauseCategory, CauseWording, Death, ImportRecord, InquiryStatus, Jurisdiction, natural_key,
)
from scrutiny.historic import template
from scrutiny.historic.template import UnreadableFile

STORED_FIELDS = [
    "surname", "forename", "date_of_birth", "notes", "age", "sex", "date_of_death", "establishment_in_source",
    "jurisdiction", "legal_status", "cause_category", "cause_in_source", "inquiry_status", "inquiry_started",
    "determination_issued", "determination_url",
]
INPUT_OF = {"establishment_in_source": "establishment", "cause_category": "cause", "cause_in_source": "cause"}
NATION_OF = {Jurisdiction.SCOTLAND: "scotland", Jurisdiction.NORTHERN_IRELAND: "northern-ireland"}


@dataclass(frozen=True)
class Problem:
    row: int | None
    column: str | None
    message: str
    blocking: bool = True  # False: a repeated row, reported and skipped

    def __str__(self) -> str:
        where = [f"row {self.row}"] if self.row is not None else []
        if self.column:
            where.append(f"column {self.column}")
        return f"{', '.join(where)}: {self.message}" if where else self.message


@dataclass
class Record:
    row: int
    key: str
    values: dict  # STORED_FIELDS
    place_name: str  # the establishment as the register should know it


@dataclass
class Result:
    rows: int = 0
    problems: list[Problem] = field(default_factory=list)
    wording: Counter = field(default_factory=Counter)  # cause as the file words it (rows counted)
    categories: Counter = field(default_factory=Counter)  # after normalisation
    outcome: Counter = field(default_factory=Counter)  # new / updated / unchanged
    new_places: list[tuple[str, str]] = field(default_factory=list)  # (wording in the file, name registered)
    stored: bool = False
    release: str = ""

    @property
    def rows_with_problems(self) -> int:
        return len({p.row for p in self.problems if p.row is not None})

    @property
    def valid(self) -> int:
        return self.rows - self.rows_with_problems

    @property
    def blocking(self) -> list[Problem]:
        return [p for p in self.problems if p.blocking]

    @property
    def can_store(self) -> bool:
        return self.rows > 0 and not self.blocking

    def last_line(self) -> str:
        return f"{self.rows} rows: {self.valid} valid, {self.rows_with_problems} with problems"

    def summary(self) -> dict:
        return {"rows": self.rows, "valid": self.valid, "problems": self.rows_with_problems,
                "new": self.outcome["new"], "updated": self.outcome["updated"],
                "unchanged": self.outcome["unchanged"], "new_places": len(self.new_places)}


# --- checking ---------------------------------------------------------------------------------

def _columns(sheet: template.Sheet) -> tuple[dict[str, int], list[Problem]]:
    found, problems = {}, []
    for index, name in enumerate(sheet.header):
        if not name.strip():
            continue
        field_name = columns.LOOKUP.get(columns.header_key(name))
        if field_name is None:
            problems.append(Problem(1, name, "is not a column this import knows (see the template's columns)"))
        elif field_name in found:
            problems.append(Problem(1, name, f"names the same thing as column {sheet.header[found[field_name]]}"))
        else:
            found[field_name] = index
    for field_name in REQUIRED:
        if field_name not in found:
            problems.append(Problem(1, field_name, "the column is missing (the first row names the columns)"))
    return found, problems


def default_jurisdiction(found: dict, given: str | None) -> str | None:
    """The jurisdiction of rows that do not say: as given, or, for the Ministry of Justice's
    layout (a CLASSIFICATION column and no jurisdiction), England and Wales, whose table it is."""
    if given:
        return given
    if "jurisdiction" not in found and "inquiry_status" not in found:
        return Jurisdiction.ENGLAND_AND_WALES
    return None


def check(sheet: template.Sheet, mapping: dict[str, str], jurisdiction: str | None = None, today: date | None = None):
    """Every problem, and the records the rows describe (one per death)."""
    found, problems = _columns(sheet)
    if [p for p in problems if p.column in REQUIRED or "same thing" in p.message]:
        return problems, []
    problems = [p for p in problems if p.row != 1] + [p for p in problems if p.row == 1]
    fallback = default_jurisdiction(found, jurisdiction)
    by_cells: dict[tuple, int] = {}
    by_key: dict[str, tuple[int, dict]] = {}
    records: list[Record] = []
    if not sheet.rows:
        problems.append(Problem(None, None, "the file has no rows under its header"))
    for number, cells in sheet.rows:
        cell = {name: (cells[i] if i < len(cells) else "") for name, i in found.items()}
        column_of = {name: sheet.header[i] for name, i in found.items()}
        same = tuple(c.strip() for c in cells)
        if same in by_cells:
            problems.append(Problem(number, None, f"repeats row {by_cells[same]}; the death is counted once", blocking=False))
            continue
        by_cells[same] = number
        mine: list[Problem] = []

        def parse(name, reader, *args):
            value = cell.get(name, "")
            try:
                if (bad := columns.CONTROL.search(value)) is not None:
                    raise CellProblem(f"holds a control character (U+{ord(bad.group()):04X})")
                if name in columns.LENGTHS and len(value) > columns.LENGTHS[name]:
                    raise CellProblem(f"is {len(value)} characters long; at most {columns.LENGTHS[name]} fit")
                return reader(value, *args)
            except CellProblem as exc:
                mine.append(Problem(number, column_of.get(name, name), str(exc)))
                return None

        values = {
            "surname": parse("surname", columns.text, True),
            "forename": parse("forename", columns.text),
            "date_of_birth": parse("date_of_birth", columns.day, False, today),
            "notes": parse("notes", str.strip),
            "age": parse("age", columns.age),
            "sex": parse("sex", columns.sex),
            "date_of_death": parse("date_of_death", columns.day, True, today),
            "establishment_in_source": parse("establishment", columns.text, True),
            "jurisdiction": parse("jurisdiction", columns.jurisdiction, fallback),
            "legal_status": parse("legal_status", columns.legal_status),
            "inquiry_status": parse("inquiry_status", columns.inquiry_status),
            "inquiry_started": parse("inquiry_started", columns.day, False, today),
            "determination_issued": parse("determination_issued", columns.day, False, today),
            "determination_url": parse("determination_url", columns.url),
        }
        category = parse("cause", columns.cause, mapping)
        if category is not None:
            values["cause_category"], values["cause_in_source"] = category
        if not mine:
            mine += _consistency(number, values, column_of)
        problems += mine
        if mine:
            continue
        key = natural_key(values["jurisdiction"], values["surname"], values["forename"], values["date_of_death"])
        if key in by_key:
            first, earlier = by_key[key]
            differ = list(dict.fromkeys(column_of.get(INPUT_OF.get(n, n), n) for n in STORED_FIELDS if earlier[n] != values[n]))
            problems.append(Problem(number, None, (
                f"is the same death as row {first} (same name and date of death) but differs in "
                f"{', '.join(differ)}; keep the right one"
            )))
            continue
        by_key[key] = (number, values)
        records.append(Record(number, key, values, columns.site_name(values["establishment_in_source"])))
    return problems, records


def _consistency(number: int, values: dict, column_of: dict) -> list[Problem]:
    found = []
    died, born = values["date_of_death"], values["date_of_birth"]
    if born and died:
        if born > died:
            found.append(Problem(number, column_of.get("date_of_birth"), "is after the date of death"))
        elif values["age"] is not None:
            years = died.year - born.year - ((died.month, died.day) < (born.month, born.day))
            if years != values["age"]:
                found.append(Problem(number, column_of.get("age"), f"{values['age']} does not agree with the dates of birth and death ({years})"))
    issued, started = values["determination_issued"], values["inquiry_started"]
    for name, when in (("inquiry_started", started), ("determination_issued", issued)):
        if when and died and when < died:
            found.append(Problem(number, column_of.get(name), "is before the date of death"))
    if issued and started and issued < started:
        found.append(Problem(number, column_of.get("determination_issued"), "is before the inquiry started"))
    status = values["inquiry_status"]
    if not status:
        values["inquiry_status"] = InquiryStatus.DETERMINED if issued else InquiryStatus.ONGOING if started else InquiryStatus.NOT_STARTED
    elif status == InquiryStatus.DETERMINED and not issued:
        found.append(Problem(number, column_of.get("inquiry_status"), "says a determination was issued but gives no date for it"))
    elif issued and status != InquiryStatus.DETERMINED:
        found.append(Problem(number, column_of.get("inquiry_status"), "gives a determination date, so the status is 'determination issued'"))
    return found


# --- planning and storing ---------------------------------------------------------------------

def mapping() -> dict[str, str]:
    return dict(CauseWording.objects.values_list("wording", "category"))


class Plan:
    """What storing the records would change, worked out against the database as it stands."""

    def __init__(self, records: list[Record], result: Result, lock: bool):
        self.records = records
        keys = [r.key for r in records]
        self.held: dict[str, Death] = {}
        for start in range(0, len(keys), 500):
            query = Death.objects.filter(natural_key__in=keys[start:start + 500])
            if lock:
                query = query.select_for_update()
            self.held.update({d.natural_key: d for d in query})
        self.places: dict[str, int | None] = {}
        self.changes: dict[str, list[str]] = {}
        seen_new = set()
        for record in records:
            wording = record.values["establishment_in_source"]
            if wording not in self.places:
                place = _find(record)
                self.places[wording] = place.pk if place else None
                if place is None and establishment_key(record.place_name) not in seen_new:
                    seen_new.add(establishment_key(record.place_name))
                    result.new_places.append((record.values["establishment_in_source"], record.place_name))
            held = self.held.get(record.key)
            if held is None:
                result.outcome["new"] += 1
            else:
                changed = [n for n in STORED_FIELDS if getattr(held, n) != record.values[n] and (n != "notes" or record.values[n])]
                if self.places[wording] != held.establishment_id:
                    changed.append("establishment")
                self.changes[record.key] = changed
                result.outcome["updated" if changed else "unchanged"] += 1

    def store(self, release: AnnualRelease) -> None:
        nations = {n.slug: n for n in Nation.objects.all()}
        resolved: dict[str, int] = {}
        new = []
        for record in self.records:
            values = record.values
            wording = values["establishment_in_source"]
            if wording not in resolved:
                nation = nations.get(NATION_OF.get(values["jurisdiction"], ""))
                place = _find(record) or register_establishment(record.place_name, None, nation)
                resolved[wording] = place.pk
            place_id = resolved[wording]
            if wording != record.place_name and not EstablishmentAlias.objects.filter(name__iexact=wording).exists():
                EstablishmentAlias.objects.create(name=wording, establishment_id=place_id, key=establishment_key(wording))
            held = self.held.get(record.key)
            if held is None:
                new.append(Death(natural_key=record.key, establishment_id=place_id, release=release,
                                 is_published=release.is_published, **values))
            elif self.changes.get(record.key):
                for name in STORED_FIELDS:
                    if name != "notes" or values[name]:  # notes kept by staff are not wiped by a file without any
                        setattr(held, name, values[name])
                held.establishment_id = place_id
                held.save()
        Death.objects.bulk_create(new, batch_size=500)


def _find(record: Record):
    """The place in the register: by the file's own wording first (a name a person confirmed as
    an alias), then by the site's name."""
    return find_establishment(record.values["establishment_in_source"]) or find_establishment(record.place_name)


def run_import(data: bytes, fmt: str, *, dry_run: bool = False, user=None, source_name: str = "a spreadsheet",
               release_name: str | None = None, jurisdiction: str | None = None, today: date | None = None) -> Result:
    """Check the file; unless this is a dry run or a row has a problem that stops it, store it."""
    result = Result()
    try:
        sheet = template.read(data, fmt)
    except UnreadableFile as exc:
        result.problems.append(Problem(None, None, str(exc)))
        return result
    result.rows = len(sheet.rows)
    problems, records = check(sheet, mapping(), jurisdiction, today)
    result.problems = problems
    for record in records:
        result.wording[record.values["cause_in_source"]] += 1
        result.categories[record.values["cause_category"]] += 1
    with transaction.atomic():
        plan = Plan(records, result, lock=not dry_run and result.can_store)
        if dry_run or not result.can_store:
            return result
        name = release_name or f"Update of {timezone.localdate().isoformat()}"
        release, _ = AnnualRelease.objects.get_or_create(name=name)
        plan.store(release)
        ImportRecord.objects.create(user=user, file_name=source_name[:200], release=release, summary=result.summary())
        result.stored, result.release = True, release.name
    return result


def category_label(slug: str) -> str:
    return str(dict(CauseCategory.choices).get(slug, slug))

"""Import of the tracker spreadsheet the secretariat kept before the Policy Tracker: every row is
checked first and every problem listed by row and column; then the whole file is stored in one
transaction, or nothing is.

The file is CSV (UTF-8) or XLSX, with a header row naming these columns, in any order; only
`slug`, `title` and `kind` are required, a missing column leaves that field as it is:

    slug          the item's address, lower-case words joined by hyphens (uncat-2025-review)
    title         the item's name
    kind          bill, consultation, inquiry, independent_review, treaty, guidance, court_case
                  (or the words the tracker shows: "Parliamentary inquiry", "Treaty process"...)
    treaty        for a treaty process: uncat, cpt, spt, iccpr or crc
    jurisdiction  uk, england_and_wales, scotland, northern_ireland, wales, international
    lead          the lead organisation (Ministry of Justice, Scottish Parliament Justice Committee)
    stage         upcoming, open, in_progress, awaiting_outcome, concluded
    summary       a paragraph the public may read
    link          the item's own address (https://...)
    action        the NPM's action: none, considering, drafting, submitted, published
    owner         e-mail address of the member of staff who owns the action
    notes         internal notes (never shown to the public)
    themes        theme slugs separated by ";" (segregation; use-of-force)
    opens, deadline, hearing, outcome_due, other
                  milestone dates, YYYY-MM-DD; several separated by ";". A milestone of that
                  kind and date already held is kept, not added twice; none is ever deleted.
    published     yes to publish the item; anything else (or no column) keeps it a draft
                  when new and as it was when known

Items are known by slug: a new slug adds an item, a known one updates it."""

import re
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth import get_user_model
from django.db import transaction

from scrutiny.catalogue.models import Theme
from scrutiny.historic.template import Sheet, UnreadableFile, read
from scrutiny.tracker.models import Action, Item, Jurisdiction, Kind, Milestone, MilestoneKind, Stage, Treaty

REQUIRED = ("slug", "title", "kind")
CHOICE_COLUMNS = {"kind": Kind, "treaty": Treaty, "jurisdiction": Jurisdiction, "stage": Stage, "action": Action}
TEXT_COLUMNS = {"title": 300, "lead": 300, "summary": 20_000, "link": 500, "notes": 20_000}
MILESTONE_COLUMNS = [k.value for k in MilestoneKind]
COLUMNS = [*REQUIRED, "treaty", "jurisdiction", "lead", "stage", "summary", "link", "action", "owner", "notes", "themes",
           *MILESTONE_COLUMNS, "published"]
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
RESERVED_SLUGS = {"private"}  # /tracker/private/... is the private calendar
MAX_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class Problem:
    row: int | None
    column: str
    message: str

    @property
    def where(self) -> str:
        return str(self.row) if self.row is not None else "–"


@dataclass
class Row:
    row: int
    slug: str
    values: dict  # Item fields to set
    owner: object = None
    themes: list | None = None
    milestones: list[tuple[str, date]] = field(default_factory=list)
    publish: bool | None = None


@dataclass
class Result:
    problems: list[Problem]
    rows: int = 0
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    milestones_added: int = 0
    stored: bool = False


def import_items(data: bytes, fmt: str, dry_run: bool = False) -> Result:
    try:
        sheet = read(data, fmt)
    except UnreadableFile as error:
        return Result([Problem(None, "", str(error))])
    rows, problems = check(sheet)
    result = Result(problems, rows=len(sheet.rows))
    if problems:
        return result
    known = set(Item.objects.filter(slug__in=[r.slug for r in rows]).values_list("slug", flat=True))
    result.created = [r.slug for r in rows if r.slug not in known]
    result.updated = [r.slug for r in rows if r.slug in known]
    if not dry_run:
        with transaction.atomic():
            result.milestones_added = sum(store(r) for r in rows)
        result.stored = True
    return result


def check(sheet: Sheet) -> tuple[list[Row], list[Problem]]:
    problems = [Problem(1, name, f"the column {name} is missing") for name in REQUIRED if name not in sheet.header]
    unknown = [name for name in sheet.header if name and name not in COLUMNS]
    problems += [Problem(1, name, f"unknown column {name}: the columns are {', '.join(COLUMNS)}") for name in unknown]
    if problems:
        return [], problems
    themes = {t.slug: t for t in Theme.objects.all()}
    people = {u.email.lower(): u for u in get_user_model().objects.filter(is_active=True) if u.email}
    rows, seen = [], {}
    for number, cells in sheet.rows:
        cell = {name: (cells[i].strip() if i < len(cells) else "") for i, name in enumerate(sheet.header) if name}
        row, found = check_row(number, cell, themes, people)
        problems += found
        if row is None:
            continue
        if row.slug in seen:
            problems.append(Problem(number, "slug", f"the slug {row.slug} is also on row {seen[row.slug]}"))
        seen.setdefault(row.slug, number)
        rows.append(row)
    if not sheet.rows:
        problems.append(Problem(None, "", "the file has a header but no rows"))
    return rows, problems


def check_row(number: int, cell: dict, themes: dict, people: dict) -> tuple[Row | None, list[Problem]]:
    problems = []

    def bad(column: str, message: str) -> None:
        problems.append(Problem(number, column, message))

    slug = cell.get("slug", "").lower()
    if not SLUG.match(slug) or len(slug) > 120:
        bad("slug", f"'{slug[:60]}' is not a slug: lower-case letters and digits joined by hyphens")
    elif slug in RESERVED_SLUGS:
        bad("slug", f"'{slug}' is kept for the tracker's own addresses")
    values = {}
    if not cell.get("title"):
        bad("title", "the title is empty")
    for name, limit in TEXT_COLUMNS.items():
        if name in cell:
            if len(cell[name]) > limit:
                bad(name, f"longer than {limit} characters")
            values[name] = cell[name]
    if values.get("link") and not values["link"].startswith(("https://", "http://")):
        bad("link", "an address starts with https://")
    for name, choices in CHOICE_COLUMNS.items():
        if name not in cell or (not cell[name] and name != "kind"):
            continue
        value = choice(choices, cell[name])
        if value is None:
            bad(name, f"'{cell[name][:60]}' is not one of {', '.join(v for v in choices.values if v)}")
        else:
            values[name] = value
    row = Row(number, slug, values)
    if cell.get("owner"):
        row.owner = people.get(cell["owner"].lower())
        if row.owner is None:
            bad("owner", f"nobody with the e-mail address {cell['owner'][:80]} has an account")
    if "themes" in cell:
        slugs = [s.strip().lower() for s in cell["themes"].split(";") if s.strip()]
        missing = [s for s in slugs if s not in themes]
        if missing:
            bad("themes", f"no theme {', '.join(missing)}")
        row.themes = [themes[s] for s in slugs if s in themes]
    for kind in MILESTONE_COLUMNS:
        for text in (t.strip() for t in cell.get(kind, "").split(";")):
            if not text:
                continue
            try:
                row.milestones.append((kind, date.fromisoformat(text)))
            except ValueError:
                bad(kind, f"'{text[:30]}' is not a date written like 2025-03-31")
    if "published" in cell:
        row.publish = cell["published"].lower() in ("yes", "y", "true", "1")
    return (None if problems else row), problems


def choice(choices, text: str) -> str | None:
    wanted = text.strip().lower()
    for value, label in choices.choices:
        if wanted in (value, str(label).lower(), value.replace("_", " ")):
            return value
    return None


def store(row: Row) -> int:
    """Create or update one item; the number of milestones added."""
    item = Item.objects.filter(slug=row.slug).first() or Item(slug=row.slug)
    for name, value in row.values.items():
        setattr(item, name, value)
    if row.owner is not None:
        item.owner = row.owner
    if row.publish is not None:
        item.is_published = row.publish
    item.save()
    if row.themes is not None:
        item.themes.set(row.themes)
    added = 0
    for kind, when in row.milestones:
        __, created = Milestone.objects.get_or_create(item=item, kind=kind, date=when)
        added += created
    return added

"""Writers for any table the dashboard shows, as CSV, JSON and XLSX, each saying in the file
itself where it came from, when, for which filter and under which licence, so it can be cited.

A table is its column names and an iterator of rows (dicts keyed by column). The rows are read
only while the response is being sent, so an export of a million findings never holds them all:
CSV and JSON are written row by row; XLSX (a zip, which cannot be sent before it is finished) is
written by openpyxl's write-only mode to a temporary file and sent from there.

Where CSV keeps its "about" block, a documented choice: in the first lines, before the header,
as `key,value` rows, then one empty line, then the table. A person opening it in a spreadsheet
sees the source and licence first; a program skips the lines up to the first empty one (a fixed
number, ABOUT_LINES, so `pandas.read_csv(..., skiprows=ABOUT_LINES)` works too). A trailing
block was the other choice, but it would be read as data rows by any reader that does not know.

Every text cell in CSV and XLSX goes through the historic export's `neutralise` (a cell a
spreadsheet would run as a formula gets a leading apostrophe), so both exports follow one rule.
"""

import csv
import io
import json
import tempfile
from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Iterable, Iterator

from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils.translation import gettext as _

from scrutiny.historic.template import FORMULA_STARTS, neutralise

LICENCE = "Open Government Licence v3.0"
LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
PUBLISHER = "UK National Preventive Mechanism – Reporting Dashboard"
LIST_SEPARATOR = "; "  # several themes, establishments, populations in one CSV or XLSX cell
FORMATS = ("csv", "json", "xlsx")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@dataclass(frozen=True)
class About:
    """What an export says about itself. `produced` is a date, not a time: the same export asked
    for twice in a day is the same file (and the leak matrix can compare the two)."""

    title: str  # what the table is: "Findings", "Findings by year and theme"
    source: str  # the absolute address of the dashboard view it came from
    filter_words: str  # the filter as a person would say it
    query_string: str  # the filter as the address has it
    produced: date = field(default_factory=date.today)

    def lines(self) -> list[tuple[str, str]]:
        return [
            ("about", f"{self.title} – {PUBLISHER}"),
            ("source", self.source),
            ("produced", self.produced.isoformat()),
            ("filter", self.filter_words),
            ("query_string", self.query_string),
            ("licence", f"{LICENCE} {LICENCE_URL}"),
        ]

    def as_json(self) -> dict:
        return {
            "title": self.title, "publisher": PUBLISHER, "source": self.source,
            "produced": self.produced.isoformat(), "filter": self.filter_words,
            "query_string": self.query_string, "licence": {"name": LICENCE, "url": LICENCE_URL},
        }


ABOUT_LINES = len(About("", "", "", "").lines()) + 1  # the block and the empty line after it


@dataclass
class Table:
    columns: list[str]
    rows: Iterable[dict]  # read lazily, once
    # For CSV only: rows are pieces of CSV already written (whole lines, each ending "\r\n", as
    # csv_lines would write them), sent as they come.
    lines: bool = False


def file_name(what: str, fmt: str, produced: date | None = None) -> str:
    """What and when: `findings-2025-06-01.csv`."""
    return f"{what}-{(produced or date.today()).isoformat()}.{fmt}"


def response(fmt: str, table: Table, about: About, what: str, extra: dict | None = None, whole: bool = False):
    """The export as a response that downloads under a name saying what and when. `extra` adds
    top-level keys to the JSON (a count, facet counts) before the rows; `whole`: a JSON page
    sent in one piece (json_response)."""
    writer: Callable = {"csv": csv_response, "json": json_response, "xlsx": xlsx_response}[fmt]
    result = writer(table, about, extra, whole) if fmt == "json" else writer(table, about)
    result["Content-Disposition"] = f'attachment; filename="{file_name(what, fmt, about.produced)}"'
    return result


# -- cells -------------------------------------------------------------------------------------


def text_of(value) -> str:
    """A value as one CSV or XLSX cell: lists joined, dates in ISO form, nothing as empty."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(text_of(v) for v in value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


_FIRST_RISKY = frozenset("'" + "".join(FORMULA_STARTS))


def safe_cell(value) -> str | int | float:
    """Numbers stay numbers; everything else is text a spreadsheet will not run. Exact types
    are tried first: an export of 10,000 findings asks this 180,000 times."""
    kind = type(value)
    if kind is str:
        return neutralise(value) if value and value[0] in _FIRST_RISKY else value
    if kind is int or kind is float:
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return neutralise(text_of(value))


# -- CSV ---------------------------------------------------------------------------------------


class _Line:
    """A file-like target for csv.writer that hands back each line written."""

    def write(self, text: str) -> str:
        return text


LINES_PER_CHUNK = 500  # a CSV is sent a few hundred lines at a time: one write per row is slow to send


def csv_lines(table: Table, about: About) -> Iterator[str]:
    """The about block, an empty line, the header, then one line per row, as they are read."""
    writer = csv.writer(_Line(), lineterminator="\r\n")
    # A byte order mark first, so that Excel reads the accents in names as UTF-8.
    yield "\ufeff" + "".join(writer.writerow([key, neutralise(value)]) for key, value in about.lines())
    yield writer.writerow([])
    yield writer.writerow(table.columns)
    if table.lines:
        yield from table.rows
        return
    columns, cell = table.columns, safe_cell
    yield from _batches(writer.writerow([cell(row.get(c)) for c in columns]) for row in table.rows)


def _batches(lines: Iterable[str]) -> Iterator[str]:
    """Lines joined a few hundred at a time, each piece sent as it is made."""
    batch = []
    for line in lines:
        batch.append(line)
        if len(batch) >= LINES_PER_CHUNK:
            yield "".join(batch)
            batch = []
    if batch:
        yield "".join(batch)


def csv_response(table: Table, about: About) -> StreamingHttpResponse:
    return StreamingHttpResponse((line.encode("utf-8") for line in csv_lines(table, about)), content_type=CONTENT_TYPES["csv"])


def read_csv(text: str) -> tuple[dict[str, str], list[dict[str, str]]]:
    """An export read back: its about block and its rows (used by tests and by anyone checking)."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    about = {}
    for cells in reader:
        if not cells:
            break
        about[cells[0]] = cells[1]
    header = next(reader)
    return about, [dict(zip(header, cells)) for cells in reader]


# -- JSON --------------------------------------------------------------------------------------


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, default=text_of)


def json_chunks(table: Table, about: About, extra: dict | None = None, rows_key: str = "rows") -> Iterator[str]:
    """`{"meta": …, <extra>…, "columns": […], "rows": [{…}, …]}`, the rows written as read."""
    yield '{"meta": ' + _json(about.as_json())
    for key, value in (extra or {}).items():
        yield f", {_json(key)}: {_json(value)}"
    yield f', "columns": {_json(table.columns)}, {_json(rows_key)}: ['
    separator = "\n"
    batch = []
    for row in table.rows:
        batch.append(separator + _json({c: row.get(c) for c in table.columns}))
        separator = ",\n"
        if len(batch) >= 200:
            yield "".join(batch)
            batch = []
    yield "".join(batch) + "\n]}\n"


def json_response(table: Table, about: About, extra: dict | None = None, whole: bool = False):
    """Streamed, the rows written as they are read; `whole` for a page of rows already in hand,
    sent with its length in one write rather than chunk by chunk."""
    chunks = (chunk.encode("utf-8") for chunk in json_chunks(table, about, extra))
    if whole:
        return HttpResponse(b"".join(chunks), content_type=CONTENT_TYPES["json"])
    return StreamingHttpResponse(chunks, content_type=CONTENT_TYPES["json"])


# -- XLSX --------------------------------------------------------------------------------------

ABOUT_SHEET = "About this data"


def write_xlsx(table: Table, about: About, target) -> None:
    """A workbook with the table on the first sheet and an "About this data" sheet after it."""
    import openpyxl
    from openpyxl.cell import WriteOnlyCell

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet(_sheet_title(about.title))

    def cell(value):
        value = safe_cell(value)
        if isinstance(value, str):
            value = WriteOnlyCell(sheet, value=value)
            value.data_type = "s"  # text, whatever it starts with
        return value

    sheet.append([cell(c) for c in table.columns])
    for row in table.rows:
        sheet.append([cell(row.get(c)) for c in table.columns])
    notes = book.create_sheet(ABOUT_SHEET)
    for key, value in about.lines():
        notes.append([key, neutralise(value)])
    book.save(target)


def xlsx_response(table: Table, about: About) -> FileResponse:
    # Built on disk, not in memory; the temporary file goes when the response is closed.
    spool = tempfile.TemporaryFile()
    write_xlsx(table, about, spool)
    spool.seek(0)
    return FileResponse(spool, content_type=CONTENT_TYPES["xlsx"])


def _sheet_title(title: str) -> str:
    # Excel allows 31 characters and none of []:*?/\ in a sheet's name.
    return "".join(c for c in title if c not in "[]:*?/\\")[:31] or _("Data")


# -- the filter of a FindingQuery, for the about block -----------------------------------------


def describe(query) -> str:
    """A FindingQuery's filter as a person would say it: `Body: HM Inspectorate of Prisons;
    Theme: Segregation or Use of force; Search: "strip search"`."""
    from scrutiny.findings.models import Kind, Status
    from scrutiny.findings.query import FACET_TITLES, FACETS

    vocabulary = query.vocabulary
    labels = {"kind": dict(Kind.choices), "status": dict(Status.choices)}
    parts = []
    for facet in FACETS:
        values = query.values_of(facet)
        if not values:
            continue
        if facet in ("body", "setting", "nation", "theme", "population") and vocabulary is not None:
            named = vocabulary._slugged(facet)
            words = [named[v].name if v in named else v for v in values]
        else:
            words = [str(labels.get(facet, {}).get(v, v)) for v in values]
        parts.append(f"{_(FACET_TITLES[facet])}: " + f" {_('or')} ".join(words))
    if query.published_from:
        parts.append(_("Published from: %(date)s") % {"date": query.published_from.isoformat()})
    if query.published_to:
        parts.append(_("Published to: %(date)s") % {"date": query.published_to.isoformat()})
    if query.q:
        parts.append(_("Search: “%(words)s”") % {"words": query.q})
    return "; ".join(parts) or _("All published findings")


def about_for(request, title: str, query, view_name: str, *args) -> About:
    """The about block of an export of the dashboard view `view_name` (e.g. "findings") with
    this query: the view's absolute address with the query string is the source."""
    from django.urls import reverse

    query_string = query.query_string()
    address = reverse(view_name, args=args) + (f"?{query_string}" if query_string else "")
    return About(title, request.build_absolute_uri(address), describe(query), query_string)

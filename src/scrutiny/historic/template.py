"""The template's columns, and reading and writing its cells in CSV and XLSX.

Cells are text. A cell that a spreadsheet would run as a formula (it starts with = + - @, a tab
or a carriage return) is written with a leading apostrophe, and reading takes exactly that
apostrophe off again, so an export read back gives the same text (see `neutralise`)."""

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime

REPORT_COLUMNS = [
    "report_reference", "body", "report_type", "report_title", "published", "establishment",
    "setting", "nation", "source_url",
]
FINDING_COLUMNS = [
    "finding_position", "kind", "number", "label_in_source", "text", "page", "section", "addressee",
    "status", "status_in_source", "themes", "populations",
]
COLUMNS = REPORT_COLUMNS + FINDING_COLUMNS
FORMATS = ("csv", "xlsx")

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LIST_SEPARATOR = ";"  # themes, populations, several establishments


class UnreadableFile(Exception):
    """The file as a whole cannot be read (not UTF-8, not a workbook, no header)."""


@dataclass
class Sheet:
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (row number as a spreadsheet shows it, cells)


def looks_like_formula(value: str) -> bool:
    return value.lstrip("'").startswith(FORMULA_STARTS)


def neutralise(value: str) -> str:
    """The cell as written: an apostrophe in front of anything a spreadsheet might run. A value
    that already starts with apostrophes before such a character gets one more, so that
    `restore` can always take exactly one off."""
    return "'" + value if looks_like_formula(value) else value


def restore(value: str) -> str:
    """The inverse of `neutralise`, applied to every cell read."""
    if value.startswith("'") and looks_like_formula(value[1:]):
        return value[1:]
    return value


def format_of(name: str, given: str | None = None) -> str:
    fmt = (given or (name.rsplit(".", 1)[-1] if "." in name else "")).lower()
    if fmt not in FORMATS:
        raise UnreadableFile(f"cannot tell the format of '{name}': name it .csv or .xlsx (or give --format)")
    return fmt


# --- reading -----------------------------------------------------------------------------------

def read(data: bytes, fmt: str) -> Sheet:
    rows = _read_csv(data) if fmt == "csv" else _read_xlsx(data)
    header = None
    body = []
    for number, cells in rows:
        if header is None:
            if any(c.strip() for c in cells):
                header = [c.strip().lower() for c in cells]
                while header and not header[-1]:
                    header.pop()
            continue
        if not any(c.strip() for c in cells):
            continue  # blank lines between rows are ignored
        body.append((number, [restore(c) for c in cells]))
    if header is None:
        raise UnreadableFile("the file is empty: the first row should name the columns")
    return Sheet(header, body)


def _read_csv(data: bytes):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableFile(f"the file is not UTF-8 text (byte {exc.start}); save it as CSV UTF-8") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        # A row's number is its place in the file, counting the header as row 1, as a
        # spreadsheet numbers it (a cell holding a line break does not start a new row).
        for number, cells in enumerate(reader, start=1):
            yield number, cells
    except csv.Error as exc:
        raise UnreadableFile(f"the CSV cannot be read near row {reader.line_num}: {exc}") from None


def _read_xlsx(data: bytes):
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        sheet = book.worksheets[0]
        rows = [(n, [cell_text(v) for v in values]) for n, values in enumerate(sheet.iter_rows(values_only=True), start=1)]
        book.close()
    except Exception as exc:  # a damaged or foreign file, whatever openpyxl makes of it
        raise UnreadableFile(f"the file is not a readable XLSX workbook ({type(exc).__name__})") from None
    return rows


def cell_text(value) -> str:
    """A spreadsheet cell as the text the template means by it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# --- writing -----------------------------------------------------------------------------------

def write_csv(rows) -> bytes:
    """UTF-8 with a byte order mark (so Excel reads the accents), CRLF line ends, every cell
    neutralised."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([neutralise(row[c]) for c in COLUMNS])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


INTEGER_COLUMNS = {"finding_position", "page"}


def write_xlsx(rows) -> bytes:
    """One sheet; positions and pages as numbers, everything else as text (never a formula)."""
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("findings")
    sheet.append(COLUMNS)
    for row in rows:
        cells = []
        for column in COLUMNS:
            value = row[column]
            if column in INTEGER_COLUMNS and value.isdigit():
                cells.append(int(value))
            else:
                cells.append(_text_cell(sheet, neutralise(value)))
        sheet.append(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _text_cell(sheet, value: str):
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"  # text, whatever it starts with
    return cell

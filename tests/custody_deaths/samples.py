"""Files for the deaths tests: a slice of the real England and Wales table (as published, with
its repeated rows) and update files in the Scottish template."""

import csv
import io
from pathlib import Path

REAL = Path("/work/shared/data/deaths-in-custody/moj_deaths_in_prison_custody_ew_1978_2014.csv")
SCOTTISH_COLUMNS = [
    "surname", "forename", "date_of_birth", "sex", "age", "date_of_death", "establishment", "jurisdiction",
    "legal_status", "cause", "fai_status", "fai_started", "fai_determination_issued", "fai_determination_url", "notes",
]


def real_lines(count: int) -> bytes:
    """The header and the first `count` rows of the real file, bytes as published."""
    lines = REAL.read_bytes().splitlines(keepends=True)
    return b"".join(lines[: count + 1])


def real_rows(count: int) -> list[dict]:
    return list(csv.DictReader(io.StringIO(real_lines(count).decode("utf-8-sig"))))


def scottish(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, SCOTTISH_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({c: row.get(c, "") for c in SCOTTISH_COLUMNS})
    return out.getvalue().encode()


def _letters(n: int) -> str:
    """n in letters (a name's key keeps only letters): 0 → 'a', 27 → 'bb'."""
    return chr(97 + n // 26) + chr(97 + n % 26) if n >= 26 else chr(97 + n)


def scottish_death(n: int, **changes) -> dict:
    """A made-up death in a Scottish prison (names invented for the tests)."""
    places = ["HMP Barlinnie", "HMP Edinburgh", "HMP Perth", "HMP Grampian", "HMP Addiewell", "HMP Low Moss"]
    causes = ["Natural causes", "Probable suicide", "Drug related", "Natural causes", "Accident", "Natural causes"]
    row = {
        "surname": "Testperson" + _letters(n), "forename": "Alasdair", "date_of_birth": f"{1960 + n % 30}-03-0{1 + n % 9}",
        "sex": "Male" if n % 7 else "Female", "age": "", "date_of_death": f"{2013 + n % 10}-0{1 + n % 9}-1{n % 10}",
        "establishment": places[n % len(places)], "jurisdiction": "Scotland", "legal_status": "Convicted" if n % 3 else "Remand",
        "cause": causes[n % len(causes)], "fai_status": "", "fai_started": "", "fai_determination_issued": "",
        "fai_determination_url": "", "notes": "",
    }
    row.update(changes)
    return row

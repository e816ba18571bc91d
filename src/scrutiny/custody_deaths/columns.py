"""The columns an update file may have, under the names two kinds of file give them, and how
each cell is read. No database here: the cause mapping is passed in.

Two layouts are accepted (header names are matched without regard to case, spaces, `_` or `-`):
- the Ministry of Justice table for England and Wales: SURNAME, NAME, SEX, AGE, DATE OF DEATH,
  ESTABLISHMENT, CLASSIFICATION (no jurisdiction column: the table is England and Wales);
- the Scottish template (docs in README section "Deaths in custody"): surname, forename,
  date_of_birth, sex, age, date_of_death, establishment, jurisdiction, legal_status, cause,
  fai_status, fai_started, fai_determination_issued, fai_determination_url, notes.
"""

import re
from datetime import date

from scrutiny.custody_deaths.models import CauseCategory, InquiryStatus, Jurisdiction, LegalStatus, Sex, wording_key

# field → the header names that mean it
HEADERS = {
    "surname": ["surname", "last name", "family name"],
    "forename": ["forename", "forenames", "name", "first name", "first names", "given name"],
    "date_of_birth": ["date of birth", "dob", "birth date"],
    "sex": ["sex", "gender"],
    "age": ["age", "age at death"],
    "date_of_death": ["date of death", "died", "death date"],
    "establishment": ["establishment", "prison", "place of death"],
    "jurisdiction": ["jurisdiction", "nation"],
    "legal_status": ["legal status"],
    "cause": ["cause", "classification", "cause of death", "cause category"],
    "inquiry_status": ["fai status", "inquiry status", "inquest status"],
    "inquiry_started": ["fai started", "inquiry started", "inquest started"],
    "determination_issued": ["fai determination issued", "determination issued", "fai determination date", "determination date"],
    "determination_url": ["fai determination url", "determination url", "determination link", "fai determination link"],
    "notes": ["notes", "note"],
}
REQUIRED = ("surname", "date_of_death", "establishment", "cause")
TEMPLATE = [
    "surname", "forename", "date_of_birth", "sex", "age", "date_of_death", "establishment", "jurisdiction",
    "legal_status", "cause", "fai_status", "fai_started", "fai_determination_issued", "fai_determination_url", "notes",
]
LENGTHS = {"surname": 200, "forename": 200, "establishment": 200, "cause": 200, "determination_url": 500, "notes": 5000}
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
OLDEST = date(1900, 1, 1)


class CellProblem(ValueError):
    pass


def header_key(name: str) -> str:
    return " ".join(re.sub(r"[_\-]", " ", name.casefold()).split())


LOOKUP = {header_key(alias): field for field, aliases in HEADERS.items() for alias in aliases}


def shown(value: str, limit: int = 60) -> str:
    value = value if len(value) <= limit else value[: limit - 1] + "…"
    return "'" + value.replace("\n", "\\n").replace("\r", "\\r") + "'"


# --- cells ------------------------------------------------------------------------------------

def text(value: str, required: bool = False) -> str:
    value = " ".join(value.split()) if "\n" not in value else value.strip()
    if required and not value:
        raise CellProblem("is empty; it is required")
    return value


def day(value: str, required: bool = False, today: date | None = None) -> date | None:
    """A date as the files write it: 17/01/1978 (day first, as in the UK) or 1978-01-17."""
    wanted = value.strip()
    if not wanted:
        if required:
            raise CellProblem("is empty; it is required")
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", wanted):
            found = date.fromisoformat(wanted)
        elif m := re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", wanted):
            found = date(int(m[3]), int(m[2]), int(m[1]))
        else:
            raise ValueError
    except ValueError:
        raise CellProblem(f"{shown(value)} is not a date (DD/MM/YYYY or YYYY-MM-DD)") from None
    if found > (today or date.today()):
        raise CellProblem(f"{shown(value)} is in the future")
    if found < OLDEST:
        raise CellProblem(f"{shown(value)} is before 1900")
    return found


def age(value: str) -> int | None:
    wanted = value.strip()
    if not wanted:
        return None  # four rows of the England and Wales table have none: recorded as unknown
    if not wanted.isascii() or not wanted.isdigit() or int(wanted) > 120:
        raise CellProblem(f"{shown(value)} is not an age (a whole number of years, 0 to 120)")
    return int(wanted)


def _choice(value: str, words: dict[str, str], what: str, empty: str) -> str:
    wanted = " ".join(value.casefold().replace("_", " ").replace("-", " ").split())
    if not wanted:
        return empty
    if wanted not in words:
        raise CellProblem(f"{shown(value)} is not a {what} ({', '.join(sorted(set(words) - {''}))})")
    return words[wanted]


SEX_WORDS = {"male": Sex.MALE, "m": Sex.MALE, "female": Sex.FEMALE, "f": Sex.FEMALE,
             "not recorded": Sex.NOT_RECORDED, "unknown": Sex.NOT_RECORDED}
JURISDICTION_WORDS = {
    "scotland": Jurisdiction.SCOTLAND, "england and wales": Jurisdiction.ENGLAND_AND_WALES,
    "england & wales": Jurisdiction.ENGLAND_AND_WALES, "northern ireland": Jurisdiction.NORTHERN_IRELAND,
}
LEGAL_WORDS = {
    "remand": LegalStatus.REMAND, "remanded": LegalStatus.REMAND, "untried": LegalStatus.REMAND,
    "convicted": LegalStatus.CONVICTED, "sentenced": LegalStatus.CONVICTED, "other": LegalStatus.OTHER,
    "not recorded": LegalStatus.NOT_RECORDED, "unknown": LegalStatus.NOT_RECORDED,
}
INQUIRY_WORDS = {
    "not started": InquiryStatus.NOT_STARTED, "ongoing": InquiryStatus.ONGOING, "open": InquiryStatus.ONGOING,
    "determination issued": InquiryStatus.DETERMINED, "determined": InquiryStatus.DETERMINED,
    "concluded": InquiryStatus.DETERMINED, "not required": InquiryStatus.NOT_REQUIRED,
}


def sex(value: str) -> str:
    return _choice(value, SEX_WORDS, "sex", Sex.NOT_RECORDED)


def jurisdiction(value: str, default: str | None) -> str:
    if not value.strip() and default is None:
        raise CellProblem("is empty; say Scotland, England and Wales or Northern Ireland")
    return _choice(value, JURISDICTION_WORDS, "jurisdiction", default or "")


def legal_status(value: str) -> str:
    return _choice(value, LEGAL_WORDS, "legal status", LegalStatus.NOT_RECORDED)


def inquiry_status(value: str) -> str:
    return _choice(value, INQUIRY_WORDS, "FAI or inquest status", "")


def cause(value: str, mapping: dict[str, str]) -> tuple[str, str]:
    """(category, the source's wording). The mapping is matched exactly first, then without
    regard to case; the category's own name is always understood."""
    wording = wording_key(value)
    if not wording:
        raise CellProblem("is empty; write the cause as the source gives it (or 'Not recorded')")
    if wording in mapping:
        return mapping[wording], wording
    folded = {k.casefold(): v for k, v in mapping.items()}
    folded.update({str(label).casefold(): slug for slug, label in CauseCategory.choices})
    if wording.casefold() in folded:
        return folded[wording.casefold()], wording
    raise CellProblem(f"{shown(wording)} is not in the cause mapping; add it at /manage/deaths/mapping with its category")


def url(value: str) -> str:
    value = value.strip()
    if value and (not value.startswith(("http://", "https://")) or any(c.isspace() for c in value)):
        raise CellProblem(f"{shown(value)} is not a web address (http:// or https://, no spaces)")
    return value


def site_name(establishment: str) -> str:
    """The place itself in the England and Wales table's compound names: 'Sheppey: Swaleside'
    is Swaleside (one of the Sheppey cluster), 'IoW: Parkhurst' is Parkhurst."""
    name = " ".join(establishment.split())
    if ":" in name:
        name = name.rsplit(":", 1)[1].strip() or name
    return name

"""Report metadata from the command line or a NAME.meta.json sidecar, checked before any work.

Options given on the command line win over the sidecar, so one wrong field in a folder of
sidecars can be corrected without editing files."""

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from scrutiny.catalogue.models import Body, Nation, Setting
from scrutiny.reports.models import LegalBasis, ReportType


class BadReport(Exception):
    """A report we will not store, with a reason meant for the person who gave it."""


@dataclass
class ReportMetadata:
    body: Body
    published: date
    report_type: str
    title: str = ""
    establishment: str = ""
    co_bodies: list[Body] = field(default_factory=list)
    setting: Setting | None = None
    nation: Nation | None = None
    fieldwork_start: date | None = None
    fieldwork_end: date | None = None
    legal_basis: str = ""
    source_url: str = ""
    language: str = "en"


def sidecar_path(path: Path) -> Path:
    return path.with_name(f"{path.stem}.meta.json")


def read_metadata(path: Path, overrides: dict) -> ReportMetadata:
    raw = _read_sidecar(path)
    raw.update({k: v for k, v in overrides.items() if v not in (None, "")})
    missing = [name for name in ("body", "published", "type") if not raw.get(name)]
    if missing:
        words = {"body": "body (--body)", "published": "publication date (--date)", "type": "report type (--type)"}
        raise BadReport(
            "missing metadata: " + ", ".join(words[m] for m in missing)
            + f"; give the options or write {sidecar_path(path).name}"
        )
    return ReportMetadata(
        body=find_body(raw["body"]),
        co_bodies=[find_body(b) for b in raw.get("co_bodies") or []],
        published=_date(raw["published"], "publication date"),
        report_type=_report_type(raw["type"]),
        title=str(raw.get("title") or "").strip(),
        establishment=str(raw.get("establishment") or "").strip(),
        setting=_vocabulary(Setting, raw.get("setting"), "setting"),
        nation=_vocabulary(Nation, raw.get("nation"), "nation"),
        fieldwork_start=_date(raw.get("fieldwork_start"), "fieldwork start", required=False),
        fieldwork_end=_date(raw.get("fieldwork_end"), "fieldwork end", required=False),
        legal_basis=_choice(LegalBasis, raw.get("legal_basis"), "legal basis"),
        source_url=str(raw.get("source_url") or ""),
        language=str(raw.get("language") or "en"),
    )


def find_body(given: str) -> Body:
    """A body by slug, name, short name or a former name, as people write them."""
    wanted = str(given).strip().lower()
    for body in Body.objects.all():
        names = {body.slug, body.name.lower(), body.short_name.lower(), *(a.lower() for a in body.aliases)}
        if wanted in names:
            return body
    raise BadReport(f"unknown body '{given}' (use a slug such as hmip, imb, hmips, cqc; see /bodies)")


def _read_sidecar(path: Path) -> dict:
    sidecar = sidecar_path(path)
    if not sidecar.exists():
        return {}
    try:
        raw = json.loads(sidecar.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise BadReport(f"{sidecar.name} is not valid JSON ({exc})") from exc
    if not isinstance(raw, dict):
        raise BadReport(f"{sidecar.name} should hold one JSON object")
    return raw


def _date(value, what: str, required: bool = True) -> date | None:
    if not value:
        if required:
            raise BadReport(f"missing metadata: {what}")
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise BadReport(f"{what} '{value}' is not a date (use YYYY-MM-DD)") from exc


def _report_type(value: str) -> str:
    wanted = str(value).strip().lower()
    for choice in ReportType:
        if wanted in (choice.value, choice.label.lower()):
            return choice.value
    known = ", ".join(c.value for c in ReportType)
    raise BadReport(f"unknown report type '{value}' (one of {known})")


def _choice(choices, value, what: str) -> str:
    if not value:
        return ""
    if value in choices.values:
        return value
    raise BadReport(f"unknown {what} '{value}' (one of {', '.join(choices.values)})")


def _vocabulary(model, value, what: str):
    if not value:
        return None
    found = model.objects.filter(slug=value).first()
    if found is None:
        raise BadReport(f"unknown {what} '{value}'")
    return found

"""The one place where the Django side calls the pure extraction core."""

from dataclasses import dataclass
from pathlib import Path

from scrutiny.core.document import UnreadableDocument
from scrutiny.reports.metadata import BadReport


@dataclass
class ExtractedReport:
    findings: list
    page_count: int | None
    profile: str
    title: str


def extract_report(path: Path) -> ExtractedReport:
    from scrutiny.core.extract import extract_findings
    from scrutiny.core.profiles import choose_profile
    from scrutiny.core.text import read_document

    try:
        document = read_document(path)
    except UnreadableDocument as exc:
        raise BadReport(str(exc)) from exc
    profile = choose_profile(document)
    findings = extract_findings(document, profile)
    title = next((b.text for b in document.blocks if b.is_heading), "")
    return ExtractedReport(findings=findings, page_count=document.page_count, profile=profile.name, title=title[:500])

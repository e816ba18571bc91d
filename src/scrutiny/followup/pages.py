"""What the public finding page shows of follow-up."""

from scrutiny.findings.query import public_findings, with_context


def finding_context(finding) -> dict:
    return {
        "assesses": public_findings().filter(id=finding.assesses_id).select_related("report").first(),
        "assessed_by": with_context(public_findings().filter(assesses_id=finding.id)),
    }

"""What the public finding page shows of repeats (skeleton)."""


def finding_context(finding) -> dict:
    return {}

"""Full-text search behind one small interface, whichever database is in use."""

import re

from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

_WORD = re.compile(r"\w+", re.UNICODE)


def matching(findings: QuerySet, query: str) -> QuerySet:
    """Findings whose text contains every word of the query (stemmed), best match first."""
    words = _WORD.findall(query)
    if not words:
        return findings
    if connection.vendor == "sqlite":
        # Each word quoted, so that FTS5 syntax typed by a user ("AND", "*", quotes) is text.
        match = " ".join(f'"{w}"' for w in words)
        ids = RawSQL("SELECT rowid FROM findings_finding_fts WHERE findings_finding_fts MATCH %s", [match])
        rank = RawSQL(
            "(SELECT bm25(findings_finding_fts) FROM findings_finding_fts"
            " WHERE findings_finding_fts MATCH %s AND rowid = findings_finding.id)",
            [match],
        )
        return findings.filter(id__in=ids).annotate(search_rank=rank).order_by("search_rank", "id")
    tsquery = "plainto_tsquery('english'::regconfig, %s)"
    return (
        findings.extra(where=[f"findings_finding.search_vector @@ {tsquery}"], params=[" ".join(words)])
        .annotate(search_rank=RawSQL(f"ts_rank(findings_finding.search_vector, {tsquery})", [" ".join(words)]))
        .order_by("-search_rank", "id")
    )

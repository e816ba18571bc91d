"""Full-text search behind one small interface, whichever database is in use.

    containing(findings, q)  the findings whose text has every word of q (stemmed)
    matching(findings, q)    the same, best match first
"""

import re

from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

# Runs of letters and digits: an underscore parts words, as both FTS5's tokenizer and
# PostgreSQL's parser have it, and PostgreSQL's parser takes time growing with the square of
# a long run of underscore-joined words ("a_a_a..." of 40,000 characters took 44 s).
_WORD = re.compile(r"[^\W_]+")
_PG_QUERY = "plainto_tsquery('english'::regconfig, %s)"
# More different words than a search from the page can hold (200 characters). A caller without
# that cut could send any number: PostgreSQL's @@ runs out of stack (an error) at 100,000.
MAX_WORDS = 100


def _words(query: str) -> list[str]:
    """The different words of a search, in order, at most MAX_WORDS of them."""
    return list(dict.fromkeys(word.lower() for word in _WORD.findall(query)))[:MAX_WORDS]


def _fts5_query(words: list[str]) -> str:
    # Each word quoted, so that FTS5 syntax typed by a user ("AND", "*", quotes) is only text.
    return " ".join(f'"{w}"' for w in words)


def containing(findings: QuerySet, query: str) -> QuerySet:
    words = _words(query)
    if not words:
        return findings
    # A self-contained sub-select names no outer table, so it survives being nested in the
    # facet queries, where Django renames the tables.
    if connection.vendor == "sqlite":
        ids = RawSQL("SELECT rowid FROM findings_finding_fts WHERE findings_finding_fts MATCH %s", [_fts5_query(words)])
    else:
        ids = RawSQL(f"SELECT id FROM findings_finding WHERE search_vector @@ {_PG_QUERY}", [" ".join(words)])
    return findings.filter(id__in=ids)


def matching(findings: QuerySet, query: str) -> QuerySet:
    words = _words(query)
    if not words:
        return findings
    if connection.vendor == "sqlite":
        # A join on the FTS table gives its bm25 rank for free; a correlated sub-select per row
        # took minutes for a common word on 300,000 findings.
        return findings.extra(
            tables=["findings_finding_fts"],
            where=["findings_finding_fts.rowid = findings_finding.id", "findings_finding_fts MATCH %s"],
            params=[_fts5_query(words)],
            select={"search_rank": "findings_finding_fts.rank"},
        ).order_by("search_rank", "id")
    text = " ".join(words)
    return findings.extra(
        where=[f"findings_finding.search_vector @@ {_PG_QUERY}"], params=[text],
        select={"search_rank": f"ts_rank(findings_finding.search_vector, {_PG_QUERY})"}, select_params=[text],
    ).order_by("-search_rank", "id")

"""FindingQuery's answers in plain SQL through the ORM: the definition the in-memory engine
(findings.answers) must agree with, kept as the oracle of the parity tests and as the path
taken when settings.SCRUTINY_QUERY_ENGINE is "sql". Slow at a million findings (1.4 s for a
broad facet page), exact at any size.

Keys are what the finding's columns hold (body id, year, the kind's stored value…), as in the
engine; FindingQuery turns them into address values.
"""

from collections import Counter

from django.db.models import Count

from scrutiny.findings import query as finding_query  # imported by it: names read at call time
from scrutiny.findings.models import PopulationTag, Tag
from scrutiny.findings.search import containing

TAG_PATHS = {"theme": "tags__theme_id", "population": "population_tags__population_id"}


def _scope(query, except_facet: str | None = None):
    scope = query._filtered(finding_query.public_findings(), except_facet=except_facet)
    return containing(scope, query.q) if query.q else scope


def count(query) -> int:
    return _scope(query).count()


def ids(query, start: int, stop: int) -> list[int]:
    return list(query.findings().values_list("id", flat=True)[start:stop])


def counts(query, *dimensions: str) -> Counter:
    paths = {**TAG_PATHS, **finding_query.COLUMNS}
    rows = _scope(query).order_by().values_list(*[paths[d] for d in dimensions]).annotate(n=Count("id"))
    counted: Counter = Counter()
    for *keys, n in rows:
        if any(k is None for k in keys):
            continue
        counted[tuple(keys)] += n
    return counted


def facet_counts(query, name: str) -> dict:
    scope = _scope(query, except_facet=name)
    # A finding carries a theme at most once (the tag_unique constraint), so counting tags
    # counts distinct findings, without the cost of COUNT(DISTINCT).
    if name == "theme":
        rows = Tag.objects.filter(finding__in=scope).values_list("theme_id").annotate(n=Count("id"))
    elif name == "population":
        rows = PopulationTag.objects.filter(finding__in=scope).values_list("population_id").annotate(n=Count("id"))
    else:
        rows = scope.order_by().values_list(finding_query.COLUMNS[name]).annotate(n=Count("id"))
    return {key: n for key, n in rows if key is not None}

"""The one query path over published findings, shared by the pages now and exports and the API
later: read the filters from a query string, check them, apply them, and count each facet.

The addresses are stable (DESIGN §6): `/findings?body=&setting=&nation=&year=&period=&kind=
&theme=&population=&status=&q=`, slugs, a parameter repeated for several values. Values within
one facet are alternatives (OR); different facets narrow each other (AND). Each facet counts
over the current query with every filter except its own, as Datasette does, so that ticking a
second value of a facet shows how many it would add rather than zero.

An unknown value is dropped and reported back to the page, never an error: addresses get
bookmarked, and a vocabulary entry can be renamed after the bookmark was made.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlencode

from django.db import connection
from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext, gettext_lazy as _

from scrutiny.catalogue.models import Body, Establishment, Nation, Population, Setting, Theme
from scrutiny.findings import sql_query  # the SQL answers (it reads this module at call time)
from scrutiny.findings.models import Finding, Kind, PopulationTag, Status, Tag
from scrutiny.findings.search import containing, matching
from scrutiny.reports.models import Report, reporting_year_label

FACETS = ("body", "setting", "nation", "year", "period", "kind", "theme", "population", "status")
# Facets held as a column of Finding (copied from its report so that counting needs no join).
COLUMNS = {
    "body": "body_id",
    "setting": "setting_id",
    "nation": "nation_id",
    "year": "year",
    "period": "reporting_year",
    "kind": "kind",
    "status": "status",
}
# Lazy: translated into the reader's language when a page shows them.
FACET_TITLES = {
    "body": _("Body"),
    "setting": _("Setting"),
    "nation": _("Nation"),
    "year": _("Year published"),
    "period": _("Reporting year (April to March)"),
    "kind": _("Kind of finding"),
    "theme": _("Theme"),
    "population": _("Population"),
    "status": _("Status"),
}
MAX_QUERY_LENGTH = 200
_PERIOD = re.compile(r"^(\d{4})-(\d{2})$", re.ASCII)
_EARLIEST_YEAR, _LATEST_YEAR = 1990, 2100


def with_context(findings: QuerySet) -> QuerySet:
    """Findings with what a list shows beside each: its report, body and places."""
    return findings.select_related("report", "body").prefetch_related(
        Prefetch("report__establishments", queryset=Establishment.objects.order_by("name"))
    )


def public_findings() -> QuerySet:
    """Every finding the public may see. A finding carries its own published flag; the check on
    its report as well costs one small subquery (drafts are few) and means a report taken down
    takes all its findings with it, whatever their own flags say."""
    hidden_reports = Report.objects.filter(is_published=False).values("id")
    return Finding.objects.filter(is_published=True).exclude(report_id__in=hidden_reports)


@dataclass(frozen=True)
class FacetValue:
    facet: str
    value: str  # what goes in the address: a slug, a year, "2024-25"
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class Facet:
    name: str
    title: str
    values: list[FacetValue]

    @property
    def selected_values(self) -> list[FacetValue]:
        return [v for v in self.values if v.selected]


@dataclass(frozen=True)
class Ignored:
    parameter: str
    value: str
    reason: str


@dataclass
class FindingQuery:
    """Filters read from a query string, already checked against the vocabularies."""

    selected: dict[str, list[str]] = field(default_factory=dict)
    q: str = ""
    # A custom range of publication dates (`?from=2024-04-01&to=2024-09-30`), inclusive.
    published_from: date | None = None
    published_to: date | None = None
    ignored: list[Ignored] = field(default_factory=list)
    vocabulary: "Vocabulary | None" = None

    @property
    def is_filtered(self) -> bool:
        return bool(self.q or any(self.selected.values()) or self.published_from or self.published_to)

    def values_of(self, facet: str) -> list[str]:
        return self.selected.get(facet, [])

    def query_string(self, without: tuple[str, str] | None = None, keep_q: bool = True, **extra) -> str:
        """This query as an address, optionally without one chosen value or the search (for
        the links that remove them), plus any extra parameters such as the page."""
        pairs = [
            (facet, value)
            for facet in FACETS
            for value in self.values_of(facet)
            if (facet, value) != without
        ]
        if self.published_from and without != ("from", self.published_from.isoformat()):
            pairs.append(("from", self.published_from.isoformat()))
        if self.published_to and without != ("to", self.published_to.isoformat()):
            pairs.append(("to", self.published_to.isoformat()))
        if self.q and keep_q:
            pairs.append(("q", self.q))
        pairs.extend((k, v) for k, v in extra.items() if v not in (None, ""))
        return urlencode(pairs)

    def findings(self) -> QuerySet:
        """The published findings that match, best search match first, else newest first."""
        found = self._filtered(public_findings())
        if self.q:
            return matching(found, self.q)
        return found.order_by("-year", "-report__published", "-report_id", "position")

    def count(self) -> int:
        """How many published findings match."""
        return self._answers().count() if _in_memory() else sql_query.count(self)

    def ids(self, start: int, stop: int) -> list[int]:
        """The ids of matching findings from `start` to `stop` in the order of findings() (by
        relevance for a search: BM25 from the engine's own index, ties by id)."""
        return self._answers().ids(start, stop) if _in_memory() else sql_query.ids(self, start, stop)

    def _answers(self):
        """This query answered by the in-memory engine (findings.engine). The answers are kept
        with the query, so a page's count, ids and nine facets share one search and one snapshot
        (and agree with each other even if a change lands half way); a query changed since gets
        new answers from the snapshot current then."""
        from scrutiny.findings import engine
        from scrutiny.findings.answers import Answers

        key = (self.q, repr(self.selected), self.published_from, self.published_to)
        cached = self.__dict__.get("_cached_answers")
        if cached is None or cached[0] != key:
            cached = self.__dict__["_cached_answers"] = (key, Answers(self, engine.current()))
        return cached[1]

    def listing(self) -> "FindingList":
        """The matching findings as a sequence a Paginator can page through: counted once, and
        each page fetched by id with what a list shows beside each finding."""
        return FindingList(self)

    def counts(self, *dimensions: str) -> Counter:
        """Matching findings counted by one or more dimensions (any of FACETS), keyed by the
        values an address uses: `counts("year", "theme")[("2024", "segregation")]`. A finding
        with two themes counts once under each."""
        for dimension in dimensions:
            if dimension not in FACETS:
                raise ValueError(f"cannot count by {dimension!r}")
        vocabulary = self.vocabulary or Vocabulary.load()
        by_key = self._answers().counts(*dimensions) if _in_memory() else sql_query.counts(self, *dimensions)
        counted: Counter = Counter()
        for keys, n in by_key.items():
            counted[tuple(vocabulary.value_of(d, k) for d, k in zip(dimensions, keys))] += n
        return counted

    def facets(self) -> list[Facet]:
        vocabulary = self.vocabulary or Vocabulary.load()
        return [self._facet(name, vocabulary) for name in FACETS]

    def _filtered(self, findings: QuerySet, except_facet: str | None = None) -> QuerySet:
        vocabulary = self.vocabulary or Vocabulary.load()
        for facet, values in self.selected.items():
            if facet == except_facet or not values:
                continue
            if facet == "theme":
                ids = [vocabulary.themes[v].id for v in values]
                findings = findings.filter(id__in=Tag.objects.filter(theme_id__in=ids).values("finding_id"))
            elif facet == "population":
                ids = [vocabulary.populations[v].id for v in values]
                findings = findings.filter(
                    id__in=PopulationTag.objects.filter(population_id__in=ids).values("finding_id")
                )
            else:
                keys = [vocabulary.key(facet, v) for v in values]
                findings = findings.filter(**{f"{COLUMNS[facet]}__in": keys})
        if self.published_from:
            findings = findings.filter(report__published__gte=self.published_from)
        if self.published_to:
            findings = findings.filter(report__published__lte=self.published_to)
        return findings

    def _scope(self, except_facet: str) -> QuerySet:
        """The findings a facet counts over: the query with every filter but its own."""
        scope = self._filtered(public_findings(), except_facet=except_facet)
        if self.q:
            # Only the rows matter here, not the rank.
            scope = containing(scope, self.q)
        return scope

    def _facet(self, name: str, vocabulary: "Vocabulary") -> Facet:
        counts = self._answers().facet_counts(name) if _in_memory() else sql_query.facet_counts(self, name)
        chosen = set(self.values_of(name))
        values = [
            FacetValue(name, value, label, counts.get(key, 0), value in chosen)
            for key, value, label in vocabulary.options(name, counts)
            if counts.get(key) or value in chosen
        ]
        return Facet(name, FACET_TITLES[name], values)


def _in_memory() -> bool:
    """The engine answers unless settings say "sql" (findings.sql_query, the tests' oracle)."""
    from django.conf import settings

    return getattr(settings, "SCRUTINY_QUERY_ENGINE", "memory") != "sql"


class FindingList:
    """A query's findings as a sequence for django.core.paginator.Paginator."""

    def __init__(self, query: FindingQuery):
        self.query = query
        self._count: int | None = None

    def count(self) -> int:
        if self._count is None:
            self._count = self.query.count()
        return self._count

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list:
        if not isinstance(window, slice):
            raise TypeError("a finding list is read a page at a time")
        ids = self.query.ids(window.start or 0, window.stop if window.stop is not None else self.count())
        by_id = {f.id: f for f in with_context(Finding.objects.filter(id__in=ids))}
        return [by_id[i] for i in ids if i in by_id]


_loaded = None  # (signature of the tables, the Vocabulary built from them)


class Vocabulary:
    """The vocabularies a query string is checked against, loaded once per request (small
    tables), with the mapping from the slug in an address to the key stored on a finding."""

    def __init__(self, bodies, settings, nations, themes, populations):
        self.bodies = {b.slug: b for b in bodies}
        self.settings = {s.slug: s for s in settings}
        self.nations = {n.slug: n for n in nations}
        self.themes = {t.slug: t for t in themes}
        self.populations = {p.slug: p for p in populations}

    @classmethod
    def load(cls) -> "Vocabulary":
        """The vocabularies as the database holds them now. Building the model objects cost
        ~5 ms a request at a million findings; reading the five small tables' raw rows costs a
        tenth of that, so the objects are built again only when a row differs (an edit, a merge,
        reference data loaded again with new ids)."""
        global _loaded
        with connection.cursor() as cursor:
            rows = []
            for model in (Body, Setting, Nation, Theme, Population):
                cursor.execute(f"SELECT * FROM {connection.ops.quote_name(model._meta.db_table)} ORDER BY 1")
                rows.append(tuple(cursor.fetchall()))
        signature = (connection.alias, connection.settings_dict["NAME"], tuple(rows))
        held = _loaded
        if held is not None and held[0] == signature:
            return held[1]
        vocabulary = cls(
            Body.objects.order_by("name"),
            Setting.objects.all(),
            Nation.objects.all(),
            Theme.objects.all(),
            Population.objects.all(),
        )
        _loaded = (signature, vocabulary)
        return vocabulary

    def _slugged(self, facet: str) -> dict:
        return {
            "body": self.bodies, "setting": self.settings, "nation": self.nations,
            "theme": self.themes, "population": self.populations,
        }[facet]

    def check(self, facet: str, value: str) -> tuple[str | None, str]:
        """The value in its canonical form, or None and the reason it cannot be used."""
        value = value.strip()
        if facet in ("body", "setting", "nation", "theme", "population"):
            slug = value.lower()
            if slug in self._slugged(facet):
                return slug, ""
            return None, gettext("there is no %(facet)s “%(value)s”") % {"facet": str(FACET_TITLES[facet]).lower(), "value": value}
        if facet == "kind":
            return (value, "") if value in Kind.values else (None, gettext("there is no kind of finding “%(value)s”") % {"value": value})
        if facet == "status":
            return (value, "") if value in Status.values else (None, gettext("there is no status “%(value)s”") % {"value": value})
        if facet == "year":
            # isascii as well: "²" passes isdigit() but not int(), and int() refuses 5,000 digits.
            if value.isascii() and value.isdigit() and len(value) <= 6 and _EARLIEST_YEAR <= int(value) <= _LATEST_YEAR:
                return str(int(value)), ""
            return None, gettext("a year is four digits, such as 2024")
        if facet == "period":
            match = _PERIOD.match(value)
            if match and _EARLIEST_YEAR <= int(match[1]) <= _LATEST_YEAR and (int(match[1]) + 1) % 100 == int(match[2]):
                return match[1] + "-" + match[2], ""
            return None, gettext("a reporting year is written like 2024-25 (April 2024 to March 2025)")
        return None, gettext("not a filter")

    def key(self, facet: str, value: str):
        """What the finding's column holds for a checked value from the address."""
        if facet in ("body", "setting", "nation"):
            return self._slugged(facet)[value].id
        if facet == "year":
            return int(value)
        if facet == "period":
            return int(value[:4])
        return value

    def value_of(self, facet: str, key) -> str:
        """The address value for what a finding's column holds (the inverse of key())."""
        if facet in ("body", "setting", "nation", "theme", "population"):
            if not hasattr(self, "_slug_by_id"):
                self._slug_by_id = {
                    name: {item.id: slug for slug, item in self._slugged(name).items()}
                    for name in ("body", "setting", "nation", "theme", "population")
                }
            return self._slug_by_id[facet][key]
        if facet == "period":
            return reporting_year_label(key)
        return str(key)

    def options(self, facet: str, counts: dict) -> list[tuple]:
        """(stored key, address value, label) for each value a facet can show, in display order."""
        if facet in ("body", "setting", "nation", "theme", "population"):
            return [(item.id, slug, getattr(item, "shown_name", item.name)) for slug, item in self._slugged(facet).items()]
        # str(): the label in the reader's language now, as a plain string for the JSON twins.
        if facet == "kind":
            return [(k.value, k.value, str(k.label)) for k in Kind]
        if facet == "status":
            return [(s.value, s.value, str(s.label)) for s in Status]
        if facet == "year":
            return [(y, str(y), str(y)) for y in sorted(counts, reverse=True) if y is not None]
        if facet == "period":
            return [(y, reporting_year_label(y), reporting_year_label(y)) for y in sorted(counts, reverse=True) if y is not None]
        return []


def parse(params, vocabulary: Vocabulary | None = None) -> FindingQuery:
    """Read `?body=…&q=…` (a Django QueryDict or a dict of lists) into a checked query."""
    vocabulary = vocabulary or Vocabulary.load()
    query = FindingQuery(vocabulary=vocabulary)
    for facet in FACETS:
        chosen: list[str] = []
        for raw in _get_list(params, facet):
            if not raw.strip():
                continue  # an empty field in a submitted form is not a filter
            value, reason = vocabulary.check(facet, raw)
            if value is None:
                query.ignored.append(Ignored(facet, raw[:60], reason))
            elif value not in chosen:
                chosen.append(value)
        if chosen:
            query.selected[facet] = chosen
    for name, attribute in (("from", "published_from"), ("to", "published_to")):
        raw = next((v.strip() for v in _get_list(params, name) if v.strip()), "")
        if raw:
            try:
                setattr(query, attribute, date.fromisoformat(raw[:10]) if len(raw) == 10 else None)
            except ValueError:
                pass
            if getattr(query, attribute) is None:
                query.ignored.append(Ignored(name, raw[:60], "a date is written like 2024-04-01"))
    q = " ".join(" ".join(_get_list(params, "q")).split())
    if len(q) > MAX_QUERY_LENGTH:
        query.ignored.append(Ignored("q", q[:60] + "…", f"searches are cut to {MAX_QUERY_LENGTH} characters"))
        q = q[:MAX_QUERY_LENGTH]
    query.q = q
    return query


def _get_list(params, name: str) -> list[str]:
    if hasattr(params, "getlist"):
        return params.getlist(name)
    value = params.get(name, [])
    return [value] if isinstance(value, str) else list(value)

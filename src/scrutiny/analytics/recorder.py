"""Counts kept in memory per process and added to the database in one transaction every few
seconds (FLUSH_SECONDS) or every FLUSH_EVENTS requests, and when the process exits, so a page
never waits on an analytics write (a flush runs once the response has been sent). Writes add to the stored counts (an UPDATE … count + n, or an
INSERT when the row is new, retried as an UPDATE when another process inserted it first), so any
number of processes can flush at once, on SQLite or PostgreSQL.

A failed flush (database locked or down, a table missing) puts its counts back to be tried
again; it never raises into a page. `flush()` is also how tests and commands write at once."""

import atexit
import logging
import threading
import time
from collections import Counter
from datetime import date, timedelta

from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone

from scrutiny.analytics import terms
from scrutiny.analytics.classify import Counted

FLUSH_SECONDS = 5.0
FLUSH_EVENTS = 500
# Distinct terms held while the database cannot be reached; beyond it new terms are not kept
# (their searches are still counted), so a long outage cannot grow memory without bound.
MAX_PENDING_TERMS = 10_000
CHUNK = 500  # values per IN (…), well under SQLite's limit on query parameters

log = logging.getLogger(__name__)


def week_of(day: date) -> date:
    """The Monday of the ISO week the day falls in."""
    return day - timedelta(days=day.weekday())


class Buffer:
    def __init__(self):
        self._lock = threading.Lock()
        self._flushing = threading.Lock()
        self.counts: Counter = Counter()  # (week, kind, page, format) → n
        self.terms: Counter = Counter()  # (week, term) → n
        self.events = 0
        self.last_flush = time.monotonic()
        self.database = None  # the database the counts belong to (see flush_at_exit)

    def record(self, counted: Counted, day: date | None = None) -> None:
        week = week_of(day or timezone.localdate())
        with self._lock:
            self.database = self.database or connection.settings_dict.get("NAME")
            for usage in counted.usages:
                self.counts[(week, usage.kind, usage.page, usage.format)] += 1
            if counted.term and ((week, counted.term) in self.terms or len(self.terms) < MAX_PENDING_TERMS):
                self.terms[(week, counted.term)] += 1
            self.events += 1

    def due(self) -> bool:
        return self.events >= FLUSH_EVENTS or time.monotonic() - self.last_flush >= FLUSH_SECONDS

    def take(self) -> tuple[Counter, Counter]:
        with self._lock:
            taken = (self.counts, self.terms)
            self.counts, self.terms, self.events = Counter(), Counter(), 0
            self.last_flush = time.monotonic()
            return taken

    def put_back(self, counts: Counter, searched: Counter) -> None:
        with self._lock:
            self.counts.update(counts)
            for key, n in searched.items():
                if key in self.terms or len(self.terms) < MAX_PENDING_TERMS:
                    self.terms[key] += n

    def discard(self) -> None:
        self.take()
        self.database = None


BUFFER = Buffer()


def record(counted: Counted, response=None) -> None:
    """Count a request. When a flush is due it runs as the response is closed, which a WSGI
    server does after the last byte is sent, so nobody's page waits for it."""
    BUFFER.record(counted)
    if BUFFER.due():
        if response is not None:
            response._resource_closers.append(flush)
        else:
            flush()


def flush() -> bool:
    """Write what is held to the database now. False (and the counts kept for the next try) when
    the write failed or another thread of this process is already flushing."""
    if not BUFFER._flushing.acquire(blocking=False):
        return False
    try:
        counts, searched = BUFFER.take()
        if not counts and not searched:
            return True
        try:
            with transaction.atomic():
                write(counts, searched)
        except Exception:  # never break a page: keep the counts for the next flush
            log.warning("analytics counts not written; kept for the next try", exc_info=True)
            BUFFER.put_back(counts, searched)
            return False
        return True
    finally:
        BUFFER._flushing.release()


def write(counts: Counter, searched: Counter) -> None:
    from scrutiny.analytics.models import UsageCount

    add_many(UsageCount, ("week", "kind", "page", "format"), counts)
    terms.count_searches(searched, this_week=week_of(timezone.localdate()))


def add_many(model, fields: tuple[str, ...], amounts: dict[tuple, int]) -> None:
    """count += n for each key (a tuple of `fields`, the first being the week), in a few queries
    whatever the number of keys: the rows that exist are found in one read and updated with one
    executemany; the rest are inserted together. Should another process insert one of them
    first, each is added on its own instead."""
    if not amounts:
        return
    existing: dict[tuple, int] = {}
    weeks = sorted({key[0] for key in amounts})
    seconds = sorted({key[1] for key in amounts})
    for start in range(0, len(seconds), CHUNK):
        rows = model.objects.filter(**{"week__in": weeks, f"{fields[1]}__in": seconds[start:start + CHUNK]})
        existing.update({tuple(row[:-1]): row[-1] for row in rows.values_list(*fields, "id")})
    # In key order, so two processes flushing at once lock rows in the same order (no deadlock).
    updates = [(n, existing[key]) for key, n in sorted(amounts.items()) if key in existing]
    if updates:
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {quote(model._meta.db_table)} SET {quote('count')} = {quote('count')} + %s WHERE {quote('id')} = %s", updates
            )
    new = {key: n for key, n in amounts.items() if key not in existing}
    try:
        with transaction.atomic():
            model.objects.bulk_create([model(**dict(zip(fields, key)), count=n) for key, n in sorted(new.items())])
    except IntegrityError:
        for key, n in sorted(new.items()):
            add(model, dict(zip(fields, key)), n)


def add(model, key: dict, n: int) -> None:
    """count += n on the row with this key, made if it is new (and tolerant of another process
    making it at the same moment)."""
    if model.objects.filter(**key).update(count=F("count") + n):
        return
    try:
        with transaction.atomic():
            model.objects.create(**key, count=n)
    except IntegrityError:
        model.objects.filter(**key).update(count=F("count") + n)


@atexit.register
def flush_at_exit() -> None:
    # Only into the database the counts were recorded against: a test run ends with the settings
    # pointing back at the developer's own database, which must not receive the tests' counts.
    if BUFFER.database is not None and BUFFER.database == connection.settings_dict.get("NAME"):
        flush()

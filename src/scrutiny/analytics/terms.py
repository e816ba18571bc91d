"""Search terms without a record of what one person typed.

A term typed in a search is counted under HMAC-SHA256 with the week's key (SearchTally) until
five different searches in that week have used it (KEEP_AFTER); only then is it written in plain
text (SearchTerm), with its count, and counted in plain text from then on (in later weeks too: a
term five searches used is no longer one person's). So a name typed once, or four times, is
never in the database in plain text, and the analytics page shows only kept terms.

The key is random, made for each ISO week and kept in the database so every process shares it.
Without it the digests cannot be checked against guessed terms; once the week is over the key
and its tallies are deleted, so a term that never reached five is gone for good. Five different
searches *in one week*, then: searches spread thinner than that are not kept.
"""

import hashlib
import hmac
import secrets
from collections import Counter
from datetime import date

from django.db import IntegrityError, transaction

KEEP_AFTER = 5
CHUNK = 500  # terms per IN (…) query, well under SQLite's variable limit


def digest(key: str, term: str) -> str:
    return hmac.new(bytes.fromhex(key), term.encode("utf-8"), hashlib.sha256).hexdigest()


def count_searches(searched: Counter, this_week: date) -> None:
    """Add a flush's searches ({(week, term): n}) to the tallies and kept terms, then forget the
    keys and tallies of weeks before this one."""
    from scrutiny.analytics.models import SearchKey, SearchTally, SearchTerm
    from scrutiny.analytics.recorder import add_many

    by_week: dict[date, Counter] = {}
    for (week, term), n in searched.items():
        by_week.setdefault(week, Counter())[term] += n
    for week, counts in sorted(by_week.items()):
        kept = _kept_already(sorted(counts))
        add_many(SearchTerm, ("week", "term"), {(week, term): n for term, n in counts.items() if term in kept})
        hidden = {term: n for term, n in counts.items() if term not in kept}
        if not hidden:
            continue
        key = key_for(week)
        by_digest = {digest(key, term): term for term in hidden}
        add_many(SearchTally, ("week", "digest"), {(week, d): hidden[term] for d, term in by_digest.items()})
        digests, reached = sorted(by_digest), {}
        for start in range(0, len(digests), CHUNK):
            chunk = SearchTally.objects.filter(week=week, digest__in=digests[start:start + CHUNK], count__gte=KEEP_AFTER)
            reached.update(chunk.values_list("digest", "count"))
        # Kept: written in plain text with the count so far, and its hashed count goes.
        add_many(SearchTerm, ("week", "term"), {(week, by_digest[found]): n for found, n in reached.items()})
        found = sorted(reached)
        for start in range(0, len(found), CHUNK):
            SearchTally.objects.filter(week=week, digest__in=found[start:start + CHUNK]).delete()
    SearchTally.objects.filter(week__lt=this_week).delete()
    SearchKey.objects.filter(week__lt=this_week).delete()


def key_for(week: date) -> str:
    from scrutiny.analytics.models import SearchKey

    if found := SearchKey.objects.filter(week=week).values_list("secret", flat=True).first():
        return found
    try:
        with transaction.atomic():
            return SearchKey.objects.create(week=week, secret=secrets.token_hex(32)).secret
    except IntegrityError:  # another process made this week's key first
        return SearchKey.objects.get(week=week).secret


def _kept_already(candidates: list[str]) -> set[str]:
    from scrutiny.analytics.models import SearchTerm

    kept: set[str] = set()
    for start in range(0, len(candidates), CHUNK):
        chunk = candidates[start:start + CHUNK]
        kept.update(SearchTerm.objects.filter(term__in=chunk).values_list("term", flat=True).distinct())
    return kept

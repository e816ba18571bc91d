"""A search term is kept only once five different searches used it: until then it is nowhere in
the database in plain text, only a count under the week's keyed hash."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from factories import ReportFactory
from scrutiny.analytics import models, terms
from scrutiny.analytics.models import SearchKey, SearchTally, SearchTerm, UsageCount
from scrutiny.analytics.recorder import week_of

pytestmark = pytest.mark.django_db

NAME = "Eleri Pritchard-Morgan"  # a person's name, typed into the search box


def search(term: str, **headers):
    response = Client().get(reverse("findings"), {"q": term}, headers=headers)
    assert response.status_code == 200


def text_in_analytics_tables() -> str:
    """Every text column of every row of the analytics tables, read with plain SQL."""
    found = []
    with connection.cursor() as cursor:
        for model in (models.UsageCount, models.SearchKey, models.SearchTally, models.SearchTerm):
            columns = [f.column for f in model._meta.concrete_fields if f.get_internal_type() in ("CharField", "TextField")]
            cursor.execute(f"SELECT {', '.join(columns)} FROM {model._meta.db_table}")
            found += [str(value) for row in cursor.fetchall() for value in row]
    return "\n".join(found).lower()


def test_a_term_four_searches_used_is_nowhere_in_plain_text_and_a_fifth_keeps_it(counts):
    ReportFactory()
    for _ in range(4):
        search(NAME)
    assert counts.flush()
    stored = text_in_analytics_tables()
    for part in ("eleri", "pritchard", "morgan"):
        assert part not in stored
    assert SearchTally.objects.get().count == 4
    assert UsageCount.objects.get(kind="search", page="findings").count == 4

    search(NAME)
    assert counts.flush()
    assert list(SearchTerm.objects.values_list("term", "count")) == [(NAME.lower(), 5)]
    assert not SearchTally.objects.exists()  # its hashed count went when it was kept

    search(f"  {NAME.upper()} ")
    assert counts.flush()
    assert SearchTerm.objects.get().count == 6


def test_the_same_search_paged_or_reloaded_is_still_one_search(counts):
    ReportFactory()
    search(NAME)
    findings = reverse("findings")
    for n in range(2, 6):
        Client().get(findings, {"q": NAME, "page": str(n)})
    for _ in range(4):
        search(NAME, **{"Cache-Control": "max-age=0"})
    assert counts.flush()
    assert not SearchTerm.objects.exists()
    assert "eleri" not in text_in_analytics_tables()
    assert SearchTally.objects.get().count == 1


def test_hashed_counts_cannot_be_checked_without_the_weeks_key(counts):
    ReportFactory()
    search(NAME)
    assert counts.flush()
    key = SearchKey.objects.get(week=week_of(timezone.localdate())).secret
    tally = SearchTally.objects.get()
    assert tally.digest == terms.digest(key, NAME.lower())
    # A guess hashed without the key (or with another week's) does not match.
    import hashlib

    assert tally.digest != hashlib.sha256(NAME.lower().encode()).hexdigest()
    assert tally.digest != terms.digest("00" * 32, NAME.lower())


def test_when_the_week_is_over_its_key_and_hashed_counts_are_deleted(counts):
    this_week = week_of(timezone.localdate())
    last_week = this_week - timedelta(weeks=1)
    SearchKey.objects.create(week=last_week, secret="ab" * 32)
    SearchTally.objects.create(week=last_week, digest=terms.digest("ab" * 32, "a name"), count=4)
    SearchTerm.objects.create(week=last_week, term="segregation", count=9)
    ReportFactory()
    search("use of force")
    assert counts.flush()
    assert set(SearchKey.objects.values_list("week", flat=True)) == {this_week}
    assert set(SearchTally.objects.values_list("week", flat=True)) == {this_week}
    assert SearchTerm.objects.filter(week=last_week).exists()  # kept terms stay


def test_a_term_kept_in_an_earlier_week_is_counted_in_plain_text_from_its_first_search(counts):
    last_week = week_of(timezone.localdate()) - timedelta(weeks=1)
    SearchTerm.objects.create(week=last_week, term="segregation", count=7)
    ReportFactory()
    search("Segregation")
    assert counts.flush()
    assert SearchTerm.objects.get(week=week_of(timezone.localdate())).count == 1
    assert not SearchTally.objects.exists()

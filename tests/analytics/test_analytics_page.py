"""The analytics page: for secretariat editors and administrators only; the counts of the chosen
period, the kept search terms and nothing else, and the same tables as CSV."""

import csv
import io
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from factories import ReportFactory, sign_in, staff_member
from scrutiny.analytics.models import SearchTally, SearchTerm, UsageCount
from scrutiny.analytics.recorder import week_of

pytestmark = pytest.mark.django_db


def table(page: str, id: str) -> str:
    return page.split(f'id="{id}"')[1].split("</table>")[0]


def this_week():
    return week_of(timezone.localdate())


@pytest.fixture
def usage(counts):
    week, earlier = this_week(), this_week() - timedelta(weeks=20)
    for kind, page, fmt, n in [("view", "findings", "", 1234), ("view", "trends", "", 56), ("search", "findings", "", 310),
                               ("export", "findings_csv", "csv", 17), ("export", "findings_xlsx", "xlsx", 5), ("api", "facets", "", 88)]:
        UsageCount.objects.create(week=week, kind=kind, page=page, format=fmt, count=n)
    UsageCount.objects.create(week=earlier, kind="view", page="bodies", count=999)
    SearchTerm.objects.create(week=week, term="segregation", count=42)
    SearchTerm.objects.create(week=week, term="=HYPERLINK(\"http://x\")", count=5)
    SearchTally.objects.create(week=week, digest="f" * 64, count=4)


def test_the_public_are_sent_to_sign_in_and_contributors_refused(usage):
    for address in (reverse("analytics"), reverse("analytics_csv")):
        response = Client().get(address)
        assert response.status_code == 302 and reverse("login") in response["Location"]
        contributor = sign_in(Client(), staff_member("contributor", "hmip"))
        assert contributor.get(address).status_code == 403


@pytest.mark.parametrize("role", ["editor", "administrator"])
def test_editors_and_administrators_see_the_counts_of_the_last_twelve_weeks(usage, role):
    client = sign_in(Client(), staff_member(role))
    page = client.get(reverse("analytics")).content.decode()
    for shown in ("1,234", "findings", "trends", "310", "findings_csv", "xlsx", "facets", "88", "segregation", "42"):
        assert shown in page, shown
    assert "<code>bodies</code>" not in table(page, "top-pages")  # 20 weeks ago
    assert "999" not in page
    assert f"{this_week():%G-W%V}" in page


def test_a_longer_period_takes_in_older_weeks(usage):
    client = sign_in(Client(), staff_member("editor"))
    page = client.get(reverse("analytics"), {"weeks": "26"}).content.decode()
    assert "<code>bodies</code>" in table(page, "top-pages") and "999" in page
    assert client.get(reverse("analytics"), {"weeks": "1000"}).status_code == 200  # an unknown period: the default


def test_the_page_says_how_terms_are_kept(usage):
    page = sign_in(Client(), staff_member("editor")).get(reverse("analytics")).content.decode()
    assert "five different searches" in page
    assert "No cookie is set" in page


def test_the_page_counts_what_this_process_has_not_yet_written(counts):
    ReportFactory()
    Client().get(reverse("about"))
    page = sign_in(Client(), staff_member("editor")).get(reverse("analytics")).content.decode()
    assert "<code>about</code>" in table(page, "top-pages")


def test_the_csv_has_the_same_tables_with_formulas_neutralised(usage):
    response = sign_in(Client(), staff_member("editor")).get(reverse("analytics_csv"))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    by_table = {}
    for row in rows:
        by_table.setdefault(row["table"], []).append(row)
    assert {"page views by week", "page views by page", "searches by page", "search terms kept",
            "exports by page and format", "API calls by endpoint"} <= set(by_table)
    assert {"name": "findings", "count": "1234"}.items() <= by_table["page views by page"][0].items()
    assert [(r["name"], r["format"], r["count"]) for r in by_table["exports by page and format"]] == [
        ("findings_csv", "csv", "17"), ("findings_xlsx", "xlsx", "5")]
    terms = {r["name"]: r["count"] for r in by_table["search terms kept"]}
    assert terms == {"segregation": "42", "'=HYPERLINK(\"http://x\")": "5"}
    assert sum(int(r["count"]) for r in by_table["page views by week"]) == 1234 + 56
    assert len(by_table["page views by week"]) == 12


def test_the_staff_home_links_to_it_for_those_who_may_read_it(counts):
    editor = sign_in(Client(), staff_member("editor")).get(reverse("manage")).content.decode()
    contributor = sign_in(Client(), staff_member("contributor", "hmip")).get(reverse("manage")).content.decode()
    assert reverse("analytics") in editor
    assert reverse("analytics") not in contributor

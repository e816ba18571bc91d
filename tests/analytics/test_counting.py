"""Page views, searches, exports and API calls are counted by week and by the page's name, with no
cookie and nothing about the person; a failed write never breaks a page."""

from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from factories import FindingFactory, ReportFactory, sign_in, staff_member
from scrutiny.analytics import models
from scrutiny.analytics.classify import Counted, Usage
from scrutiny.analytics.models import UsageCount
from scrutiny.analytics.recorder import week_of

pytestmark = pytest.mark.django_db


def counted(kind: str, page: str, fmt: str = "", week: date | None = None) -> int:
    row = UsageCount.objects.filter(week=week or week_of(timezone.localdate()), kind=kind, page=page, format=fmt).first()
    return row.count if row else 0


def test_a_week_is_named_by_its_monday():
    assert week_of(date(2025, 1, 1)) == date(2024, 12, 30)  # a Wednesday in ISO week 2025-W01
    assert week_of(date(2025, 1, 5)) == date(2024, 12, 30)  # its Sunday
    assert week_of(date(2025, 1, 6)) == date(2025, 1, 6)


def test_counts_recorded_on_different_days_go_to_their_own_weeks(counts):
    counts.BUFFER.record(Counted((Usage("view", "findings"),)), day=date(2025, 3, 5))
    counts.BUFFER.record(Counted((Usage("view", "findings"),)), day=date(2025, 3, 9))
    counts.BUFFER.record(Counted((Usage("view", "findings"),)), day=date(2025, 3, 10))
    assert counts.flush()
    assert counted("view", "findings", week=date(2025, 3, 3)) == 2
    assert counted("view", "findings", week=date(2025, 3, 10)) == 1


def test_a_page_view_is_counted_this_week_under_the_pages_name_not_its_address(counts):
    finding = FindingFactory(report=ReportFactory())
    client = Client()
    assert client.get(reverse("finding", args=[finding.id])).status_code == 200
    assert client.get(reverse("finding", args=[finding.id])).status_code == 200
    assert client.get(reverse("home")).status_code == 200
    assert counts.flush()
    assert counted("view", "finding") == 2
    assert counted("view", "home") == 1
    pages = set(UsageCount.objects.values_list("page", flat=True))
    assert not any(str(finding.id) in page or "/" in page for page in pages), pages


def test_adding_to_stored_counts_keeps_what_was_there(counts):
    UsageCount.objects.create(week=week_of(timezone.localdate()), kind="view", page="about", count=40)
    Client().get(reverse("about"))
    assert counts.flush()
    assert counted("view", "about") == 41


def test_a_search_is_counted_once_not_per_page_of_results_reload_or_refinement(counts):
    ReportFactory()
    client = Client()
    findings = reverse("findings")
    client.get(findings, {"q": "Segregation"})  # a new search
    client.get(findings, {"q": "segregation", "page": "2"})  # its second page
    client.get(findings, {"q": "segregation"}, headers={"Cache-Control": "max-age=0"})  # reloaded
    client.get(findings, {"q": "segregation", "body": "hmip"}, headers={"Referer": f"http://testserver{findings}?q=segregation"})  # refined
    client.get(findings, {"q": "use of force"}, headers={"Referer": f"http://testserver{findings}?q=segregation"})  # a new one
    client.get(findings, {"q": "use of force"}, headers={"Referer": "https://elsewhere.example/?q=use+of+force"})  # from elsewhere: new
    assert counts.flush()
    assert counted("search", "findings") == 3
    assert counted("view", "findings") == 6


def test_staff_pages_errors_and_static_files_are_not_counted(counts):
    client = sign_in(Client(), staff_member("editor"))
    assert client.get(reverse("manage")).status_code == 200
    assert client.get(reverse("history")).status_code == 200
    Client().get(reverse("login"))
    Client().get("/findings/987654")  # not found
    Client().get("/static/scrutiny.css")
    Client().post(reverse("findings"))
    assert counts.flush()
    assert list(UsageCount.objects.values_list("kind", "page", "count")) == []


def test_an_export_is_counted_by_format_and_page(counts):
    ReportFactory()
    client = Client()
    exported = 0
    for fmt in ("csv", "json", "xlsx", "atom"):
        try:
            address = reverse(f"findings_{fmt}")
        except NoReverseMatch:
            continue
        response = client.get(address, {"theme": "segregation"})
        assert response.status_code == 200, fmt
        if response.streaming:  # read to the end, as a client would
            b"".join(response.streaming_content)
        exported += 1
    if not exported:
        pytest.skip("no export address exists yet")
    assert counts.flush()
    exports = dict(((page, fmt), n) for page, fmt, n in UsageCount.objects.filter(kind="export").values_list("page", "format", "count"))
    assert len(exports) == exported and set(exports.values()) == {1}, exports
    assert {fmt for _, fmt in exports} <= {"csv", "json", "xlsx", "atom"}
    assert not UsageCount.objects.filter(kind="view").exists()  # an export is not also a page view


def test_an_api_call_is_counted_by_endpoint(counts):
    ReportFactory()
    response = Client().get("/api/v1/findings")
    if response.status_code == 404:
        pytest.skip("no API address exists yet")
    assert response.status_code == 200
    Client().get("/api/v1/bodies")
    assert counts.flush()
    api = dict(UsageCount.objects.filter(kind="api").values_list("page", "count"))
    assert api.get("findings") == 1, api
    assert api.get("bodies") == 1, api
    assert not UsageCount.objects.filter(kind="view").exists()


PUBLIC_ADDRESSES = {
    "home": lambda f: "/", "findings": lambda f: "/findings", "a search": lambda f: "/findings?q=segregation",
    "a finding": lambda f: f"/findings/{f.id}", "a report": lambda f: f"/reports/{f.report_id}",
    "about": lambda f: "/about", "privacy": lambda f: "/privacy", "an export": lambda f: "/findings.csv",
}


@pytest.mark.parametrize("name", PUBLIC_ADDRESSES)
def test_public_pages_set_no_cookie(counts, name):
    address = PUBLIC_ADDRESSES[name](FindingFactory(report=ReportFactory()))
    response = Client().get(address)
    if response.status_code == 404 and name == "an export":
        pytest.skip("no export address exists yet")
    assert response.status_code == 200, address
    assert not response.cookies, f"{address} set {list(response.cookies)}"
    assert "Set-Cookie" not in response.headers


def test_the_tables_have_no_column_for_anything_about_a_person():
    personal = ("ip", "address", "agent", "user", "cookie", "session", "referer", "referrer", "path", "url", "host", "email")
    for model in (models.UsageCount, models.SearchKey, models.SearchTally, models.SearchTerm):
        columns = {field.column for field in model._meta.concrete_fields}
        assert columns <= {"id", "week", "kind", "page", "format", "count", "secret", "digest", "term"}, (model, columns)
        assert not any(word in column for column in columns for word in personal)


def test_a_failed_write_keeps_the_counts_and_never_breaks_a_page(counts, monkeypatch):
    monkeypatch.setattr(counts, "FLUSH_EVENTS", 1)  # every request tries to write
    table = UsageCount._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"ALTER TABLE {table} RENAME TO {table}_away")
    try:
        client = Client()
        for _ in range(3):
            tried_before = counts.BUFFER.last_flush
            response = client.get(reverse("about"))
            assert response.status_code == 200
            assert b"About" in response.content
            assert counts.BUFFER.last_flush > tried_before  # a write was tried, and failed
        assert counts.flush() is False
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"ALTER TABLE {table}_away RENAME TO {table}")
    assert counts.flush()
    assert counted("view", "about") == 3


def test_a_welsh_page_counts_under_the_same_name(counts):
    ReportFactory()
    response = Client().get("/cy/findings")
    if response.status_code == 404:
        pytest.skip("no Welsh addresses yet")
    assert response.status_code == 200
    assert counts.flush()
    assert counted("view", "findings") == 1

"""The engine's snapshot follows every change made after it was built — by ingest, publishing,
unpublishing, tagging, merging themes, correcting text — with no stale answer, including after
a transaction is rolled back (which on SQLite hands the same log numbers out again)."""

from datetime import date

import pytest
from django.db import transaction
from django.http import QueryDict

from scrutiny.curation import services as curation
from scrutiny.findings import engine
from scrutiny.findings.models import Finding, Tag
from scrutiny.findings.query import parse
from scrutiny.taxonomy import services as taxonomy
from factories import FindingFactory, ReportFactory, body, staff_member

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_engine():
    engine.forget()
    yield
    engine.forget()


def count(address: str = "") -> int:
    return parse(QueryDict(address)).count()


def facet(name: str, address: str = "") -> dict[str, int]:
    return {v.value: v.count for f in parse(QueryDict(address)).facets() if f.name == name for v in f.values}


@pytest.fixture
def editor():
    return staff_member("editor")


@pytest.fixture
def held():
    report = ReportFactory(body=body("hmip"), published=date(2023, 5, 1))
    FindingFactory.create_batch(3, report=report, themes=["food"], text="The kitchen was dirty.")
    assert count() == 3  # the snapshot is built here, before the changes each test makes
    return report


def test_a_report_ingested_after_the_build_is_patched_in_not_rebuilt(held):
    before = engine.current()
    report = ReportFactory(body=body("cqc"), published=date(2024, 7, 1))
    FindingFactory.create_batch(2, report=report, themes=["violence"], text="Violence was rising in the kitchen.")
    assert count() == 5
    assert facet("body") == {"hmip": 3, "cqc": 2}
    assert count("q=kitchen") == 5 and count("q=violence") == 2
    after = engine.current()
    assert after.head != before.head and after.text.overlay_size == 2  # patched, not rebuilt


def test_unpublishing_and_publishing_a_report_hides_and_shows_its_findings(held, editor):
    curation.change_state(editor, held.id, "draft")
    assert count() == 0 and count("q=kitchen") == 0 and facet("theme") == {}
    curation.change_state(editor, held.id, "published")
    assert count() == 3 and facet("theme") == {"food": 3}


def test_a_report_hidden_by_its_flag_alone_hides_its_findings(held):
    # The trigger on the report's flag, even when a finding's own flag is left on.
    type(held).objects.filter(pk=held.pk).update(is_published=False)
    assert count() == 0


def test_redating_a_report_moves_its_findings_in_a_date_range(held, editor):
    assert count("from=2023-04-01&to=2023-12-31") == 3
    type(held).objects.filter(pk=held.pk).update(published=date(2025, 1, 1))
    assert count("from=2023-04-01&to=2023-12-31") == 0 and count("from=2024-12-31") == 3


def test_a_tag_added_or_removed_counts_at_once(held):
    finding = held.findings.first()
    Tag.objects.create(finding=finding, theme_id=_theme("violence"))
    assert facet("theme") == {"food": 3, "violence": 1} and count("theme=violence") == 1
    assert exported_themes() == themes_in_the_database()  # the first finding's new tag comes last in the patch
    Tag.objects.filter(finding=finding, theme_id=_theme("food")).delete()
    assert facet("theme") == {"food": 2, "violence": 1}
    assert exported_themes() == themes_in_the_database()


def exported_themes() -> dict[int, list[str]]:
    """The themes column of the exports and the API (read from the engine's snapshot)."""
    from scrutiny.api.finding_rows import rows_for

    query = parse(QueryDict(""))
    return {row["id"]: row["themes"] for row in rows_for(query.ids(0, 100), str, query.vocabulary)}


def themes_in_the_database() -> dict[int, list[str]]:
    found = {}
    for finding in Finding.objects.all():
        found[finding.id] = [t.theme.slug for t in finding.tags.select_related("theme").order_by("theme__position", "theme__slug")]
    return found


def test_a_merged_theme_counts_under_its_target(held, editor):
    FindingFactory(report=held, themes=["living-conditions"])
    taxonomy.merge(editor, "themes", "food", "living-conditions")
    assert facet("theme") == {"living-conditions": 4}
    assert count("theme=living-conditions") == 4


def test_a_corrected_text_is_found_by_its_new_words_only(held, editor):
    finding = held.findings.first()
    curation.edit_finding(editor, finding.id, finding.version, {"text": "Showers were broken for weeks."})
    assert count("q=showers") == 1 and count("q=kitchen") == 2
    assert parse(QueryDict("q=showers")).ids(0, 10) == [finding.id]


def test_an_unpublished_or_deleted_finding_leaves_every_answer(held):
    first, second = held.findings.order_by("id")[:2]
    Finding.objects.filter(pk=first.pk).update(is_published=False)
    second.delete()
    assert count() == 1 and count("q=kitchen") == 1 and facet("theme") == {"food": 1}


def test_a_rolled_back_transaction_leaves_no_trace(held):
    class Undo(Exception):
        pass

    with pytest.raises(Undo), transaction.atomic():
        report = ReportFactory(body=body("cqc"))
        FindingFactory.create_batch(4, report=report, text="Rolled back words.")
        assert count() == 7 and count("q=rolled") == 4  # the snapshot now holds the rolled-back rows
        raise Undo
    # The log's numbers after the rollback are handed out again to different changes.
    FindingFactory(report=held, text="A kitchen finding kept.")
    assert count() == 4 and count("q=rolled") == 0 and count("q=kitchen") == 4
    assert facet("body") == {"hmip": 4}


def test_an_emptied_log_means_a_rebuild(held):
    from scrutiny.findings.models import FindingChange

    FindingChange.objects.all().delete()
    Finding.objects.filter(pk=held.findings.first().pk).update(is_published=False)
    FindingChange.objects.all().delete()  # as a flush between tests leaves it
    assert count() == 2


def _theme(slug: str) -> int:
    from scrutiny.catalogue.models import Theme

    return Theme.objects.get(slug=slug).id

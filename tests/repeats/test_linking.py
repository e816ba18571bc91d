"""Repeats found at ingest: the same ask at the same place is a repeat, elsewhere a shared
concern; a finding that shares words but asks something else is neither; time decides which
side is earlier, whatever order the reports arrive in; a rebuild finds what ingest found."""

import pytest

from scrutiny.cli import main as scrutiny
from scrutiny.findings.models import Finding
from scrutiny.repeats import index
from scrutiny.repeats.models import Relation, Repeat
from scrutiny.reports.ingest import Ingester

pytestmark = pytest.mark.django_db

TEN_HOURS = "Prisoners should have at least 10 hours out of cell a day."
TEN_HOURS_AGAIN = "The prison should ensure that all prisoners spend at least ten hours a day unlocked."
USE_OF_FORCE = "Staff should record every use of force."
STRIP_SEARCH = "Staff should record every strip search."
KITCHEN = "The kitchen should be refurbished and food served at proper mealtimes."
LEGAL = "Detainees should be told of their legal rights in a language they understand."


def ingest(*paths):
    ingester = Ingester(keep_files=False)
    outcomes = [ingester.ingest(p) for p in paths]
    assert all(o.status == "new" for o in outcomes), [o.reason for o in outcomes]
    return outcomes


def finding(text: str, year: int) -> Finding:
    return Finding.objects.get(text=text, year=year)


def links() -> set:
    return set(Repeat.objects.values_list("finding__text", "finding__year", "earlier__text", "earlier__year", "relation"))


def test_a_reworded_concern_at_the_same_place_is_linked_as_a_repeat_of_the_earlier_one(write_report):
    ingest(write_report("HMP Ashcombe", "2019-05-01", [TEN_HOURS, KITCHEN]),
           write_report("HMP Ashcombe", "2023-03-01", [TEN_HOURS_AGAIN, LEGAL]))
    assert links() == {(TEN_HOURS_AGAIN, 2023, TEN_HOURS, 2019, Relation.REPEAT)}
    assert finding(TEN_HOURS_AGAIN, 2023).repeats == finding(TEN_HOURS, 2019)
    assert finding(TEN_HOURS, 2019).repeats is None


def test_a_finding_that_shares_words_but_asks_for_something_else_is_not_linked(write_report):
    ingest(write_report("HMP Ashcombe", "2019-05-01", [USE_OF_FORCE]),
           write_report("HMP Ashcombe", "2023-03-01", [STRIP_SEARCH]))
    assert links() == set()


def test_the_same_ask_elsewhere_is_a_shared_concern(write_report):
    ingest(write_report("HMP Ashcombe", "2019-05-01", [TEN_HOURS]),
           write_report("HMYOI Crannoch", "2021-05-01", [TEN_HOURS_AGAIN], body="hmips"))
    assert links() == {(TEN_HOURS_AGAIN, 2021, TEN_HOURS, 2019, Relation.SHARED_CONCERN)}
    assert finding(TEN_HOURS_AGAIN, 2021).repeats is None  # only a repeat at the place is "repeats"


def test_an_older_report_ingested_late_is_the_earlier_side_of_its_links(write_report):
    ingest(write_report("HMP Ashcombe", "2023-03-01", [TEN_HOURS_AGAIN]),
           write_report("HMP Ashcombe", "2016-07-01", [TEN_HOURS]))
    assert links() == {(TEN_HOURS_AGAIN, 2023, TEN_HOURS, 2016, Relation.REPEAT)}
    assert finding(TEN_HOURS_AGAIN, 2023).repeats == finding(TEN_HOURS, 2016)


def test_the_nearest_earlier_repeat_is_the_one_finding_repeats_points_at(write_report):
    ingest(write_report("HMP Ashcombe", "2023-03-01", [TEN_HOURS_AGAIN]),
           write_report("HMP Ashcombe", "2016-07-01", [TEN_HOURS]),
           write_report("HMP Ashcombe", "2020-07-01", [TEN_HOURS]))
    assert finding(TEN_HOURS_AGAIN, 2023).repeats == finding(TEN_HOURS, 2020)
    assert finding(TEN_HOURS, 2020).repeats == finding(TEN_HOURS, 2016)


def test_good_practice_is_compared_only_with_good_practice(write_report):
    praise = "Prisoners had at least 10 hours out of cell a day, which was good."
    ingest(write_report("HMP Ashcombe", "2019-05-01", [TEN_HOURS]),
           write_report("HMP Ashcombe", "2023-03-01", [KITCHEN], good_practice=[praise]),
           write_report("HMP Ashcombe", "2024-03-01", [LEGAL], good_practice=[praise]))
    assert links() == {(praise, 2024, praise, 2023, Relation.REPEAT)}


def test_a_draft_report_is_linked_too_so_that_publishing_it_needs_no_second_pass(write_report):
    Ingester(keep_files=False).ingest(write_report("HMP Ashcombe", "2019-05-01", [TEN_HOURS]))
    Ingester(keep_files=False, publish=False).ingest(write_report("HMP Ashcombe", "2023-03-01", [TEN_HOURS_AGAIN]))
    assert links() == {(TEN_HOURS_AGAIN, 2023, TEN_HOURS, 2019, Relation.REPEAT)}


def test_rebuild_finds_the_links_that_ingest_found(write_report, capsys):
    ingest(write_report("HMP Ashcombe", "2023-03-01", [TEN_HOURS_AGAIN, STRIP_SEARCH, KITCHEN]),
           write_report("HMP Ashcombe", "2016-07-01", [TEN_HOURS, USE_OF_FORCE]),
           write_report("HMYOI Crannoch", "2020-07-01", [TEN_HOURS, LEGAL], body="hmips"),
           write_report(None, "2021-01-01", [KITCHEN, LEGAL], body="cqc"))
    by_ingest = links()
    nearest = dict(Finding.objects.values_list("id", "repeats_id"))
    assert {relation for *_, relation in by_ingest} == {Relation.REPEAT, Relation.SHARED_CONCERN}
    Repeat.objects.all().delete()
    Finding.objects.update(repeats=None)

    assert scrutiny(["repeats", "rebuild"]) == 0
    assert links() == by_ingest
    assert dict(Finding.objects.values_list("id", "repeats_id")) == nearest
    out = capsys.readouterr().out
    repeats = sum(relation == Relation.REPEAT for *_, relation in by_ingest)
    assert f"{repeats} repeats" in out and f"{len(by_ingest) - repeats} shared concerns" in out
    assert "reports: 4; findings: 9" in out


def test_the_index_is_kept_in_step_with_ingest_and_reads_in_what_another_process_stored(
    write_report, django_capture_on_commit_callbacks
):
    from factories import FindingFactory, ReportFactory

    with django_capture_on_commit_callbacks(execute=True):
        ingest(write_report("HMP Ashcombe", "2019-05-01", [TEN_HOURS]))
    first = index.stored_findings()
    with django_capture_on_commit_callbacks(execute=True):
        ingest(write_report("HMP Ashcombe", "2020-05-01", [KITCHEN]))
    assert index.stored_findings() is first and first.count == 2  # added, not built again
    # A finding stored by another process (here: not through ingest) is read in by id.
    elsewhere = FindingFactory(report=ReportFactory(), text=TEN_HOURS_AGAIN)
    assert index.stored_findings() is first and first.count == 3
    assert elsewhere.id in first.indexes["concern"].ids
    # A removal cannot be read in: the index is built again.
    elsewhere.report.delete()
    rebuilt = index.stored_findings()
    assert rebuilt is not first and rebuilt.count == 2

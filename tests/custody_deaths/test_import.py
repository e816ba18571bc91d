"""The annual import: a dry run lists every problem by row and column; repeats name the row they
repeat and are counted once; a file with any other problem stores nothing; a death already held
is recognised and updated, never counted twice."""

from datetime import date

import pytest

from custody_deaths.samples import REAL, real_lines, scottish, scottish_death
from scrutiny.catalogue.models import Establishment
from scrutiny.custody_deaths.importer import run_import
from scrutiny.custody_deaths.models import CauseWording, Death, InquiryStatus

pytestmark = pytest.mark.django_db


def test_a_slice_of_the_real_file_names_each_repeated_row_and_counts_each_death_once():
    data = real_lines(400)  # rows 255 onwards repeat rows 170 onwards, as in the published file
    result = run_import(data, "csv", dry_run=True)
    repeats = [p for p in result.problems if "repeats row" in p.message]
    assert str(repeats[0]) == "row 255: repeats row 170; the death is counted once"
    assert result.last_line() == f"400 rows: {400 - len(repeats)} valid, {len(repeats)} with problems"
    assert not result.blocking and Death.objects.count() == 0
    stored = run_import(data, "csv")
    assert stored.stored and Death.objects.count() == 400 - len(repeats)
    again = run_import(data, "csv")
    assert again.outcome == {"unchanged": 400 - len(repeats)} and Death.objects.count() == 400 - len(repeats)


def test_the_real_files_spellings_are_normalised_and_the_wording_is_kept():
    run_import(real_lines(300), "csv")
    assert Death.objects.filter(cause_in_source="Natural Causes", cause_category="natural-causes").exists()
    assert Death.objects.filter(cause_in_source="Other: Other/non-natural", cause_category="other-non-natural").exists()
    assert set(Death.objects.values_list("jurisdiction", flat=True)) == {"england-and-wales"}


def test_compound_establishment_names_lead_to_the_place_and_new_places_wait_for_review():
    header = REAL.read_bytes().splitlines(keepends=True)[0]
    data = header + b"Smithy,JQ,Male,40,03/05/1999,Sheppey: Swaleside,Natural Causes\r\nJonesy,KL,male,31,04/05/1999,Swaleside,Self-inflicted\r\n"
    result = run_import(data, "csv")
    assert result.new_places == [("Sheppey: Swaleside", "Swaleside")]
    places = {d.establishment for d in Death.objects.select_related("establishment")}
    assert len(places) == 1 and places.pop().needs_review
    assert Establishment.objects.get(aliases__name="Sheppey: Swaleside").name == "Swaleside"


def test_one_bad_row_stores_nothing_and_every_problem_names_its_row_and_column():
    rows = [scottish_death(i) for i in range(6)]
    rows[2]["date_of_death"] = "31/02/2020"
    rows[4]["cause"] = "Misadventure in the gym"
    result = run_import(scottish(rows), "csv")
    assert not result.stored and Death.objects.count() == 0
    described = [str(p) for p in result.problems]
    assert described[0].startswith("row 4, column date_of_death: '31/02/2020' is not a date")
    assert described[1].startswith("row 6, column cause: 'Misadventure in the gym' is not in the cause mapping")
    assert result.last_line() == "6 rows: 4 valid, 2 with problems"


def test_a_wording_added_to_the_mapping_is_understood_by_the_next_import():
    rows = [scottish_death(i, cause="Misadventure in the gym" if i == 1 else "Natural causes") for i in range(3)]
    assert run_import(scottish(rows), "csv").blocking
    CauseWording.objects.create(wording="Misadventure in the gym", category="accident")
    assert run_import(scottish(rows), "csv").stored
    assert Death.objects.get(cause_in_source="Misadventure in the gym").cause_category == "accident"


def test_the_same_death_twice_with_different_details_is_a_conflict_for_a_person():
    first = scottish_death(1)
    second = dict(first, cause="Accident")
    result = run_import(scottish([first, second]), "csv")
    assert [str(p) for p in result.blocking] == [
        "row 3: is the same death as row 2 (same name and date of death) but differs in cause; keep the right one"
    ]


def test_a_later_file_updates_a_held_death_and_keeps_staff_notes():
    death = scottish_death(3)
    run_import(scottish([death]), "csv")
    held = Death.objects.get()
    held.notes = "Family contacted the NPM."
    held.save()
    later = dict(death, fai_status="Determination issued", fai_started="2023-01-10", fai_determination_issued="2024-02-01",
                 fai_determination_url="https://www.scotcourts.gov.uk/determination/1", surname=death["surname"].upper())
    result = run_import(scottish([later]), "csv")
    assert result.outcome == {"updated": 1}
    held.refresh_from_db()
    assert held.inquiry_status == InquiryStatus.DETERMINED and held.determination_issued == date(2024, 2, 1)
    assert held.notes == "Family contacted the NPM." and Death.objects.count() == 1


def test_the_scottish_template_reads_from_a_workbook_too():
    import io

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Surname", "Forename", "Date of birth", "Sex", "Age", "Date of death", "Establishment", "Jurisdiction",
                  "Legal status", "Cause", "FAI status", "FAI started"])
    sheet.append(["Testperson", "Morag", date(1970, 5, 1), "F", 45, date(2015, 6, 2), "HMP Cornton Vale", "Scotland",
                  "Remand", "Drug related", "Ongoing", date(2016, 1, 4)])
    out = io.BytesIO()
    book.save(out)
    result = run_import(out.getvalue(), "xlsx")
    assert result.stored, [str(p) for p in result.problems]
    death = Death.objects.get()
    assert (death.sex, death.legal_status, death.cause_category, death.inquiry_status) == ("female", "remand", "drug-related", "ongoing")


def test_an_age_that_disagrees_with_the_dates_is_a_problem():
    result = run_import(scottish([scottish_death(1, date_of_birth="1980-06-01", date_of_death="2020-05-01", age="45")]), "csv", dry_run=True)
    assert [p.column for p in result.problems] == ["age"]


def test_deaths_follow_their_place_when_the_register_merges_it_into_another():
    from factories import EstablishmentFactory, staff_member
    from scrutiny.taxonomy.establishments import merge

    kept = EstablishmentFactory(name="HMP Swaleside Prison Estate")
    header = REAL.read_bytes().splitlines(keepends=True)[0]
    run_import(header + b"Smithy,JQ,Male,40,03/05/1999,Sheppey: Swaleside,Natural Causes\r\n", "csv")
    added = Death.objects.get().establishment
    assert added.needs_review and added != kept
    merge(staff_member("editor"), added.slug, kept.slug)
    assert Death.objects.get().establishment == kept

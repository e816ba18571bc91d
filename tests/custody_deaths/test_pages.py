"""The public figures and the staff pages: who sees what. The public sees counts of published
releases only, small ones suppressed; names, dates of birth and notes are for the holders of
the personal-data permission (the Scotland subgroup and the secretariat editor)."""

import json

import pytest
from django.test import Client

from custody_deaths.samples import scottish, scottish_death
from factories import sign_in, staff_member
from scrutiny.api.exports import read_csv
from scrutiny.custody_deaths.importer import run_import
from scrutiny.custody_deaths.models import AnnualRelease, Death

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return (b"".join(response.streaming_content) if response.streaming else response.content).decode()


def published_scotland(count=40, **changes):
    rows = [scottish_death(i, **changes) for i in range(count)]
    assert run_import(scottish(rows), "csv", release_name="2023-24").stored
    AnnualRelease.objects.filter(name="2023-24").update(published="2024-07-01T09:00:00Z")
    Death.objects.update(is_published=True)
    return rows


def test_the_public_page_counts_published_deaths_and_hides_small_numbers():
    published_scotland(40)
    page = Client().get("/deaths-in-custody")
    body = text(page)
    assert page.status_code == 200
    assert "fewer than 5" in body and "Deaths by calendar year" in body and "<svg" in body
    assert "Testperson" not in body and "Alasdair" not in body


def test_a_release_not_yet_published_counts_nowhere_in_public():
    run_import(scottish([scottish_death(i) for i in range(30)]), "csv", release_name="2024-25")
    body = text(Client().get("/deaths-in-custody"))
    assert "No figures have been published for Scotland yet." in body
    assert Client().get("/deaths-in-custody/by-cause.csv").status_code == 404


def test_each_table_downloads_as_csv_and_json_with_the_same_suppressed_numbers():
    published_scotland(40)
    about, rows = read_csv(text(Client().get("/deaths-in-custody/by-cause.csv?jurisdiction=scotland")))
    assert about["licence"].startswith("Open Government Licence") and "jurisdiction=scotland" in about["source"]
    by_cause = {row["Cause"]: row["Deaths"] for row in rows}
    assert by_cause["Total"] == "40"
    data = json.loads(text(Client().get("/deaths-in-custody/by-cause.json?jurisdiction=scotland")))
    assert {row["Cause"]: str(row["Deaths"]) for row in data["rows"]} == by_cause
    for value in by_cause.values():
        assert value in ("fewer than 5", "withheld") or value == "0" or int(value) >= 5


@pytest.mark.parametrize("role, sees_names", [("scotland", True), ("editor", True), ("administrator", False), ("contributor", False)])
def test_only_the_personal_data_permission_opens_the_records(role, sees_names):
    published_scotland(6)
    death = Death.objects.first()
    person = staff_member(role, "hmip" if role == "contributor" else None)
    client = sign_in(Client(), person)
    records, one = client.get("/manage/deaths/records"), client.get(f"/manage/deaths/records/{death.pk}")
    if sees_names:
        assert records.status_code == one.status_code == 200
        assert death.surname in text(one)
    else:
        assert records.status_code == one.status_code == 403
        assert death.surname not in text(records) + text(one)


def test_a_record_that_does_not_exist_answers_404_to_those_who_may_see_records():
    client = sign_in(Client(), staff_member("scotland"))
    assert client.get("/manage/deaths/records/999999").status_code == 404


def test_the_staff_pages_are_never_public():
    for address in ["/manage/deaths", "/manage/deaths/import", "/manage/deaths/mapping", "/manage/deaths/records"]:
        response = Client().get(address)
        assert response.status_code == 302 and "/accounts/sign-in" in response["Location"]


def test_the_editor_finds_the_deaths_tool_on_the_staff_home():
    # (The staff home asks for the history permission, which the Scotland role does not hold:
    # its members start at /manage/deaths.)
    client = sign_in(Client(), staff_member("editor"))
    assert 'href="/manage/deaths"' in text(client.get("/manage"))


def test_publishing_a_release_puts_its_records_in_the_public_figures():
    run_import(scottish([scottish_death(i) for i in range(12)]), "csv", release_name="2024-25")
    release = AnnualRelease.objects.get(name="2024-25")
    client = sign_in(Client(), staff_member("scotland"))
    assert client.post(f"/manage/deaths/releases/{release.pk}/publish").status_code == 302
    assert "No figures have been published" not in text(Client().get("/deaths-in-custody"))
    assert Death.objects.filter(is_published=False).count() == 0


def test_the_mapping_page_adds_a_wording():
    client = sign_in(Client(), staff_member("scotland"))
    response = client.post("/manage/deaths/mapping", {"wording": "Hanging", "category": "self-inflicted"})
    assert response.status_code == 302
    assert "Hanging" in text(client.get("/manage/deaths/mapping"))


def test_rates_per_thousand_appear_for_years_with_a_population_and_follow_their_counts_suppression():
    from scrutiny.custody_deaths.models import PopulationFigure

    # 30 deaths in 2019, 2 in 2020 (suppressed), 9 in 2021 (withheld: with the total it would give 2020's)
    rows = [scottish_death(i, date_of_death="2019-05-10" if i < 30 else "2020-06-1" + str(i % 10) if i < 32 else "2021-02-0" + str(1 + i % 9))
            for i in range(41)]
    assert run_import(scottish(rows), "csv", release_name="2020-21").stored
    Death.objects.update(is_published=True)
    PopulationFigure.objects.create(year=2019, jurisdiction="scotland", average_daily_population=8000)
    PopulationFigure.objects.create(year=2020, jurisdiction="scotland", average_daily_population=7000)
    PopulationFigure.objects.create(year=2021, jurisdiction="scotland", average_daily_population=7500)
    about, rates = read_csv(text(Client().get("/deaths-in-custody/rates.csv?jurisdiction=scotland")))
    by_year = {row["Year"]: row for row in rates}
    assert by_year["2019"]["Deaths per 1,000"] == "3.75"  # 30 deaths, 8,000 people
    assert by_year["2020"]["Deaths"] == "fewer than 5" and by_year["2020"]["Deaths per 1,000"] == "fewer than 5"
    assert by_year["2021"]["Deaths"] == by_year["2021"]["Deaths per 1,000"] == "withheld"

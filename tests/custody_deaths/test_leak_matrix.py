"""Role × surface for the deaths database: a release not yet published changes no public
surface for anybody (each page and download is fetched before and after it is imported, and
must be identical), and its names reach only the roles that may see personal data."""

import re

import pytest
from django.test import Client

from custody_deaths.samples import scottish, scottish_death
from factories import sign_in, staff_member
from leaks.test_leak_matrix import readable
from scrutiny.custody_deaths.importer import run_import
from scrutiny.custody_deaths.models import AnnualRelease, Death

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "contributor", "administrator", "editor", "scotland"]
PUBLIC = ["/deaths-in-custody", "/deaths-in-custody?jurisdiction=scotland", "/", "/sitemap.xml"] + [
    f"/deaths-in-custody/{table}.{fmt}?jurisdiction=scotland"
    for table in ["by-year", "by-cause", "year-by-cause", "by-financial-year", "by-age", "by-sex", "by-establishment", "inquiries"]
    for fmt in ["csv", "json", "xlsx"]
]
STAFF = ["/manage/deaths", "/manage/deaths/records", "/manage/deaths/records/{id}", "/manage/deaths/mapping"]
MARKER = "Quillwort"


def client_for(role: str) -> Client:
    if role == "anonymous":
        return Client()
    return sign_in(Client(), staff_member(role, "hmip" if role == "contributor" else None))


def answer(client: Client, address: str) -> tuple[int, str]:
    response = client.get(address)
    body = readable(response) if response.status_code == 200 else ""
    return response.status_code, re.sub(r'(name="csrfmiddlewaretoken" value|nonce)="[^"]+"', "", body)


def published_world():
    assert run_import(scottish([scottish_death(i) for i in range(25)]), "csv", release_name="2022-23").stored
    AnnualRelease.objects.filter(name="2022-23").update(published="2023-07-01T09:00:00Z")
    Death.objects.update(is_published=True)


@pytest.mark.parametrize("role", ROLES)
def test_an_unpublished_release_changes_no_public_surface(role):
    published_world()
    client = client_for(role)
    before = {address: answer(client, address) for address in PUBLIC}
    rows = [scottish_death(100 + i, surname=f"{MARKER}{i}", date_of_death="2024-05-0{}".format(1 + i % 9)) for i in range(8)]
    assert run_import(scottish(rows), "csv", release_name="2024-25").stored
    after = {address: answer(client, address) for address in PUBLIC}
    for address in PUBLIC:
        assert after[address] == before[address], f"{role} sees the unpublished release at {address}"


@pytest.mark.parametrize("role", ROLES)
def test_names_reach_only_the_roles_that_may_see_personal_data(role):
    published_world()
    run_import(scottish([scottish_death(200, surname=MARKER)]), "csv", release_name="2024-25")
    death = Death.objects.get(surname=MARKER)
    client = client_for(role)
    for address in STAFF:
        status, body = answer(client, address.format(id=death.pk))
        if role in ("scotland", "editor") and address != "/manage/deaths" and address != "/manage/deaths/mapping":
            assert status == 200 and MARKER in body
        else:
            assert MARKER not in body, f"{role} sees a name at {address}"
            if role in ("anonymous", "contributor", "administrator"):
                assert status in (302, 403)

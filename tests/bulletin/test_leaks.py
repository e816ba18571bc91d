"""Nothing unpublished reaches a bulletin or the archive: role × surface, in the manner of
tests/leaks/test_leak_matrix.py.

The hidden things (a draft report and its findings, a withdrawn finding, a draft tracker item
and its date, a tracker item's internal notes, an unpublished business plan, a plan activity's
lead and status, a draft bulletin) all carry one word. Each public surface is read before they
exist and after, by each role, and must be identical; a draft bulletin's own addresses answer
exactly as a month with no bulletin does. Then the November bulletin is composed from the
suggestions while they exist, and none of its outputs carries the word."""

import re
from datetime import date

import pytest
from django.test import Client

from bulletin.world import MARKER, NOVEMBER, SITE, november_bulletin, published_month, unpublished_things
from factories import sign_in, staff_member
from scrutiny.bulletin import render, services, suggest
from scrutiny.bulletin.models import Section

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "contributor", "scotland", "editor"]
PUBLIC_SURFACES = {
    "archive": "/bulletin",
    "archive in Welsh": "/cy/bulletin",
    "bulletin page": "/bulletin/2025-11",
    "bulletin page in Welsh": "/cy/bulletin/2025-11",
    "e-mail file": "/bulletin/2025-11/email.html",
    "plain-text file": "/bulletin/2025-11/bulletin.txt",
}
# A draft bulletin's addresses, and the same shape for a month that never had one.
DIRECT_SURFACES = {
    "draft bulletin": ("/bulletin/2025-12", "/bulletin/2031-01"),
    "draft bulletin in Welsh": ("/cy/bulletin/2025-12", "/cy/bulletin/2031-01"),
    "draft bulletin's e-mail": ("/bulletin/2025-12/email.html", "/bulletin/2031-01/email.html"),
    "draft bulletin's text": ("/bulletin/2025-12/bulletin.txt", "/bulletin/2031-01/bulletin.txt"),
    "not a month": ("/bulletin/2025-13", "/bulletin/2031-01"),
}
STAFF_SURFACES = [
    "/manage/bulletin", "/manage/bulletin/2025-12", "/manage/bulletin/2025-12/email", "/manage/bulletin/2025-12/text",
    "/manage/bulletin/2025-12/sections/welcome",
]
# Only those who make the NPM's outputs compose the bulletin.
MAKERS = {"editor"}


def client_for(role: str) -> Client:
    if role == "anonymous":
        return Client()
    return sign_in(Client(), staff_member(role, "hmip" if role == "contributor" else None))


def composed(bulletin):
    for key in suggest.SUGGESTERS:
        made = suggest.suggest(key, NOVEMBER, SITE)
        services.save_section(Section.objects.get(bulletin=bulletin, key=key), "", made.text, [vars(e) for e in made.entries])
    return bulletin


def read(client: Client, address: str) -> tuple[int, str]:
    response = client.get(address)
    text = (b"".join(response.streaming_content) if response.streaming else response.content).decode()
    text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", text)
    return response.status_code, re.sub(r'nonce="[^"]+"', "", text)


def hide_in_draft_december():
    december = services.staff_bulletin("2025-12")
    services.save_section(Section.objects.get(bulletin=december, key="welcome"), "", f"{MARKER} welcome", [])


@pytest.mark.parametrize("role", ROLES)
def test_public_surfaces_answer_as_if_nothing_unpublished_existed(role):
    published_month()
    composed(november_bulletin())
    client = client_for(role)
    before = {name: read(client, address) for name, address in PUBLIC_SURFACES.items()}
    assert {name: status for name, (status, _) in before.items()} == {name: 200 for name in PUBLIC_SURFACES}
    unpublished_things()
    hide_in_draft_december()
    for name, address in PUBLIC_SURFACES.items():
        status, text = read(client, address)
        assert (status, text) == before[name], f"{name} changed for {role}"
        assert MARKER not in text, f"{name} leaked to {role}"
    for name, (address, never) in DIRECT_SURFACES.items():
        answer, nothing = read(client, address), read(client, never)
        assert answer[0] == 404, f"{name} answered {answer[0]} for {role}"
        assert answer == nothing, f"{name} says more than 'not found' to {role}"


def test_a_bulletin_composed_while_unpublished_things_exist_carries_none_of_them(client):
    published_month()
    unpublished_things()
    bulletin = composed(november_bulletin())
    outputs = {
        "e-mail": render.email_html(bulletin, SITE),
        "text": render.plain_text(bulletin, SITE),
        "page": read(client, "/bulletin/2025-11")[1],
        "e-mail file": read(client, "/bulletin/2025-11/email.html")[1],
        "archive": read(client, "/bulletin")[1],
    }
    for name, text in outputs.items():
        assert MARKER not in text, name
        assert "At risk" not in text, name  # a plan activity's status is the secretariat's own working
    # The published things are there: the test would notice an empty bulletin.
    assert "HMP Kelderbrook" in outputs["e-mail"] and "Committee evidence session" in outputs["text"]


@pytest.mark.parametrize("role", ROLES)
def test_the_composer_is_only_for_those_who_make_the_outputs(role):
    published_month()
    unpublished_things()
    hide_in_draft_december()
    client = client_for(role)
    for address in STAFF_SURFACES:
        status, text = read(client, address)
        if role in MAKERS:
            assert status == 200, f"{address} refused the {role}"
        else:
            assert status in (302, 403), f"{address} answered {status} for {role}"
            assert MARKER not in text, f"{address} leaked to {role}"


def test_a_month_the_editor_has_not_started_answers_not_found_to_staff_too():
    client = client_for("editor")
    assert client.get("/manage/bulletin/2031-01").status_code == 404
    assert client.get("/manage/bulletin/2025-11/sections/nonsense").status_code == 404
    services.start(date(2025, 11, 1))
    assert client.get("/manage/bulletin/2025-11/sections/nonsense").status_code == 404


def test_the_matrix_covers_every_role_and_surface(capsys):
    cells = len(ROLES) * (len(PUBLIC_SURFACES) + len(DIRECT_SURFACES) + len(STAFF_SURFACES))
    with capsys.disabled():
        print(f"\nbulletin leak matrix: {len(ROLES)} roles x "
              f"{len(PUBLIC_SURFACES) + len(DIRECT_SURFACES) + len(STAFF_SURFACES)} surfaces = {cells} cells")

"""Nothing internal reaches the public business-plan pages, whoever asks: not an unpublished
plan, not an activity's lead or status (the secretariat's own working), not the consistency
checks. In the manner of tests/leaks/test_leak_matrix.py: each public surface is fetched before
the internal things exist and after, and the two answers must be the same."""

import difflib
import re
from datetime import date

import pytest
from django.test import Client

from business_plan.files import APPENDIX
from factories import sign_in, staff_member
from scrutiny.business_plan.models import Activity, Objective, Plan
from scrutiny.cli import main

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "contributor", "editor", "administrator", "scotland"]
MARKER = "Quillwort"  # a word only internal things use
SURFACES = [
    "/business-plan", "/business-plan?objective=2", "/business-plan?priority=core", "/business-plan?lead=Officer",
    "/business-plan.csv", "/business-plan.csv?objective=2",
]


def client_for(role: str) -> Client:
    if role == "anonymous":
        return Client()
    return sign_in(Client(), staff_member(role, "hmip" if role == "contributor" else None))


def answer(client: Client, address: str) -> tuple[int, str]:
    response = client.get(address)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    # What differs between any two requests: form tokens and the script nonce.
    text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", body.decode())
    return response.status_code, re.sub(r'nonce="[^"]+"', "", text)


def add_internal_things() -> str:
    Activity.objects.filter(code__in=["2.2", "3.1"]).update(lead=f"{MARKER} Officer", status="at_risk")
    hidden = Plan.objects.create(title=f"{MARKER} business plan 2027-28", slug="quillwort-2027-28",
                                 first_month=date(2027, 4, 1), last_month=date(2028, 3, 1), is_published=False)
    objective = Objective.objects.create(plan=hidden, number=1, title=f"{MARKER} objective")
    Activity.objects.create(plan=hidden, objective=objective, code="1.1", title=f"{MARKER} activity",
                            start_month=date(2027, 4, 1), end_month=date(2027, 6, 1))
    return hidden.slug


@pytest.mark.parametrize("role", ROLES)
def test_public_business_plan_pages_show_nothing_internal(role, capsys):
    main(["plan", "import", str(APPENDIX)])
    client = client_for(role)
    before = {address: answer(client, address) for address in SURFACES}
    never = answer(client, "/business-plan?plan=no-such-plan")
    hidden_slug = add_internal_things()
    for address in SURFACES:
        status, body = answer(client, address)
        assert status == 200, address
        assert MARKER not in body and "At risk" not in body, (role, address)
        assert "does not add up" not in body and "stated total" not in body, (role, address)
        changed = [line for line in difflib.unified_diff(before[address][1].splitlines(), body.splitlines(), lineterm="", n=0)
                   if line[:1] in "+-" and line[:3] not in ("+++", "---")]
        assert changed == [], (role, address)
    assert answer(client, f"/business-plan?plan={hidden_slug}")[0] == never[0] == 404
    assert answer(client, f"/business-plan.csv?plan={hidden_slug}")[0] == 404

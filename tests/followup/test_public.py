"""What the public sees of follow-up: a finding's status history with links to the assessments,
the status chart by body on /follow-up with its table and the /findings filters, and never a
verdict from a report that is not published."""

import re
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from factories import EstablishmentFactory, nation, staff_member
from followup.test_links import CONCERN, inspection, review, top_suggestion
from scrutiny.curation.services import change_state
from scrutiny.findings.models import Finding, Status
from scrutiny.followup import services

pytestmark = pytest.mark.django_db


def page(address: str) -> tuple[int, str]:
    response = Client().get(address)
    text = re.sub(r'nonce="[^"]+"', "", response.content.decode())
    return response.status_code, text


def test_a_finding_page_shows_its_status_history_with_the_bodys_words_and_the_assessments():
    place = EstablishmentFactory()
    _, concern = inspection(place)
    _, first = review(place, "insufficient progress", date(2023, 6, 1))
    services.confirm(staff_member("editor"), top_suggestion(first).id)
    _, second = review(place, "good progress", date(2025, 1, 15))
    services.confirm(staff_member("editor"), top_suggestion(second).id)

    status, text = page(reverse("finding", args=[concern.id]))
    history = text[text.index('id="status-history"'):]
    assert history.index("1 June 2023") < history.index("15 January 2025")
    assert "“insufficient progress”" in history and "“good progress”" in history
    assert reverse("finding", args=[first.id]) in history and reverse("finding", args=[second.id]) in history
    assert "Good progress (the report says “good progress”)" in text  # the status row, the latest verdict

    _, text = page(reverse("finding", args=[second.id]))
    assert f'href="{reverse("finding", args=[concern.id])}"' in text  # what it assesses


@pytest.mark.parametrize("way", ["draft", "in_review", "withdrawn"])
def test_a_verdict_in_an_unpublished_report_is_never_shown(way):
    place = EstablishmentFactory()
    _, concern = inspection(place)
    surfaces = [reverse("finding", args=[concern.id]), reverse("follow_up"), reverse("follow_up") + "?body=hmip",
                reverse("findings") + "?status=some_progress"]
    before = {address: page(address) for address in surfaces}

    report, assessment = review(place, draft=way != "withdrawn")
    services.confirm(staff_member("editor"), top_suggestion(assessment).id)
    if way == "in_review":
        change_state(staff_member("contributor", "hmip"), report.id, "in_review")
    if way == "withdrawn":
        assert Finding.objects.get(pk=concern.pk).status == Status.SOME_PROGRESS  # shown while published
        change_state(staff_member("editor"), report.id, "draft")

    assert Finding.objects.get(pk=concern.pk).status == Status.NOT_ASSESSED
    for address in surfaces:
        assert page(address) == before[address], address

    change_state(staff_member("editor"), report.id, "published")
    _, text = page(reverse("finding", args=[concern.id]))
    assert "“reasonable progress”" in text


def test_the_status_chart_counts_each_concern_once_by_body_with_a_table():
    place = EstablishmentFactory()
    _, concern = inspection(place)
    _, assessment = review(place, "not implemented")  # linked: counted on the earlier finding
    services.confirm(staff_member("editor"), top_suggestion(assessment).id)
    review(EstablishmentFactory(), "achieved", text="The kitchen should be refurbished.")  # unlinked: counted itself
    _, scottish = inspection(EstablishmentFactory(), slug="hmips", nation=nation("scotland"))
    Finding.objects.filter(pk=scottish.pk).update(status=Status.ACHIEVED, status_in_source="Implemented")

    status, text = page(reverse("follow_up"))
    assert status == 200
    table = text[text.index('id="status-table"'):]
    row = re.search(r"HM Inspectorate of Prisons</th>(.*?)</tr>", table, re.S)[1]
    assert re.findall(r">(\d+)</td>", row) == ["1", "0", "0", "1", "0", "2"]  # achieved, ..., no progress, all
    assert "<svg" in text and 'role="img"' in text

    _, text = page(reverse("follow_up") + "?nation=scotland&body=nowhere")
    assert "HM Inspectorate of Prisons for Scotland" in text and "HM Inspectorate of Prisons</th>" not in text
    assert "there is no body “nowhere”" in text

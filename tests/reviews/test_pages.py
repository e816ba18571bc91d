"""The public reviews pages and downloads, and the staff forms that feed them."""

import io
import json
from datetime import date, timedelta

import openpyxl
import pytest

from factories import sign_in, staff_member
from reviews.world import published_review, recommendation, update
from scrutiny.api.exports import read_csv
from scrutiny.key_issues.models import KeyIssue
from scrutiny.reviews.models import Review
from scrutiny.tracker.models import Item

pytestmark = pytest.mark.django_db


@pytest.fixture
def remand():
    review = published_review()
    bail = recommendation(review, "1", "Bail should be the presumption for every offence that cannot lead to prison.", "accepted", page=12,
                          response_text="The Government will legislate in the next Bill.")
    recommendation(review, "2", "Remand should be reviewed every 28 days by the court.", "partly_accepted", page=13)
    recommendation(review, "3", "Children should never be remanded to a prison.", "rejected", page=14)
    recommendation(review, "4", "Data on remand should be published quarterly.", page=15)
    update(bail, date(2023, 3, 1), "in_progress", "The Bail and Release Bill was introduced.")
    update(bail, date(2024, 6, 1), "implemented", "The Act came into force.")
    # Entered later, for an earlier date: the newer status still stands.
    update(bail, date(2022, 12, 1), "not_started", "Nothing yet.")
    return review


def text_of(response) -> str:
    return response.content.decode()


def test_a_review_page_shows_each_recommendation_with_its_response_and_latest_status(client, remand):
    page = text_of(client.get("/independent-reviews/remand"))
    assert "Independent Review of Remand in Scotland" in page
    assert "Bail should be the presumption" in page and "(page 12)" in page
    assert "The Government will legislate in the next Bill." in page
    assert "Partly accepted" in page and "Rejected" in page and "Not yet responded" in page
    assert "The Act came into force." in page and "as of 1 June 2024" in page
    assert "<strong>so many</strong>" in page  # the summary's Markdown
    assert "Status over time" in page  # the bail recommendation's three updates


def test_the_summary_counts_responses_and_latest_statuses_in_a_chart_with_its_table(client, remand):
    page = text_of(client.get("/independent-reviews/remand"))
    assert page.count('role="img"') >= 2 and "<svg" in page
    responses = page.split('id="review-summary-responses"')[1].split("</table>")[0]
    for label in ("Accepted", "Partly accepted", "Rejected", "Not yet responded"):
        assert f'{label}</th>\n      <td class="govuk-table__cell govuk-table__cell--numeric">1</td>' in responses
    implementation = page.split('id="review-summary-implementation"')[1].split("</table>")[0]
    assert 'Implemented</th>\n      <td class="govuk-table__cell govuk-table__cell--numeric">1</td>' in implementation
    assert 'No update yet</th>\n      <td class="govuk-table__cell govuk-table__cell--numeric">3</td>' in implementation
    assert 'Not started</th>\n      <td class="govuk-table__cell govuk-table__cell--numeric">0</td>' in implementation


def test_the_list_shows_published_reviews_and_the_progress_reviews_that_have_come_due(client, remand):
    published_review(title="Independent Review of Mental Health Care in Custody", slug="mental-health",
                     progress_review_due=date.today() - timedelta(days=3), status="responded")
    published_review(title="Independent Review of Prison Visits", slug="visits", progress_review_due=date.today() + timedelta(days=300))
    published_review(title="Independent Review of Strip Searching", slug="searching",
                     progress_review_due=date.today() - timedelta(days=30), status="progress_reviewed")
    page = text_of(client.get("/independent-reviews"))
    assert "4 published reviews" in page
    due = page.split('id="due-heading"')[1].split("</section>")[0]
    assert "Mental Health Care in Custody" in due
    assert "Prison Visits" not in due and "Strip Searching" not in due
    summary = page.split('id="all-summary-responses"')[1].split("</table>")[0]
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">4</td>' in summary


def test_links_show_only_published_tracker_items_and_key_issues(client, remand):
    remand.tracker_items.add(Item.objects.create(slug="bail-bill", title="Bail and Release from Custody Bill", is_published=True),
                             Item.objects.create(slug="secret", title="Draft tracker line", is_published=False))
    remand.key_issues.add(KeyIssue.objects.create(slug="remand", title="Use of remand", is_published=True))
    page = text_of(client.get("/independent-reviews/remand"))
    assert "Bail and Release from Custody Bill" in page and "Use of remand" in page
    assert "Draft tracker line" not in page


def test_downloads_give_reviews_and_recommendations_with_their_latest_status(client, remand):
    about, rows = read_csv(b"".join(client.get("/independent-reviews.csv").streaming_content).decode())
    assert "Open Government Licence" in about["licence"]
    assert rows[0]["slug"] == "remand" and rows[0]["recommendations"] == "4"
    assert rows[0]["response_accepted"] == "1" and rows[0]["implementation_implemented"] == "1" and rows[0]["implementation_none"] == "3"

    data = json.loads(b"".join(client.get("/independent-reviews/recommendations.json").streaming_content))
    first = data["rows"][0]
    assert first["number"] == "1" and first["implementation_status"] == "implemented"
    assert first["implementation_date"] == "2024-06-01" and first["updates"] == 3
    assert data["rows"][3]["implementation_status"] == "none" and data["rows"][3]["response"] == "not_yet"

    book = openpyxl.load_workbook(io.BytesIO(b"".join(client.get("/independent-reviews/remand.xlsx").streaming_content)))
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    assert [c.value for c in sheet[2]][header.index("text")].startswith("Bail should be")
    assert client.get("/independent-reviews/nothing-here.csv").status_code == 404


def test_a_cell_that_a_spreadsheet_would_run_is_neutralised(client, remand):
    recommendation(remand, "5", "=HYPERLINK(\"http://evil.example\")")
    _about, rows = read_csv(b"".join(client.get("/independent-reviews/recommendations.csv").streaming_content).decode())
    assert rows[-1]["text"].startswith("'=")


# --- staff --------------------------------------------------------------------------------------

@pytest.fixture
def editor(client):
    return sign_in(client, staff_member("scotland"))


def test_an_added_review_is_a_draft_until_published(client, editor):
    answer = client.post("/manage/independent-reviews/new", {
        "title": "Independent Review of Deaths in Custody", "commissioned_by": "Scottish Government", "chair": "A. Chair",
        "status": "in_progress", "date_announced": "2024-01-15", "summary": "", "notes": "Chair to be confirmed.",
    })
    review = Review.objects.get()
    assert answer.status_code == 302 and review.slug == "independent-review-of-deaths-in-custody"
    assert not review.is_published
    assert client.get(f"/independent-reviews/{review.slug}").status_code == 404
    client.post(f"/manage/independent-reviews/{review.id}/publish", {"publish": "yes"})
    assert client.get(f"/independent-reviews/{review.slug}").status_code == 200
    client.post(f"/manage/independent-reviews/{review.id}/publish", {"publish": "no"})
    assert client.get(f"/independent-reviews/{review.slug}").status_code == 404


def test_a_review_with_bad_dates_or_a_taken_address_is_refused_with_reasons(client, editor, remand):
    answer = client.post("/manage/independent-reviews/new", {
        "title": "Another", "slug": "remand", "status": "published", "date_announced": "2024-05-01", "date_published": "2024-01-01",
    })
    page = text_of(answer)
    assert "There is a problem" in page
    assert "Another review already uses this address name" in page
    assert "cannot be published before the review was announced" in page
    assert Review.objects.count() == 1


def test_staff_record_a_response_and_updates_and_the_public_page_follows(client, editor, remand):
    data_line = remand.recommendations.get(number="4")
    client.post(f"/manage/independent-reviews/recommendations/{data_line.id}/response",
                {"response": "accepted", "response_text": "Quarterly figures will start in April."})
    client.post(f"/manage/independent-reviews/recommendations/{data_line.id}/updates/new",
                {"date": "2025-05-01", "status": "implemented", "evidence": "First quarterly figures published.",
                 "evidence_link": "https://example.org/remand-figures"})
    data_line.refresh_from_db()
    assert data_line.response == "accepted"
    latest = data_line.updates.get()
    assert latest.recorded_by_name  # who recorded it is kept for staff
    page = text_of(client.get("/independent-reviews/remand"))
    assert "Quarterly figures will start in April." in page and "First quarterly figures published." in page


def test_a_recommendation_added_by_hand_cannot_take_a_number_already_used(client, editor, remand):
    answer = client.post(f"/manage/independent-reviews/{remand.id}/recommendations/new", {"number": "2", "text": "Again.", "page": ""})
    assert "already has a recommendation with this number" in text_of(answer)
    client.post(f"/manage/independent-reviews/{remand.id}/recommendations/new", {"number": "9", "text": "Something new.", "page": "40"})
    assert remand.recommendations.get(number="9").page == 40


def test_the_staff_home_offers_the_reviews_to_those_who_may_edit_them(client):
    """Through the staff-home tool registry (the home page itself also lists other apps' tools)."""
    from django.urls import reverse

    from scrutiny.curation.tools import tools_for

    def offered(person) -> list[str]:
        return [reverse(tool.url_name) for tool in tools_for(person)]

    assert "/manage/independent-reviews" in offered(staff_member("editor"))
    assert "/manage/independent-reviews" in offered(staff_member("scotland"))
    administrator = staff_member("administrator")
    assert "/manage/independent-reviews" not in offered(administrator)
    assert sign_in(client, administrator).get("/manage/independent-reviews").status_code == 403


def test_the_demo_reviews_are_marked_as_demo_and_load_twice_without_doubling(client, capsys):
    import argparse

    from scrutiny.reviews import commands

    parser = argparse.ArgumentParser()
    commands.register(parser.add_subparsers())
    for _ in range(2):
        args = parser.parse_args(["reviews", "demo"])
        assert args.func(args) == 0
    assert Review.objects.count() == 2 and all(r.title.startswith("[Demo]") for r in Review.objects.all())
    page = text_of(client.get("/independent-reviews"))
    assert "[Demo] Independent Review of Family Contact in Prisons" in page
    args = parser.parse_args(["reviews", "demo", "--remove"])
    args.func(args)
    assert not Review.objects.exists()

"""An editor uploads a review's report (a real Word or PDF file written here), checks the
recommendations the extractor found, and stores them with their numbers and pages."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from factories import sign_in, staff_member
from reviews.report_files import RECOMMENDATIONS, write_docx, write_pdf
from scrutiny.reviews.models import Review, ReviewRecommendation

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    return sign_in(client, staff_member("scotland"))


@pytest.fixture
def review():
    return Review.objects.create(title="Independent Review of Family Contact in Scottish Prisons", slug="family-contact")


def upload(client, review, path):
    with path.open("rb") as handle:
        return client.post(f"/manage/independent-reviews/{review.id}/extract", {"file": handle})


def confirm_everything(client, review, response):
    """Post the confirmation form back as the page shows it, every box as ticked."""
    html = response.content.decode()
    data = {name: value for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html)}
    for name, value in re.findall(r'name="(form-\d+-(?:number|page))"[^>]*value="([^"]*)"', html):
        data[name] = value
    for name, text in re.findall(r'name="(form-\d+-text)"[^>]*>([^<]*)</textarea>', html):
        data[name] = text
    for name in re.findall(r'name="(form-\d+-keep)"[^>]*checked', html):
        data[name] = "on"
    return client.post(f"/manage/independent-reviews/{review.id}/extract/confirm", data)


@pytest.mark.parametrize("writer, pages", [(write_docx, [4, 4, 4, 4, 5, 5]), (write_pdf, [3, 3, 3, 3, 4, 4])])
def test_recommendations_found_in_the_report_are_shown_then_stored_with_their_pages(client, editor, review, tmp_path, writer, pages):
    path = writer(tmp_path / ("report.docx" if writer is write_docx else "report.pdf"))
    shown = upload(client, review, path)
    assert shown.status_code == 200
    page = shown.content.decode()
    assert "6 recommendations were found in" in page
    assert not ReviewRecommendation.objects.exists(), "nothing is stored before a person confirms"
    for _number, text in RECOMMENDATIONS:
        assert text in page
    assert "Report to Scottish Ministers" not in page and "Families told us" not in page

    done = confirm_everything(client, review, shown)
    assert done.status_code == 302
    stored = list(review.recommendations.order_by("position"))
    assert [(r.number, r.text, r.page) for r in stored] == [(n, t, p) for (n, t), p in zip(RECOMMENDATIONS, pages)]
    assert all(r.extracted_from == path.name for r in stored)


def test_a_person_corrects_one_and_leaves_out_another_before_storing(client, editor, review, tmp_path):
    shown = upload(client, review, write_docx(tmp_path / "report.docx"))
    html = shown.content.decode()
    data = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))
    for i, (number, text) in enumerate(RECOMMENDATIONS):
        data.update({f"form-{i}-number": number, f"form-{i}-text": text, f"form-{i}-page": "4", f"form-{i}-keep": "on"})
    data["form-0-text"] = "The Scottish Prison Service should guarantee a free video call every week."
    del data["form-5-keep"]
    client.post(f"/manage/independent-reviews/{review.id}/extract/confirm", data)
    stored = list(review.recommendations.order_by("position"))
    assert [r.number for r in stored] == ["1", "2", "3", "4", "5"]
    assert stored[0].text == "The Scottish Prison Service should guarantee a free video call every week."


def test_storing_again_numbers_already_held_stores_nothing_and_says_which(client, editor, review, tmp_path):
    ReviewRecommendation.objects.create(review=review, number="3", text="Entered earlier by hand.")
    shown = upload(client, review, write_docx(tmp_path / "report.docx"))
    again = confirm_everything(client, review, shown)
    assert again.status_code == 200
    assert "already has recommendations numbered 3" in again.content.decode()
    assert review.recommendations.count() == 1


def test_a_ticked_recommendation_with_no_text_is_refused_and_nothing_is_stored(client, editor, review, tmp_path):
    shown = upload(client, review, write_docx(tmp_path / "report.docx"))
    html = shown.content.decode()
    data = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))
    data.update({"form-0-keep": "on", "form-0-number": "1", "form-0-text": "  ", "form-1-keep": "on", "form-1-text": "Something."})
    answer = client.post(f"/manage/independent-reviews/{review.id}/extract/confirm", data)
    assert "text, or untick it" in answer.content.decode()
    assert not review.recommendations.exists()


def test_a_file_that_is_not_a_report_gets_a_clear_message(client, editor, review):
    fake = SimpleUploadedFile("report.pdf", b"this is not a PDF at all", content_type="application/pdf")
    answer = client.post(f"/manage/independent-reviews/{review.id}/extract", {"file": fake})
    assert answer.status_code == 200
    assert "We could not read this file" in answer.content.decode()
    spreadsheet = SimpleUploadedFile("report.xlsx", b"PK\x03\x04", content_type="application/octet-stream")
    answer = client.post(f"/manage/independent-reviews/{review.id}/extract", {"file": spreadsheet})
    assert "We could not read this file" in answer.content.decode()
    assert not review.recommendations.exists()


def test_a_report_without_recommendations_says_to_add_them_by_hand(client, editor, review, tmp_path):
    from docx import Document

    document = Document()
    document.add_heading("Annual update on the review", 1)
    document.add_paragraph("Work continued across the year on each of the areas the review examined.")
    document.save(tmp_path / "update.docx")
    answer = upload(client, review, tmp_path / "update.docx")
    assert "We found no numbered recommendations in this file" in answer.content.decode()

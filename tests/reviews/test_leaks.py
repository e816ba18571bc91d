"""Nothing of an unpublished review, and no staff-only field of a published one, reaches the
public. Every role × every public surface × each way a review can be unpublished (a draft never
published, or published then withdrawn), in the manner of tests/leaks/test_leak_matrix.py: each
public page is fetched before the unpublished review exists and after, and must not change; its
direct addresses answer exactly as addresses that never existed."""

import re
from datetime import date

import pytest
from django.test import Client

from factories import sign_in, staff_member
from reviews.world import published_review, recommendation, update
from scrutiny.reviews import services
from scrutiny.reviews.models import Review
from scrutiny.tracker.models import Item

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "contributor", "administrator", "scotland", "editor"]
MAY_EDIT = {"scotland", "editor"}
WAYS = ["draft", "withdrawn"]
MARKER = "Quillwort"  # only the unpublished review and the staff-only fields use it
FORMATS = ["csv", "json", "xlsx"]

PUBLIC = ["/independent-reviews", "/cy/independent-reviews", "/independent-reviews/remand", "/cy/independent-reviews/remand",
          *[f"/independent-reviews.{f}" for f in FORMATS], *[f"/independent-reviews/recommendations.{f}" for f in FORMATS],
          *[f"/independent-reviews/remand.{f}" for f in FORMATS]]
DIRECT = ["/independent-reviews/{slug}", "/cy/independent-reviews/{slug}", *[f"/independent-reviews/{{slug}}.{f}" for f in FORMATS]]
NEVER_EXISTED = "no-such-review-ever"
STAFF = ["/manage/independent-reviews", "/manage/independent-reviews/{id}", "/manage/independent-reviews/{id}/edit"]


def client_for(role: str) -> Client:
    client = Client()
    if role == "anonymous":
        return client
    return sign_in(client, staff_member(role, "hmip" if role == "contributor" else None))


def published_world() -> Review:
    """A published review whose staff-only fields hold the marker, linked to an unpublished tracker item."""
    review = published_review(notes=f"{MARKER}: the chair asked us not to quote this yet.", updated_by_name=f"Ann {MARKER}")
    one = recommendation(review, "1", "Bail should be the presumption.", "accepted", page=12)
    one.extracted_from = f"{MARKER}-draft.docx"
    one.save()
    update(one, date(2024, 6, 1), "implemented", "The Act came into force.", by=f"Bea {MARKER}")
    review.tracker_items.add(Item.objects.create(slug="hidden-line", title=f"Tracker line on {MARKER}", is_published=False))
    return review


def add_unpublished(way: str) -> Review:
    hidden = Review.objects.create(title=f"Independent Review of {MARKER} Hall", slug=f"{MARKER.lower()}-hall", status="published",
                                   date_published=date(2024, 2, 2), summary=f"{MARKER} summary.")
    rec = recommendation(hidden, "1", f"{MARKER} should close.", "rejected")
    update(rec, date(2024, 5, 5), "not_implemented", f"{MARKER} evidence.")
    if way == "withdrawn":
        editor = staff_member("editor")
        services.set_published(hidden, True, editor)
        services.set_published(hidden, False, editor)
    return hidden


def page(client: Client, address: str) -> tuple[int, str]:
    response = client.get(address)
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Type", "").startswith("application/vnd.openxmlformats"):
        import io

        import openpyxl

        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
        text = "\n".join(repr(row) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True))
    else:
        text = content.decode()
    text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", text)
    text = re.sub(r'nonce="[^"]+"', "", text)
    return response.status_code, text


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("role", ROLES)
def test_public_surfaces_answer_as_if_the_unpublished_review_did_not_exist(role, way):
    published_world()
    client = client_for(role)
    before = {address: page(client, address) for address in PUBLIC}
    never = {address: page(client, address.format(slug=NEVER_EXISTED)) for address in DIRECT}
    hidden = add_unpublished(way)
    for address in PUBLIC:
        status, text = page(client, address)
        assert status == 200, address
        assert (status, text) == before[address], f"{address} changed for {role} ({way})"
        assert MARKER not in text, f"{address} shows a staff-only field or an unpublished link to {role}"
    for address in DIRECT:
        status, text = page(client, address.format(slug=hidden.slug))
        assert status == 404, f"{address} answered {status} for {role} ({way})"
        assert (status, text) == never[address], f"{address} says more than 'not found' for {role} ({way})"


@pytest.mark.parametrize("role", ROLES)
def test_staff_pages_show_unpublished_reviews_and_notes_only_to_those_who_edit_reviews(role):
    published_world()
    hidden = add_unpublished("draft")
    client = client_for(role)
    for address in STAFF:
        status, text = page(client, address.format(id=hidden.id))
        if role in MAY_EDIT:
            assert status == 200 and MARKER in text, f"{address} refused {role}"
        else:
            assert status in (302, 403), f"{address} answered {status} for {role}"
            assert MARKER not in text


def test_manage_addresses_are_never_public():
    from django.urls import get_resolver

    from scrutiny.accounts import roles
    from scrutiny.reviews import urls

    assert get_resolver()  # the project's addresses load with ours among them
    for pattern in urls.urlpatterns:
        access = pattern.callback.access
        if str(pattern.pattern).lstrip("^").startswith("manage"):
            assert access == roles.EDIT_REVIEWS, pattern
        else:
            assert access == roles.PUBLIC.slug, pattern

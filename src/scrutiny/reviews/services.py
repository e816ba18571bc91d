"""The work behind the reviews pages: recommendations read from a review's report by the core
extractor (the one `scrutiny extract` uses), stored once a person has confirmed them; the latest
implementation status of each recommendation; counts for the summary tables."""

import tempfile
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.db import transaction
from django.db.models import Max, Prefetch
from django.utils import timezone
from django.utils.text import slugify

from scrutiny.reviews.models import Implementation, ImplementationUpdate, Response, Review, ReviewRecommendation, ReviewStatus

ACCEPTED_SUFFIXES = (".pdf", ".docx", ".html", ".htm")
NO_UPDATE = "none"  # the summary's name for a recommendation nobody has reported on yet


@dataclass(frozen=True)
class Extracted:
    number: str
    text: str
    page: int | None


def recommendations_in(upload) -> list[Extracted]:
    """The recommendations a review's report makes, in its order, each with its number and page.
    Raises UnreadableDocument (with a reason for the person) for a file we cannot read."""
    from scrutiny.core.document import UnreadableDocument
    from scrutiny.core.extract import extract_findings
    from scrutiny.core.text import read_document

    suffix = Path(upload.name).suffix.lower()
    if suffix not in ACCEPTED_SUFFIXES:
        raise UnreadableDocument(UnreadableDocument.UNSUPPORTED, suffix or "no extension")
    # The readers take a path, and an upload under 5 MB lives only in memory.
    with tempfile.TemporaryDirectory(prefix="review-") as folder:
        path = Path(folder) / f"report{suffix}"
        with path.open("wb") as target:
            for chunk in upload.chunks():
                target.write(chunk)
        document = read_document(path)
    findings = extract_findings(document)
    return [Extracted(f.number or "", " ".join(f.text.split()), f.page) for f in findings if f.kind == "recommendation"]


def numbers_taken(review: Review, numbers: list[str]) -> list[str]:
    held = set(review.recommendations.exclude(number="").values_list("number", flat=True))
    return [n for n in numbers if n and n in held]


def store_recommendations(review: Review, rows: list[dict], source: str = "") -> list[ReviewRecommendation]:
    """All the confirmed rows or none: after the review's existing recommendations, in order."""
    with transaction.atomic():
        start = review.recommendations.aggregate(m=Max("position"))["m"] or 0
        stored = [
            ReviewRecommendation.objects.create(
                review=review, position=start + i, number=row["number"], text=row["text"], page=row.get("page"),
                extracted_from=source[:300],
            )
            for i, row in enumerate(rows, 1)
        ]
        touch(review)
    return stored


def touch(review: Review, user=None) -> None:
    review.updated_at = timezone.now()
    if user is not None:
        review.updated_by_name = user.get_full_name() or user.get_username()
    review.save(update_fields=["updated_at", "updated_by_name"])


def unique_slug(title: str, review_id: int | None = None) -> str:
    base = slugify(title)[:100] or "review"
    slug, n = base, 2
    while Review.objects.filter(slug=slug).exclude(id=review_id).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def set_published(review: Review, published: bool, user) -> None:
    review.is_published = published
    review.save(update_fields=["is_published"])
    touch(review, user)


def record_update(recommendation: ReviewRecommendation, values: dict, user) -> ImplementationUpdate:
    update = ImplementationUpdate.objects.create(
        recommendation=recommendation, recorded_by_name=user.get_full_name() or user.get_username(), **values
    )
    touch(recommendation.review, user)
    return update


# --- reading ------------------------------------------------------------------------------------

def public_reviews():
    return Review.objects.filter(is_published=True)


def with_recommendations(reviews):
    """Reviews with their recommendations and each recommendation's updates, oldest first."""
    updates = Prefetch("updates", queryset=ImplementationUpdate.objects.order_by("date", "id"))
    recommendations = Prefetch("recommendations", queryset=ReviewRecommendation.objects.prefetch_related(updates))
    return reviews.prefetch_related(recommendations)


def latest_update(recommendation: ReviewRecommendation) -> ImplementationUpdate | None:
    """The update with the latest date (the last recorded of a day): a correction entered later
    for an earlier date does not replace a newer status."""
    updates = list(recommendation.updates.all())
    return max(updates, key=lambda u: (u.date, u.id)) if updates else None


def latest_status(recommendation: ReviewRecommendation) -> str:
    update = latest_update(recommendation)
    return update.status if update else NO_UPDATE


@dataclass(frozen=True)
class Count:
    value: str
    label: str
    count: int


def summary_counts(recommendations) -> dict:
    """How many recommendations the government accepted, partly accepted, rejected or has not
    answered, and how many stand at each implementation status by their latest update."""
    from django.utils.translation import gettext as _

    recommendations = list(recommendations)
    responses = Counter(r.response for r in recommendations)
    statuses = Counter(latest_status(r) for r in recommendations)
    implementation = [Count(s.value, str(s.label), statuses[s.value]) for s in Implementation]
    implementation.append(Count(NO_UPDATE, _("No update yet"), statuses[NO_UPDATE]))
    return {
        "total": len(recommendations),
        "by_response": [Count(r.value, str(r.label), responses[r.value]) for r in Response],
        "by_implementation": implementation,
    }


def progress_reviews_due(today: date | None = None):
    """Published reviews whose progress-review date has come and whose progress is not yet reviewed."""
    today = today or date.today()
    return (public_reviews().filter(progress_review_due__lte=today)
            .exclude(status=ReviewStatus.PROGRESS_REVIEWED).order_by("progress_review_due", "title"))

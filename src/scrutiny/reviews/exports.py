"""The reviews as downloads (CSV, JSON, XLSX through api.exports): one row per published review
with its counts, and one row per recommendation with its response and latest implementation
status. Staff-only fields (notes, who recorded what) are not columns."""

from django.http import Http404
from django.urls import reverse

from scrutiny.api.exports import FORMATS, About, Table, response
from scrutiny.reviews import services
from scrutiny.reviews.models import Implementation, Response

REVIEW_COLUMNS = [
    "slug", "address", "title", "commissioned_by", "chair", "status", "date_announced", "date_published",
    "date_responded", "progress_review_due", "link", "recommendations",
    *[f"response_{r.value}" for r in Response], *[f"implementation_{s.value}" for s in Implementation], "implementation_none",
]
RECOMMENDATION_COLUMNS = [
    "review_slug", "review_title", "address", "number", "text", "page", "response", "response_text",
    "implementation_status", "implementation_date", "implementation_evidence", "implementation_evidence_link", "updates",
]


def _check(fmt: str) -> None:
    if fmt not in FORMATS:
        raise Http404


def _review_rows(request, reviews):
    for review in reviews:
        recommendations = list(review.recommendations.all())
        counts = services.summary_counts(recommendations)
        row = {
            "slug": review.slug, "address": request.build_absolute_uri(reverse("independent_review", args=[review.slug])),
            "title": review.title, "commissioned_by": review.commissioned_by, "chair": review.chair, "status": review.status,
            "date_announced": review.date_announced, "date_published": review.date_published,
            "date_responded": review.date_responded, "progress_review_due": review.progress_review_due, "link": review.link,
            "recommendations": counts["total"],
        }
        row.update({f"response_{c.value}": c.count for c in counts["by_response"]})
        row.update({f"implementation_{c.value}": c.count for c in counts["by_implementation"]})
        yield row


def _recommendation_rows(request, reviews):
    for review in reviews:
        address = request.build_absolute_uri(reverse("independent_review", args=[review.slug]))
        for recommendation in review.recommendations.all():
            latest = services.latest_update(recommendation)
            yield {
                "review_slug": review.slug, "review_title": review.title, "address": address,
                "number": recommendation.number, "text": recommendation.text, "page": recommendation.page,
                "response": recommendation.response, "response_text": recommendation.response_text,
                "implementation_status": latest.status if latest else services.NO_UPDATE,
                "implementation_date": latest.date if latest else None,
                "implementation_evidence": latest.evidence if latest else "",
                "implementation_evidence_link": latest.evidence_link if latest else "",
                "updates": len(recommendation.updates.all()),
            }


def reviews_export(request, fmt: str):
    _check(fmt)
    reviews = services.with_recommendations(services.public_reviews())
    about = About("Independent reviews", request.build_absolute_uri(), "every published independent review", "")
    return response(fmt, Table(REVIEW_COLUMNS, _review_rows(request, reviews)), about, "independent-reviews")


def recommendations_export(request, fmt: str, slug: str | None = None):
    _check(fmt)
    reviews = services.public_reviews()
    what, words = "independent-review-recommendations", "every recommendation of every published independent review"
    if slug is not None:
        reviews = reviews.filter(slug=slug)
        if not reviews.exists():
            raise Http404
        what, words = f"independent-review-{slug}", f"the recommendations of the review {slug}"
    about = About("Recommendations of independent reviews", request.build_absolute_uri(), words, "")
    rows = _recommendation_rows(request, services.with_recommendations(reviews))
    return response(fmt, Table(RECOMMENDATION_COLUMNS, rows), about, what)

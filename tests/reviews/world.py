"""Reviews as the tests need them: a published review with recommendations answered and
updated over time, in the words a secretariat would record them (fictional)."""

from datetime import date

from scrutiny.reviews.models import ImplementationUpdate, Review, ReviewRecommendation


def published_review(**fields) -> Review:
    values = {
        "title": "Independent Review of Remand in Scotland", "slug": "remand", "commissioned_by": "Scottish Government",
        "chair": "Professor A. Example", "status": "responded", "date_announced": date(2021, 2, 1),
        "date_published": date(2022, 3, 10), "date_responded": date(2022, 9, 1), "is_published": True,
        "summary": "The review looked at why **so many** people are held on remand.",
    }
    values.update(fields)
    return Review.objects.create(**values)


def recommendation(review: Review, number: str, text: str, response: str = "not_yet", page: int | None = None,
                   response_text: str = "") -> ReviewRecommendation:
    return ReviewRecommendation.objects.create(review=review, position=int(number), number=number, text=text,
                                               response=response, page=page, response_text=response_text)


def update(recommendation: ReviewRecommendation, when: date, status: str, evidence: str = "", by: str = "") -> ImplementationUpdate:
    return ImplementationUpdate.objects.create(recommendation=recommendation, date=when, status=status, evidence=evidence,
                                               recorded_by_name=by)

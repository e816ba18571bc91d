"""Demo reviews: FICTIONAL, for trying the tracker out. The reviews, chairs, recommendations and
updates below are invented; none is a real Scottish review. Every title starts "[Demo]" and every
slug "demo-", so they can be told apart from real records and removed (`remove_demo`)."""

from datetime import date

from django.db import transaction

from scrutiny.reviews.models import ImplementationUpdate, Review, ReviewRecommendation

DEMO_PREFIX = "demo-"

# (slug, title, commissioned by, chair, status, announced, published, responded, progress review due, summary,
#  [(number, text, page, response, response text, [(date, status, evidence)])])
REVIEWS = [
    ("demo-family-contact", "[Demo] Independent Review of Family Contact in Prisons", "Scottish Government (fictional)",
     "Dr Morag Example (fictional)", "responded", date(2021, 3, 1), date(2022, 2, 14), date(2022, 8, 30), date(2025, 2, 14),
     "A **fictional** review, for demonstration only, of how people in prison keep in touch with their families.",
     [("1", "Every person in custody should have at least one free video call a week.", 31, "accepted",
       "The government accepts this recommendation.",
       [(date(2023, 1, 10), "in_progress", "Video calls available in some establishments."),
        (date(2024, 4, 2), "implemented", "Free weekly video calls available in every establishment.")]),
      ("2", "Travel costs should be met for families on low incomes.", 32, "partly_accepted",
       "Costs will be met for children's visits only.", [(date(2023, 6, 1), "in_progress", "A pilot began in two areas.")]),
      ("3", "Visiting times should be published four weeks in advance.", 33, "accepted", "", []),
      ("4", "A family centre should open at every establishment.", 34, "rejected", "Not affordable at present.",
       [(date(2024, 9, 9), "not_implemented", "No new family centres opened.")])]),
    ("demo-restraint-in-care", "[Demo] Independent Review of Restraint in Secure Care", "Scottish Government (fictional)",
     "Professor Iain Sample (fictional)", "published", date(2023, 5, 2), date(2024, 11, 20), None, date(2027, 11, 20),
     "A **fictional** review, for demonstration only, of the use of restraint on children in secure care.",
     [("1", "Prone restraint of children should end.", 12, "not_yet", "", []),
      ("2", "Every use of restraint should be reviewed within 72 hours by someone not involved.", 13, "not_yet", "", []),
      ("3", "Data on restraint should be published each year by each secure unit.", 14, "not_yet", "", [])]),
]


def load_demo() -> int:
    """Write the demo reviews (again, replacing earlier demo rows); returns how many."""
    with transaction.atomic():
        remove_demo()
        for slug, title, by, chair, status, announced, published, responded, due, summary, recommendations in REVIEWS:
            review = Review.objects.create(
                slug=slug, title=title, commissioned_by=by, chair=chair, status=status, date_announced=announced,
                date_published=published, date_responded=responded, progress_review_due=due, summary=summary,
                is_published=True, notes="Demo data: fictional.", updated_by_name="demo",
            )
            for position, (number, text, page, response, response_text, updates) in enumerate(recommendations, 1):
                recommendation = ReviewRecommendation.objects.create(
                    review=review, position=position, number=number, text=text, page=page, response=response,
                    response_text=response_text)
                for when, state, evidence in updates:
                    ImplementationUpdate.objects.create(recommendation=recommendation, date=when, status=state,
                                                        evidence=evidence, recorded_by_name="demo")
    return len(REVIEWS)


def remove_demo() -> int:
    return Review.objects.filter(slug__startswith=DEMO_PREFIX, title__startswith="[Demo]").delete()[1].get("reviews.Review", 0)

"""What the public reviews pages show: every published review, the summary of the government's
responses and of implementation (each chart with its table), the progress reviews that have come
due, and one review with its recommendations. Only published reviews, and of what they link to
only what is itself published; staff notes and names never reach these contexts."""

from dataclasses import dataclass

import markdown
import nh3
from django.http import Http404
from django.utils.translation import gettext as _
from markupsafe import Markup

from scrutiny.analysis import charts
from scrutiny.reviews import services
from scrutiny.reviews.models import Review

def rendered(text: str) -> Markup:
    """Markdown typed by staff, as HTML a browser can be trusted with."""
    return Markup(nh3.clean(markdown.markdown(text or "", extensions=["sane_lists"])))


@dataclass(frozen=True)
class Summary:
    total: int
    by_response: list
    by_implementation: list
    response_chart: str
    implementation_chart: str


def summary(recommendations, id_prefix: str, address: str) -> Summary:
    """`id_prefix` "all" for every published review, "review" for one."""
    counts = services.summary_counts(recommendations)
    source = _("Source: UK National Preventive Mechanism – Reporting Dashboard. Open Government Licence v3.0.") + "\n" + address
    total = counts["total"]
    response_chart = implementation_chart = ""
    if total:
        n = f"{total:,}"
        every = id_prefix == "all"
        title = (_("The government's response to %(n)s recommendations in every published review") if every
                 else _("The government's response to %(n)s recommendations")) % {"n": n}
        response_chart = charts.bar_chart(
            f"{id_prefix}-response-chart", title, _("Recommendations by the government's response. The table below gives the numbers."),
            [charts.Bar(c.label, c.count, f"({share(c.count, total)}%)") for c in counts["by_response"]], source)
        title = (_("Implementation of %(n)s recommendations in every published review") if every
                 else _("Implementation of %(n)s recommendations")) % {"n": n}
        implementation_chart = charts.bar_chart(
            f"{id_prefix}-implementation-chart", title,
            _("Recommendations by the status of their latest implementation update. The table below gives the numbers."),
            [charts.Bar(c.label, c.count, f"({share(c.count, total)}%)") for c in counts["by_implementation"]], source)
    return Summary(total, counts["by_response"], counts["by_implementation"], response_chart, implementation_chart)


def share(n: int, total: int) -> str:
    return f"{100 * n / total:.0f}" if total else "0"


@dataclass(frozen=True)
class ReviewRow:
    review: Review
    recommendations: int
    accepted: int  # accepted in full or in part
    implemented: int


def list_page(request) -> dict:
    reviews = list(services.with_recommendations(services.public_reviews()))
    every_recommendation = [r for review in reviews for r in review.recommendations.all()]
    rows = []
    for review in reviews:
        recommendations = list(review.recommendations.all())
        rows.append(ReviewRow(
            review, len(recommendations),
            sum(1 for r in recommendations if r.response in ("accepted", "partly_accepted")),
            sum(1 for r in recommendations if services.latest_status(r) == "implemented"),
        ))
    return {
        "section": "independent_reviews",
        "rows": rows,
        "summary": summary(every_recommendation, "all", request.build_absolute_uri()),
        "due": list(services.progress_reviews_due()),
    }


@dataclass(frozen=True)
class RecommendationView:
    recommendation: object
    latest: object  # its latest ImplementationUpdate, or None
    history: list  # every update, oldest first


def recommendation_views(review: Review) -> list[RecommendationView]:
    return [RecommendationView(r, services.latest_update(r), list(r.updates.all())) for r in review.recommendations.all()]


def review_page(request, slug: str) -> dict:
    review = services.with_recommendations(services.public_reviews().filter(slug=slug)).first()
    if review is None:
        raise Http404
    return {
        "section": "independent_reviews",
        "review": review,
        "summary_html": rendered(review.summary),
        "tracker_items": list(review.tracker_items.filter(is_published=True).order_by("title")),
        "key_issues": list(review.key_issues.filter(is_published=True).order_by("title")),
        "recommendations": recommendation_views(review),
        "summary": summary(review.recommendations.all(), "review", request.build_absolute_uri()),
    }

"""The reviews pages: public (/independent-reviews, one review, the exports) and staff
(/manage/independent-reviews: add and edit reviews, recommendations by hand or from the report,
responses, implementation updates, publishing). Staff pages work on any review, published or not."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _, ngettext
from django.views.decorators.http import require_POST

from scrutiny.accounts import access, roles
from scrutiny.reviews import exports, pages, services
from scrutiny.reviews.forms import ExtractedFormSet, RecommendationForm, ResponseForm, ReviewForm, UpdateForm, UploadForm
from scrutiny.reviews.models import Review, ReviewRecommendation

# --- public -------------------------------------------------------------------------------------


@access.public
def reviews(request):
    return render(request, "reviews/list.html", pages.list_page(request))


@access.public
def review(request, slug: str):
    return render(request, "reviews/review.html", pages.review_page(request, slug))


@access.public
def reviews_export(request, fmt: str):
    return exports.reviews_export(request, fmt)


@access.public
def recommendations_export(request, fmt: str):
    return exports.recommendations_export(request, fmt)


@access.public
def review_export(request, slug: str, fmt: str):
    return exports.recommendations_export(request, fmt, slug=slug)


# --- staff --------------------------------------------------------------------------------------

STAFF = {"section": "manage"}


@access.requires(roles.EDIT_REVIEWS)
def manage(request):
    reviews = Review.objects.order_by("-updated_at", "title")
    return render(request, "reviews/manage/list.html", {**STAFF, "reviews": reviews})


@access.requires(roles.EDIT_REVIEWS)
def manage_review(request, review_id: int):
    review = get_object_or_404(services.with_recommendations(Review.objects.all()), id=review_id)
    return render(request, "reviews/manage/review.html", {
        **STAFF, "review": review, "recommendations": pages.recommendation_views(review),
        "summary_html": pages.rendered(review.summary),
    })


@access.requires(roles.EDIT_REVIEWS)
def add_review(request):
    return _review_form(request, Review())


@access.requires(roles.EDIT_REVIEWS)
def edit_review(request, review_id: int):
    return _review_form(request, get_object_or_404(Review, id=review_id))


def _review_form(request, review: Review):
    form = ReviewForm(request.POST or None, instance=review)
    if request.method == "POST" and form.is_valid():
        adding = review.pk is None
        review = form.save()
        services.touch(review, request.user)
        messages.success(request, _("Review added. It is not public until you publish it.") if adding else _("Saved."))
        return redirect("manage_independent_review", review.id)
    return render(request, "reviews/manage/review_form.html", {**STAFF, "form": form, "review": review})


@access.requires(roles.EDIT_REVIEWS)
@require_POST
def publish(request, review_id: int):
    review = get_object_or_404(Review, id=review_id)
    publishing = request.POST.get("publish") == "yes"
    services.set_published(review, publishing, request.user)
    messages.success(request, _("Published. The review is on the public pages.") if publishing
                     else _("Unpublished. The review is no longer on the public pages."))
    return redirect("manage_independent_review", review.id)


@access.requires(roles.EDIT_REVIEWS)
def add_recommendation(request, review_id: int):
    review = get_object_or_404(Review, id=review_id)
    form = RecommendationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.numbers_taken(review, [form.cleaned_data["number"]]):
            form.add_error("number", _("This review already has a recommendation with this number"))
        else:
            services.store_recommendations(review, [form.cleaned_data])
            messages.success(request, _("Recommendation added."))
            return redirect("manage_independent_review", review.id)
    return render(request, "reviews/manage/recommendation_form.html", {**STAFF, "form": form, "review": review})


@access.requires(roles.EDIT_REVIEWS)
def extract(request, review_id: int):
    """Upload the review's report; the extractor's recommendations come back for a person to check."""
    from scrutiny.core.document import UnreadableDocument

    review = get_object_or_404(Review, id=review_id)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > settings.SCRUTINY_UPLOAD_MAX_BYTES:
            form.add_error("file", _("The file is too large to read here"))
        else:
            try:
                found = services.recommendations_in(upload)
            except UnreadableDocument as error:
                form.add_error("file", _("We could not read this file: %(reason)s") % {"reason": _(error.reason)})
            else:
                if not found:
                    form.add_error("file", _("We found no numbered recommendations in this file. Add them by hand instead."))
                else:
                    initial = [{"keep": True, "number": r.number, "text": r.text, "page": r.page} for r in found]
                    return _confirm_page(request, review, ExtractedFormSet(initial=initial), upload.name)
    return render(request, "reviews/manage/extract.html", {**STAFF, "form": form, "review": review})


@access.requires(roles.EDIT_REVIEWS)
@require_POST
def confirm_extracted(request, review_id: int):
    review = get_object_or_404(Review, id=review_id)
    formset = ExtractedFormSet(request.POST)
    source = request.POST.get("source", "")[:300]
    if formset.is_valid():
        kept = [f.cleaned_data for f in formset.forms if f.cleaned_data.get("keep")]
        taken = services.numbers_taken(review, [row["number"] for row in kept])
        if not kept:
            formset._non_form_errors = formset.error_class([_("Tick at least one recommendation to store")])
        elif taken:
            formset._non_form_errors = formset.error_class([
                _("This review already has recommendations numbered %(numbers)s: untick them or change their numbers")
                % {"numbers": ", ".join(taken)}])
        else:
            services.store_recommendations(review, kept, source)
            messages.success(request, ngettext("%(n)s recommendation stored.", "%(n)s recommendations stored.", len(kept)) % {"n": len(kept)})
            return redirect("manage_independent_review", review.id)
    return _confirm_page(request, review, formset, source)


def _confirm_page(request, review, formset, source: str):
    return render(request, "reviews/manage/confirm.html", {**STAFF, "review": review, "formset": formset, "source": source})


@access.requires(roles.EDIT_REVIEWS)
def record_response(request, recommendation_id: int):
    recommendation = get_object_or_404(ReviewRecommendation.objects.select_related("review"), id=recommendation_id)
    form = ResponseForm(request.POST or None, instance=recommendation)
    if request.method == "POST" and form.is_valid():
        form.save()
        services.touch(recommendation.review, request.user)
        messages.success(request, _("Response recorded."))
        return redirect("manage_independent_review", recommendation.review_id)
    return render(request, "reviews/manage/response_form.html", {**STAFF, "form": form, "recommendation": recommendation})


@access.requires(roles.EDIT_REVIEWS)
def add_update(request, recommendation_id: int):
    recommendation = get_object_or_404(ReviewRecommendation.objects.select_related("review"), id=recommendation_id)
    form = UpdateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.record_update(recommendation, form.cleaned_data, request.user)
        messages.success(request, _("Implementation update added."))
        return redirect("manage_independent_review", recommendation.review_id)
    return render(request, "reviews/manage/update_form.html", {**STAFF, "form": form, "recommendation": recommendation,
                                                                "history": list(recommendation.updates.order_by("date", "id"))})

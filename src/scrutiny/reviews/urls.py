"""Independent reviews addresses (stable: bookmarked, cited, checked by scripts)."""

from django.urls import path, re_path

from scrutiny.reviews import views

FORMAT = r"(?P<fmt>csv|json|xlsx)"

urlpatterns = [
    path("independent-reviews", views.reviews, name="independent_reviews"),
    re_path(rf"^independent-reviews\.{FORMAT}$", views.reviews_export, name="independent_reviews_as"),
    re_path(rf"^independent-reviews/recommendations\.{FORMAT}$", views.recommendations_export, name="independent_review_recommendations_as"),
    path("independent-reviews/<slug:slug>", views.review, name="independent_review"),
    re_path(rf"^independent-reviews/(?P<slug>[-a-zA-Z0-9_]+)\.{FORMAT}$", views.review_export, name="independent_review_as"),
    path("manage/independent-reviews", views.manage, name="manage_independent_reviews"),
    path("manage/independent-reviews/new", views.add_review, name="manage_independent_review_add"),
    path("manage/independent-reviews/<int:review_id>", views.manage_review, name="manage_independent_review"),
    path("manage/independent-reviews/<int:review_id>/edit", views.edit_review, name="manage_independent_review_edit"),
    path("manage/independent-reviews/<int:review_id>/publish", views.publish, name="manage_independent_review_publish"),
    path("manage/independent-reviews/<int:review_id>/recommendations/new", views.add_recommendation,
         name="manage_independent_review_recommendation_add"),
    path("manage/independent-reviews/<int:review_id>/extract", views.extract, name="manage_independent_review_extract"),
    path("manage/independent-reviews/<int:review_id>/extract/confirm", views.confirm_extracted,
         name="manage_independent_review_extract_confirm"),
    path("manage/independent-reviews/recommendations/<int:recommendation_id>/response", views.record_response,
         name="manage_independent_review_response"),
    path("manage/independent-reviews/recommendations/<int:recommendation_id>/updates/new", views.add_update,
         name="manage_independent_review_update_add"),
]

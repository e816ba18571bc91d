from django.urls import path

from scrutiny.review import views

urlpatterns = [
    path("manage/review", views.queue, name="review_queue"),
    path("manage/review/decide", views.decide, name="review_decide"),
    path("manage/review/findings/<int:finding_id>", views.finding, name="review_finding"),
]

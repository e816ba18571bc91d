from django.urls import path

from scrutiny.followup import views

urlpatterns = [
    path("follow-up", views.status_chart, name="follow_up"),
    path("manage/follow-up", views.queue, name="follow_up_queue"),
    path("manage/follow-up/findings/<int:finding_id>", views.assessment, name="follow_up_assessment"),
    path("manage/follow-up/findings/<int:finding_id>/link", views.link, name="follow_up_link"),
    path("manage/follow-up/findings/<int:finding_id>/unlink", views.unlink, name="follow_up_unlink"),
    path("manage/follow-up/suggestions/<int:suggestion_id>/confirm", views.confirm, name="follow_up_confirm"),
    path("manage/follow-up/suggestions/<int:suggestion_id>/reject", views.reject, name="follow_up_reject"),
]

from django.urls import path

from scrutiny.curation import views

urlpatterns = [
    path("manage", views.manage, name="manage"),
    path("manage/reports", views.reports, name="manage_reports"),
    path("manage/reports/<int:report_id>", views.report, name="manage_report"),
    path("manage/reports/<int:report_id>/edit", views.edit_report, name="edit_report"),
    path("manage/reports/<int:report_id>/state", views.change_state, name="change_state"),
    path("manage/findings/<int:finding_id>/edit", views.edit_finding, name="edit_finding"),
    path("manage/changes/<int:change_id>/revert", views.revert, name="revert"),
    path("manage/proposals/<int:proposal_id>/decide", views.decide, name="decide_proposal"),
    path("manage/history", views.history, name="history"),
]

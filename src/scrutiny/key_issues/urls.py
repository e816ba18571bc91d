"""Key Issues addresses (stable: bookmarked, cited, checked by scripts)."""

from django.urls import path

from scrutiny.key_issues import views

urlpatterns = [
    path("key-issues", views.key_issues, name="key_issues"),
    path("key-issues/<slug:slug>", views.key_issue, name="key_issue"),
    path("manage/key-issues", views.manage, name="key_issues_manage"),
    path("manage/key-issues/new", views.add, name="key_issue_add"),
    path("manage/key-issues/<int:issue_id>", views.edit, name="key_issue_edit"),
    path("manage/key-issues/<int:issue_id>/preview", views.preview, name="key_issue_preview"),
    path("manage/key-issues/<int:issue_id>/publish", views.publish, name="key_issue_publish"),
    path("manage/key-issues/<int:issue_id>/unpublish", views.unpublish, name="key_issue_unpublish"),
]

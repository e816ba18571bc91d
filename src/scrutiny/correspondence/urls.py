"""Correspondence addresses (stable: bookmarked, cited, checked by scripts)."""

from django.urls import path, register_converter

from scrutiny.correspondence import views


class ExportFormat:
    regex = "csv|json|xlsx"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(ExportFormat, "correspondence_format")

urlpatterns = [
    path("correspondence", views.public_register, name="correspondence"),
    path("correspondence.<correspondence_format:fmt>", views.public_register_export, name="correspondence_as"),
    path("correspondence/<int:letter_id>", views.public_letter, name="correspondence_letter"),
    path("correspondence/<int:letter_id>/file", views.public_letter_file, name="correspondence_letter_file"),
    path("correspondence/<int:letter_id>/replies/<int:reply_id>/file", views.public_reply_file, name="correspondence_reply_file"),
    path("manage/correspondence", views.manage_letters, name="correspondence_manage"),
    path("manage/correspondence/new", views.new_letter, name="correspondence_new_letter"),
    path("manage/correspondence/overdue", views.manage_overdue, name="correspondence_overdue"),
    path("manage/correspondence/<int:letter_id>", views.manage_letter, name="correspondence_manage_letter"),
    path("manage/correspondence/<int:letter_id>/edit", views.edit_letter, name="correspondence_edit_letter"),
    path("manage/correspondence/<int:letter_id>/replies/new", views.new_reply, name="correspondence_new_reply"),
    path("manage/correspondence/<int:letter_id>/publish", views.publish_letter, name="correspondence_publish_letter"),
    path("manage/correspondence/<int:letter_id>/file", views.manage_letter_file, name="correspondence_manage_letter_file"),
    path("manage/correspondence/replies/<int:reply_id>/publish", views.publish_reply, name="correspondence_publish_reply"),
    path("manage/correspondence/replies/<int:reply_id>/file", views.manage_reply_file, name="correspondence_manage_reply_file"),
]

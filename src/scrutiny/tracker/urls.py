"""Policy Tracker addresses (stable: bookmarked, cited, checked by scripts). `/tracker.ics` is
the public calendar feed that people subscribe to: its address never changes."""

from django.urls import path, register_converter

from scrutiny.tracker import views


class ExportFormat:
    regex = "csv|json|xlsx"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(ExportFormat, "tracker_format")

urlpatterns = [
    path("tracker", views.tracker, name="tracker"),
    path("tracker.ics", views.public_calendar, name="tracker_ics"),
    path("tracker.<tracker_format:fmt>", views.export, name="tracker_export"),
    path("tracker/private/<str:token>.ics", views.private_calendar, name="tracker_private_ics"),
    path("tracker/<slug:slug>", views.item, name="tracker_item"),
    path("tracker/<slug:slug>/documents/<int:document_id>", views.public_document, name="tracker_document"),
    path("manage/tracker", views.manage, name="tracker_manage"),
    path("manage/tracker/new", views.add, name="tracker_add"),
    path("manage/tracker/horizon", views.horizon, name="tracker_horizon"),
    path("manage/tracker/calendar", views.calendar_link, name="tracker_calendar"),
    path("manage/tracker/import", views.import_items, name="tracker_import"),
    path("manage/tracker/export.<tracker_format:fmt>", views.manage_export, name="tracker_manage_export"),
    path("manage/tracker/<int:item_id>", views.edit, name="tracker_edit"),
    path("manage/tracker/<int:item_id>/publish", views.publish, name="tracker_publish"),
    path("manage/tracker/<int:item_id>/unpublish", views.unpublish, name="tracker_unpublish"),
    path("manage/tracker/<int:item_id>/milestones", views.add_milestone, name="tracker_milestone_add"),
    path("manage/tracker/<int:item_id>/milestones/<int:milestone_id>/remove", views.remove_milestone, name="tracker_milestone_remove"),
    path("manage/tracker/<int:item_id>/documents", views.add_document, name="tracker_document_add"),
    path("manage/tracker/<int:item_id>/documents/<int:document_id>", views.staff_document, name="tracker_staff_document"),
    path("manage/tracker/<int:item_id>/documents/<int:document_id>/remove", views.remove_document, name="tracker_document_remove"),
]

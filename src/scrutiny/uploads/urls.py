from django.urls import path

from scrutiny.uploads import views

urlpatterns = [
    path("manage/uploads", views.uploads, name="uploads"),
    path("manage/uploads/<int:upload_id>", views.upload, name="upload"),
]

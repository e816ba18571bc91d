"""Business plan addresses (stable: bookmarked, cited, checked by scripts)."""

from django.urls import path

from scrutiny.business_plan import views

urlpatterns = [
    path("business-plan", views.business_plan, name="business_plan"),
    path("business-plan.csv", views.business_plan_csv, name="business_plan_csv"),
    path("manage/plan", views.manage, name="plan_manage"),
    path("manage/plan.csv", views.manage_csv, name="plan_manage_csv"),
    path("manage/plan/activities/<int:activity_id>", views.activity, name="plan_activity"),
]

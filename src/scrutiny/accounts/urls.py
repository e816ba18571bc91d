from django.urls import path

from scrutiny.accounts import views

urlpatterns = [
    path("accounts/sign-in", views.sign_in, name="login"),
    path("accounts/sign-out", views.sign_out, name="logout"),
    path("accounts/two-factor", views.two_factor, name="two_factor"),
    path("accounts/two-factor/set-up", views.two_factor_setup, name="two_factor_setup"),
    path("accounts/invitation/<str:token>", views.accept_invitation, name="accept_invitation"),
    path("manage/users", views.users, name="users"),
    path("manage/users/<int:user_id>/close", views.close_account, name="close_account"),
    path("manage/memberships/<int:membership_id>/remove", views.remove_role, name="remove_role"),
]

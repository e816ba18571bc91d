from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "scrutiny.accounts"
    verbose_name = "Accounts"

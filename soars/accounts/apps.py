from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "soars.accounts"
    label = "accounts"
    verbose_name = "Accounts and access"

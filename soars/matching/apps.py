from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "soars.matching"
    verbose_name = "Matching"

from django.apps import AppConfig


class OpportunitiesConfig(AppConfig):
    name = "soars.opportunities"
    verbose_name = "Opportunities and interest"

from django.apps import AppConfig


class DiversityConfig(AppConfig):
    name = "soars.diversity"
    verbose_name = "Voluntary self-identification"

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "soars.core"
    label = "core"
    verbose_name = "Site and reference data"

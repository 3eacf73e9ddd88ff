from django.apps import AppConfig


class MetricsConfig(AppConfig):
    name = "soars.metrics"
    verbose_name = "Program metrics"

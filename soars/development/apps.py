from django.apps import AppConfig


class DevelopmentConfig(AppConfig):
    name = "soars.development"
    verbose_name = "Executive development and mobility"

from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "soars.api"
    verbose_name = "API for agency systems"

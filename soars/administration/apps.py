from django.apps import AppConfig


class AdministrationConfig(AppConfig):
    name = "soars.administration"
    verbose_name = "Administration console (/manage/)"

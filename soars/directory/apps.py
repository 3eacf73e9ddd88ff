from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "soars.directory"
    verbose_name = "Executive directory"

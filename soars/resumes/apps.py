from django.apps import AppConfig


class ResumesConfig(AppConfig):
    name = "soars.resumes"
    verbose_name = "Resumes"

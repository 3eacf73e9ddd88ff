from django.apps import AppConfig


class SavedSearchesConfig(AppConfig):
    name = "soars.saved_searches"
    verbose_name = "Saved searches and alerts"

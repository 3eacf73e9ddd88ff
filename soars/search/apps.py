from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "soars.search"
    label = "search"
    verbose_name = "Search"

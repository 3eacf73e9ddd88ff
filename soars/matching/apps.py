from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "soars.matching"
    verbose_name = "Matching"

    def ready(self):
        from soars.matching import stored

        stored.connect_signals()

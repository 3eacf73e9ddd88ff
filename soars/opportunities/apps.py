from django.apps import AppConfig


class OpportunitiesConfig(AppConfig):
    name = "soars.opportunities"
    verbose_name = "Opportunities and interest"

    def ready(self):
        from soars.opportunities.search import KIND, indexed_records, opportunity_document
        from soars.search.registry import register

        register(KIND, "opportunities.Opportunity", opportunity_document, queryset=indexed_records)

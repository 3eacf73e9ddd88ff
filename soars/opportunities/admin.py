"""Read-mostly views for site administrators. Status changes go through the model methods, not here."""

from django.contrib import admin

from soars.opportunities.models import Interest, InterestEvent, Opportunity


@admin.register(Opportunity)
class OpportunityAdmin(admin.ModelAdmin):
    list_display = ["title", "agency", "type", "status", "closes_on", "published_at"]
    list_filter = ["status", "type", "visibility"]
    search_fields = ["title", "agency__name", "agency__code"]
    raw_id_fields = ["agency", "sub_element", "created_by", "selected"]
    readonly_fields = ["status", "published_at", "closed_at", "filled_at", "cancelled_at"]


class InterestEventInline(admin.TabularInline):
    model = InterestEvent
    extra = 0
    can_delete = False
    readonly_fields = ["from_status", "to_status", "by", "at"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Interest)
class InterestAdmin(admin.ModelAdmin):
    list_display = ["executive", "opportunity", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["executive__email", "opportunity__title"]
    raw_id_fields = ["executive", "opportunity"]
    readonly_fields = ["status"]
    inlines = [InterestEventInline]

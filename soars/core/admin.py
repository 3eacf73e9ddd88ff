from django.contrib import admin

from soars.core import models


@admin.register(models.Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "abbreviation", "kind", "parent", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["code", "name", "abbreviation"]


@admin.register(models.WhatsNewPost)
class WhatsNewPostAdmin(admin.ModelAdmin):
    list_display = ["title", "published_at", "created_by"]
    search_fields = ["title", "body"]
    exclude = ["created_by"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(models.ContactMessage)
class ContactMessageAdmin(admin.ModelAdmin):
    list_display = ["created_at", "name", "email", "topic", "is_read"]
    list_filter = ["topic", "is_read"]
    search_fields = ["name", "email", "message"]
    readonly_fields = ["name", "email", "topic", "message", "ip_address", "created_at"]

    def has_add_permission(self, request):
        return False


@admin.register(models.OutboundEmail)
class OutboundEmailAdmin(admin.ModelAdmin):
    list_display = ["created_at", "subject", "status", "attempts", "sent_at"]
    list_filter = ["status", "template"]
    readonly_fields = [f.name for f in models.OutboundEmail._meta.fields]

    def has_add_permission(self, request):
        return False


for model in (models.EcqFramework, models.Ecq, models.Competency, models.OpportunityType, models.ClearanceLevel):
    admin.site.register(model)
admin.site.register(models.EligibilityCategory)

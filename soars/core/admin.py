from django.contrib import admin
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

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


# Authenticators: django-otp's own admin pages show a device's secret key (and a QR code of it), from
# which anyone could compute its owner's codes. Here an administrator may only see that a device exists
# and delete it (when its owner has lost it); owners enrol their devices themselves at sign-in.
class AuthenticatorAdmin(admin.ModelAdmin):
    list_display = ["user", "name", "confirmed", "created_at", "last_used_at"]
    list_filter = ["confirmed"]
    search_fields = ["user__email"]
    fields = ["user", "name", "confirmed", "created_at", "last_used_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


for device_model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(device_model):
        admin.site.unregister(device_model)
    admin.site.register(device_model, AuthenticatorAdmin)

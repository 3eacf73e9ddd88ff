"""Places and their commuting areas in Django's admin, for site administrators."""

from django.contrib import admin

from soars.places.models import MetroArea, Place


class PlaceInline(admin.TabularInline):
    model = Place
    extra = 1


@admin.register(MetroArea)
class MetroAreaAdmin(admin.ModelAdmin):
    list_display = ["title", "code", "kind"]
    list_filter = ["kind"]
    search_fields = ["title", "code"]
    inlines = [PlaceInline]


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["name", "state", "area"]
    list_filter = ["state"]
    search_fields = ["name", "area__title"]
    autocomplete_fields = ["area"]

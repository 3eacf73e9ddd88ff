"""The vocabulary in Django's admin, for site administrators (the admin site requires a finished sign-in)."""

from django.contrib import admin

from soars.vocabulary.models import Domain, OccupationalSeries, SeriesFamily, Term


@admin.register(Domain)
class DomainAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]
    search_fields = ["name", "code"]


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    list_display = ["name", "domain"]
    list_filter = ["domain"]
    search_fields = ["name", "synonyms"]
    autocomplete_fields = ["related"]


class SeriesInline(admin.TabularInline):
    model = OccupationalSeries
    extra = 1


@admin.register(SeriesFamily)
class SeriesFamilyAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "domain"]
    inlines = [SeriesInline]


@admin.register(OccupationalSeries)
class OccupationalSeriesAdmin(admin.ModelAdmin):
    list_display = ["code", "title", "family"]
    list_filter = ["family"]
    search_fields = ["code", "title"]

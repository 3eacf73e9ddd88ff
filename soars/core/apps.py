from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class CoreConfig(AppConfig):
    name = "soars.core"
    label = "core"
    verbose_name = "Site and reference data"


class SoarsAdminConfig(admin_apps.AdminConfig):
    """Django's admin, on SOARS's admin site (soars/core/admin_site.py): finished sign-in, administrators only."""

    default = False  # listed by name in INSTALLED_APPS; "soars.core" stays CoreConfig
    default_site = "soars.core.admin_site.SoarsAdminSite"

from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "soars.audit"
    label = "audit"
    verbose_name = "Audit trail"

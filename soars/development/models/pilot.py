"""The GS-15 rotational pilot: high-potential GS-15 employees nominated by their agency."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from soars.core.models import Agency

# The only kinds of opportunity a pilot participant may express interest in.
DEVELOPMENTAL_TYPES = ("detail", "rotation", "short_term_project")


class PilotParticipant(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pilot")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    nominated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.user} (GS-15 pilot, {self.agency})"

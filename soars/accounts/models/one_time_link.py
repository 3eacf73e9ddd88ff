"""One-time links that let a person set a password: after approval, or to reset a forgotten one.

Only a hash of the token is stored, so the database never holds a working link.
A link works once and expires (ONE_TIME_LINK_HOURS, 72 by default).
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class OneTimeLink(models.Model):
    class Purpose(models.TextChoices):
        FIRST_PASSWORD = "first_password", "Set a first password"
        RESET = "reset", "Reset a password"

    class State(models.TextChoices):
        VALID = "valid"
        USED = "used"
        EXPIRED = "expired"
        UNKNOWN = "unknown"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="one_time_links")
    purpose = models.CharField(max_length=20, choices=Purpose.choices)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} for {self.user_id}"

    @classmethod
    def issue(cls, user, purpose: str) -> tuple[OneTimeLink, str]:
        """Create a link and return it with its token; the token is never stored."""
        token = secrets.token_urlsafe(32)
        now = timezone.now()
        # A new link replaces any earlier unused one, so only the newest email works.
        cls.objects.filter(user=user, used_at__isnull=True).update(expires_at=now)
        link = cls.objects.create(
            user=user,
            purpose=purpose,
            token_hash=_digest(token),
            created_at=now,
            expires_at=now + timedelta(hours=settings.ONE_TIME_LINK_HOURS),
        )
        return link, token

    @classmethod
    def find(cls, token: str) -> tuple[OneTimeLink | None, str]:
        link = cls.objects.select_related("user").filter(token_hash=_digest(token or "")).first()
        if link is None:
            return None, cls.State.UNKNOWN
        return link, link.state

    @property
    def state(self) -> str:
        if self.used_at is not None:
            return self.State.USED
        if self.expires_at <= timezone.now() or not self.user.is_active:
            return self.State.EXPIRED
        return self.State.VALID

    def use(self, new_password: str) -> bool:
        """Set the password and spend the link, at most once even under concurrent use."""
        with transaction.atomic():
            spent = OneTimeLink.objects.filter(pk=self.pk, used_at__isnull=True, expires_at__gt=timezone.now()).update(
                used_at=timezone.now()
            )
            if not spent:
                return False
            self.user.set_password(new_password)
            self.user.save(update_fields=["password"])
        return True

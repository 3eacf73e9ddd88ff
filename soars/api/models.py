"""Personal API tokens: a name, read-only or read-write, an expiry; the secret is kept only as a hash."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

PREFIX = "soars"
MAX_LIFETIME_DAYS = 365
# The public part names the token (shown on the page, used to look it up); the secret part is
# 32 random bytes, so one SHA-256 of it is enough: nobody guesses it, however fast they hash.
ID_BYTES, SECRET_BYTES = 6, 32


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def usable(self):
        """Tokens that authenticate today: not revoked, not expired, of an active user."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now(), user__is_active=True)

    def visible_to(self, user):
        """A user's own tokens; a site administrator sees every token."""
        if user.has_role("admin"):
            return self.all()
        return self.filter(user=user)

    def revoke_all_of(self, user, *, by) -> int:
        """Revoke every live token of `user` (when the account is deactivated)."""
        return self.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now(), revoked_by=by)


class ApiToken(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    public_id = models.CharField(max_length=20, unique=True)
    secret_hash = models.CharField(max_length=64)
    can_write = models.BooleanField("read-write", default=False)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.public_id})"

    @classmethod
    def issue(cls, user, *, name: str, can_write: bool, expires_on) -> tuple[ApiToken, str]:
        """A new token and its full secret, which is shown once and never stored."""
        public_id = secrets.token_hex(ID_BYTES)
        secret = secrets.token_urlsafe(SECRET_BYTES)
        expires_at = timezone.make_aware(timezone.datetime.combine(expires_on, timezone.datetime.max.time()))
        token = cls.objects.create(
            user=user,
            name=name,
            public_id=public_id,
            secret_hash=digest(secret),
            can_write=can_write,
            expires_at=expires_at,
        )
        return token, f"{PREFIX}_{public_id}_{secret}"

    @classmethod
    def authenticate(cls, presented: str) -> ApiToken | None:
        """The usable token this full secret belongs to, or None."""
        prefix, _, rest = presented.partition("_")
        public_id, _, secret = rest.partition("_")
        if prefix != PREFIX or not public_id or not secret or len(presented) > 200:
            return None
        token = cls.objects.usable().select_related("user", "user__agency").filter(public_id=public_id).first()
        if token is None or not hmac.compare_digest(token.secret_hash, digest(secret)):
            return None
        return token

    def touch(self) -> None:
        """Note the use; at most once a minute, so a busy system does not write on every call."""
        now = timezone.now()
        if self.last_used_at is None or now - self.last_used_at > timedelta(minutes=1):
            ApiToken.objects.filter(pk=self.pk).update(last_used_at=now)
            self.last_used_at = now

    def revoke(self, *, by) -> bool:
        """Revoke now; False if it already was."""
        changed = ApiToken.objects.filter(pk=self.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now(), revoked_by=by
        )
        self.refresh_from_db(fields=["revoked_at", "revoked_by"])
        return bool(changed)

    @property
    def status(self) -> str:
        if self.revoked_at:
            return "Revoked"
        if self.expires_at <= timezone.now():
            return "Expired"
        return "Active"

    @property
    def agency(self):
        return self.user.agency

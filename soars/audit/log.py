"""record(): the one helper that writes to the audit trail."""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest

from soars.audit.models import AuditEvent


def client_ip(request: HttpRequest | None) -> str | None:
    """The client's address: the one rule for the audit trail, sign-in throttling (django-axes'
    AXES_CLIENT_IP_CALLABLE) and the per-address limits.

    REMOTE_ADDR, unless settings.TRUSTED_PROXY_COUNT says that many reverse proxies of our own stand
    in front of the site, each appending the address it was reached from to X-Forwarded-For: then the
    client is the entry the outermost of them added, counted from the right. Entries further left
    were sent by the client itself and are never believed. A header with fewer entries than proxies,
    or an entry that is not an address, falls back to REMOTE_ADDR.
    """
    if request is None:
        return None
    remote = request.META.get("REMOTE_ADDR") or None
    proxies = settings.TRUSTED_PROXY_COUNT
    if not proxies:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(forwarded) < proxies:
        return remote
    try:
        return str(ipaddress.ip_address(forwarded[-proxies]))
    except ValueError:
        return remote


def record(
    action: str,
    *,
    request: HttpRequest | None = None,
    actor=None,
    obj=None,
    agency=None,
    **data,
) -> AuditEvent:
    """Append one event. The actor defaults to the request's signed-in user."""
    if actor is None and request is not None and request.user.is_authenticated:
        actor = request.user
    return AuditEvent.objects.create(
        actor=actor,
        actor_email=getattr(actor, "email", "") or "",
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:200] if obj is not None else "",
        agency=agency,
        ip_address=client_ip(request),
        data=data,
    )

"""Read replicas of PostgreSQL: web requests read from a replica while they can, writes go to the primary.

Set DATABASE_REPLICA_URLS (comma-separated) and the settings add one alias per replica and this
router. A replica lags its primary a little, so a read goes to the primary whenever it might
need to see a write:
- outside a web request (task workers, the scheduler, management commands);
- for the rest of a request once it has written anything (the router pins it);
- during a POST, PUT, PATCH or DELETE, and for REPLICA_PIN_SECONDS after one (a cookie), so a
  person sees what they just saved on the next page.
"""

from __future__ import annotations

import random
from contextvars import ContextVar

from django.conf import settings

PIN_COOKIE = "soars_primary"
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
_replica_reads = ContextVar("soars_replica_reads", default=False)


def replicas() -> list[str]:
    return list(getattr(settings, "REPLICA_DATABASES", []))


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        aliases = replicas()
        return random.choice(aliases) if aliases and _replica_reads.get() else "default"

    def db_for_write(self, model, **hints):
        _replica_reads.set(False)  # this request reads its own writes from now on
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # every alias holds the same data

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


class ReplicaMiddleware:
    """Lets a request read from a replica unless it writes or follows a recent write of its client."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not replicas():
            return self.get_response(request)
        safe = request.method in SAFE_METHODS
        token = _replica_reads.set(safe and PIN_COOKIE not in request.COOKIES)
        try:
            response = self.get_response(request)
        finally:
            _replica_reads.reset(token)
        if not safe:
            response.set_cookie(
                PIN_COOKIE,
                "1",
                max_age=settings.REPLICA_PIN_SECONDS,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response

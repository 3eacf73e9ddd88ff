"""Who may call each API operation: a token or a signed-in browser session, a role, read or write.

Every operation passes `auth=allow(...)`. The API's default is DENY, which refuses everyone, so an
operation that forgets to declare its rule is closed (tests/test_api_access.py walks them all).
The Django side (soars.core.access) lets /api/v1/ requests through to here: the rule that matters
is each operation's, and anonymous callers get 401 (not a redirect to the sign-in page).

A token acts as its user: request.user is the token's owner, so model methods, querysets and the
audit trail see the same person as on the site. A read-only token cannot call a write operation.
Browser sessions must have finished sign-in (the second factor for HR staff), and their writes
need the CSRF token, as forms do.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from django.conf import settings
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from soars.accounts.ratelimit import count
from soars.api.models import ApiToken
from soars.core.access import ROLES, mfa_complete


class Forbidden(Exception):
    """Signed in, but this caller may not do this (403)."""


class RateLimited(Exception):
    def __init__(self, retry_after: int):
        super().__init__("Too many requests.")
        self.retry_after = retry_after


@dataclass(frozen=True)
class ApiRule:
    roles: frozenset[str]
    write: bool = False
    tokens: bool = True  # may an agency system's token call it (else browser sessions only)

    def allows(self, user) -> bool:
        return any(user.has_role(role) for role in self.roles)


def _limit(key: str) -> None:
    """A fixed one-minute window per token (or per signed-in user): 429 with Retry-After past it."""
    per_minute = settings.API_RATE_LIMIT_PER_MINUTE
    now = time.time()
    window = int(now // 60)
    if count(f"api-rate:{key}:{window}", 61) > per_minute:
        raise RateLimited(max(1, math.ceil((window + 1) * 60 - now)))


def _check(rule: ApiRule, request, user, token: ApiToken | None) -> None:
    if not rule.allows(user):
        raise Forbidden("Your account's role does not allow this operation.")
    if token is not None:
        if not rule.tokens:
            raise Forbidden("This operation is for a signed-in browser session, not a token.")
        if rule.write and not token.can_write:
            raise Forbidden("This token is read-only; this operation changes data.")


class TokenAccess(HttpBearer):
    """Authorization: Bearer soars_<id>_<secret>."""

    def __init__(self, rule: ApiRule):
        self.rule = rule
        super().__init__()

    def authenticate(self, request, token):
        found = ApiToken.authenticate(token)
        if found is None:
            return None
        _limit(f"token:{found.pk}")
        request.user = found.user
        request.api_token = found
        _check(self.rule, request, found.user, found)
        found.touch()
        return found


class SessionAccess(APIKeyCookie):
    """The site's session cookie, after the full sign-in; writes need the CSRF token."""

    param_name = settings.SESSION_COOKIE_NAME

    def __init__(self, rule: ApiRule):
        self.rule = rule
        super().__init__(csrf=False)  # checked below, only for writes

    def authenticate(self, request, key):
        user = request.user
        if request.headers.get("Authorization"):
            return None  # a caller who sends a token is judged by it alone: a bad one is a 401
        if not (user.is_authenticated and user.is_active and mfa_complete(user)):
            return None
        _limit(f"user:{user.pk}")
        request.api_token = None
        _check(self.rule, request, user, None)
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            error = check_csrf(request)
            if error:
                raise Forbidden("A browser session must send the CSRF token (X-CSRFToken) to change data.")
        return user


def allow(*roles: str, write: bool = False, tokens: bool = True) -> list:
    """The operation's rule: these roles; write=True for changes; tokens=False for browser sessions only."""
    unknown = set(roles) - set(ROLES)
    if unknown or not roles:
        raise ValueError(f"Unknown or missing roles: {sorted(unknown) or roles}")
    rule = ApiRule(frozenset(roles), write=write, tokens=tokens)
    # A token on a sessions-only operation is recognised, then refused with 403 and the reason.
    return [TokenAccess(rule), SessionAccess(rule)]


SIGNED_IN = ROLES


class _Deny(HttpBearer):
    """The default: an operation that declares no rule refuses every caller."""

    rule = None

    def __call__(self, request):
        raise Forbidden("This operation declares no access rule.")

    def authenticate(self, request, token):  # pragma: no cover (never reached)
        return None


DENY = _Deny()


def rule_of(operation) -> ApiRule | None:
    """The rule an operation declared, or None."""
    rules = {getattr(callback, "rule", None) for callback in operation.auth_callbacks}
    return rules.pop() if len(rules) == 1 else None

"""Deny-by-default access control.

Every view must declare who may reach it with one of the decorators below.
AccessMiddleware refuses any view that declares nothing, sends anonymous
visitors of a protected view to the login page, and answers 403 to a
signed-in user whose role the rule does not allow. Object-level scoping
(which agency's records) stays in the views and querysets.

A role rule also needs a finished sign-in: HR staff, administrators and
executives who turned multi-factor on pass only after giving their second
factor (django-otp marks the session verified). Until then they are sent to
the MFA step; only views marked @password_step are open to them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, resolve_url
from django.utils.http import urlencode

ROLES = ("executive", "hr", "agency_admin", "admin")


@dataclass(frozen=True)
class Rule:
    public: bool = False
    roles: frozenset[str] = field(default_factory=frozenset)
    before_mfa: bool = False

    def allows(self, user) -> bool:
        if self.public:
            return True
        if not user.is_authenticated:
            return False
        return any(user.has_role(role) for role in self.roles)


def _mark(rule: Rule) -> Callable:
    def decorate(view):
        view.soars_access = rule
        return view

    return decorate


def public(view):
    """Anyone, signed in or not, may reach this view."""
    return _mark(Rule(public=True))(view)


def roles(*names: str) -> Callable:
    """Only signed-in users holding one of these roles may reach the view."""
    unknown = set(names) - set(ROLES)
    if unknown or not names:
        raise ValueError(f"Unknown or missing roles: {sorted(unknown) or names}")
    return _mark(Rule(roles=frozenset(names)))


def signed_in(view):
    """Any signed-in user, whatever the role."""
    return _mark(Rule(roles=frozenset(ROLES)))(view)


def password_step(view):
    """A signed-in user who may not have given the second factor yet (the MFA steps themselves)."""
    return _mark(Rule(roles=frozenset(ROLES), before_mfa=True))(view)


def mfa_complete(user) -> bool:
    """Has this signed-in user finished every sign-in step their account requires?"""
    cached = getattr(user, "_soars_mfa_complete", None)
    if cached is None:
        from django_otp import user_has_device

        is_verified = getattr(user, "is_verified", None)
        if callable(is_verified) and is_verified():
            cached = True
        elif user.must_use_mfa:
            cached = False
        else:
            cached = not user_has_device(user)  # an executive who turned MFA on
        user._soars_mfa_complete = cached
    return cached


def mfa_step_url(user) -> str:
    from django_otp import user_has_device

    return resolve_url("accounts:mfa_verify" if user_has_device(user) else "accounts:mfa_setup")


def rule_for(view_func) -> Rule | None:
    view = getattr(view_func, "view_class", None) or view_func
    return getattr(view, "soars_access", None) or getattr(view_func, "soars_access", None)


# Views from Django and libraries that carry their own checks.
_EXEMPT_MODULE_PREFIXES = ("django.contrib.admin.", "django.contrib.staticfiles.", "django.views.static")


def _is_exempt(view_func) -> bool:
    module = getattr(view_func, "__module__", "") or ""
    admin_site = getattr(view_func, "admin_site", None)
    return admin_site is not None or module.startswith(_EXEMPT_MODULE_PREFIXES)


class AccessMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        rule = rule_for(view_func)
        if rule is None:
            if _is_exempt(view_func):
                return None
            # A view that forgot to declare its rule is closed, not open.
            raise PermissionDenied("This view declares no access rule.")
        if rule.allows(request.user):
            if rule.public or rule.before_mfa or mfa_complete(request.user):
                return None
            return redirect(f"{mfa_step_url(request.user)}?{urlencode({'next': request.get_full_path()})}")
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        raise PermissionDenied("Your account's role does not allow this page.")

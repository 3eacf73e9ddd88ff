"""Deny-by-default access control.

Every view must declare who may reach it with one of the decorators below.
AccessMiddleware refuses any view that declares nothing, sends anonymous
visitors of a protected view to the login page, and answers 403 to a
signed-in user whose role the rule does not allow. Object-level scoping
(which agency's records) stays in the views and querysets.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

ROLES = ("executive", "hr", "agency_admin", "admin")


@dataclass(frozen=True)
class Rule:
    public: bool = False
    roles: frozenset[str] = field(default_factory=frozenset)

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
            return None
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        raise PermissionDenied("Your account's role does not allow this page.")

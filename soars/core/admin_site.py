"""Django's admin behind SOARS's own sign-in: password and second factor at /login/, site administrators only.

The stock admin has a login form of its own that asks for a password alone; that form is never
shown here. Its login view sends people to /login/ (which asks for the code where the account
needs one), and every admin page requires a finished sign-in, exactly as /manage/ does.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode

from soars.core.access import mfa_complete, mfa_step_url, public


class SoarsAdminSite(admin.AdminSite):
    site_header = "SOARS administration"
    site_title = "SOARS administration"
    index_title = "Records"

    def has_permission(self, request) -> bool:
        user = request.user
        return bool(
            user.is_authenticated and user.is_active and user.is_staff and user.has_role("admin") and mfa_complete(user)
        )

    @public  # it only sends people on: to /login/, to the code page, or back to the admin
    def login(self, request, extra_context=None):
        target = request.GET.get("next", "")
        if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
            target = reverse("admin:index")
        if not request.user.is_authenticated:
            return redirect_to_login(target, settings.LOGIN_URL)
        if not mfa_complete(request.user):
            return redirect(f"{mfa_step_url(request.user)}?{urlencode({'next': target})}")
        if self.has_permission(request):
            return redirect(target)
        raise PermissionDenied("Only site administrators may use this page.")

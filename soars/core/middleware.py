"""Response headers that Django and django-csp do not send themselves."""

from __future__ import annotations

from django.conf import settings


class PermissionsPolicyMiddleware:
    """Send `Permissions-Policy`, switching off browser features SOARS never uses (settings.PERMISSIONS_POLICY).

    Each feature is given an empty allow-list, `camera=()`: no page of the site, nor any frame
    inside one, may use it, so injected script cannot ask for the camera or a location either.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(f"{feature}=()" for feature in settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response

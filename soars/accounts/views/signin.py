"""Sign in with email and password, then (where required) the second factor; sign out."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login, logout
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from soars.accounts.forms.signin import LoginForm
from soars.accounts.middleware import start_session_clock
from soars.audit.log import record
from soars.core.access import mfa_complete, mfa_step_url, public


def safe_next(request, default: str | None = None) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return default if default is not None else resolve_url("accounts:home")


def finish_sign_in(request):
    """Where to go once the password is right: the MFA step if one is due, else onwards."""
    if mfa_complete(request.user):
        return redirect(safe_next(request))
    next_url = safe_next(request, "")
    query = f"?{urlencode({'next': next_url})}" if next_url else ""
    return redirect(mfa_step_url(request.user) + query)


@public
@never_cache
@sensitive_post_parameters("password")
def login_view(request):
    if request.user.is_authenticated and request.method == "GET":
        return finish_sign_in(request)
    form = LoginForm(request, data=request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if form.is_valid():
            user = form.get_user()
            login(request, user)  # a new session key
            start_session_clock(request)
            if mfa_complete(user):
                record("login", request=request, second_factor="none")
            else:
                record("login_password_accepted", request=request)
            return finish_sign_in(request)
        email = (request.POST.get("username") or "")[:254].strip().lower()
        if "@" not in email:  # perhaps a password typed into the wrong field: do not keep it
            email = "(not an email address)"
        record("login_failed", request=request, email=email)
        if getattr(request, "axes_locked_out", False):
            scope = "address" if getattr(request, "soars_address_locked", False) else "account"
            record("login_locked_out", request=request, email=email, scope=scope)
    return render(request, "accounts/login.html", {"form": form, "next": safe_next(request, "")})


@public
@require_POST
def logout_view(request):
    if request.user.is_authenticated:
        record("logout", request=request)
    logout(request)
    messages.success(request, "You are logged out.")
    return redirect("core:home")

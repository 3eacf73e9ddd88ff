"""Setting a password from a one-time link, and asking for a new link (password reset).

The token travels in the link's path only once: the first request stores it in
the session and the form posts to a path without it. Pages send no Referer to
other sites (Referrer-Policy: same-origin) and request logs are off, so the
token is written down nowhere. Neither path tells whether an
address has an account. Setting a password never signs anyone in, so a reset
cannot skip the second factor.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables

from soars.accounts.forms.signin import ChoosePasswordForm, EmailForm
from soars.accounts.models import OneTimeLink, User
from soars.accounts.ratelimit import allow
from soars.audit.log import record
from soars.core.access import public
from soars.core.email import send_email

TOKEN_SESSION_KEY = "soars_one_time_token"


def send_new_link(user: User) -> None:
    purpose = OneTimeLink.Purpose.RESET if user.has_usable_password() else OneTimeLink.Purpose.FIRST_PASSWORD
    _, token = OneTimeLink.issue(user, purpose)
    link = settings.SITE_URL + reverse("accounts:set_password", args=[token])
    context = {"user": user, "link": link, "link_hours": settings.ONE_TIME_LINK_HOURS}
    send_email("password_link", to=[user.email], context=context, sensitive=True)


@public
@never_cache
@sensitive_variables("token")
def open_link(request, token: str):
    link, state = OneTimeLink.find(token)
    if state != OneTimeLink.State.VALID:
        return _link_problem(request, state)
    if request.user.is_authenticated and request.user.pk != link.user_id:
        logout(request)
    request.session[TOKEN_SESSION_KEY] = token
    # The form posts to a path without the token; the token waits in the session.
    return render(
        request, "accounts/choose_password.html", {"form": ChoosePasswordForm(link.user), "account": link.user}
    )


def _link_problem(request, state: str):
    return render(request, "accounts/link_problem.html", {"state": state, "form": EmailForm()})


@public
@never_cache
@sensitive_post_parameters("new_password1", "new_password2")
def choose_password(request):
    link, state = OneTimeLink.find(request.session.get(TOKEN_SESSION_KEY, ""))
    if state != OneTimeLink.State.VALID:
        request.session.pop(TOKEN_SESSION_KEY, None)
        return _link_problem(request, state)
    form = ChoosePasswordForm(link.user, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if not link.use(form.cleaned_data["new_password1"]):
            return _link_problem(request, OneTimeLink.State.USED)
        action = "password_set" if link.purpose == OneTimeLink.Purpose.FIRST_PASSWORD else "password_reset"
        record(action, request=request, actor=link.user, obj=link.user)
        logout(request)  # also drops the token from the session
        messages.success(request, "Your password is set. Sign in with your email address and new password.")
        return redirect("accounts:login")
    return render(request, "accounts/choose_password.html", {"form": form, "account": link.user})


@public
@never_cache
def password_reset(request):
    form = EmailForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        # Over the limit, or no such account: the same answer, and nothing sent.
        if allow("password-reset", email, settings.PASSWORD_RESET_RATE_LIMIT_PER_HOUR):
            user = User.objects.filter(email__iexact=email, is_active=True).first()
            if user is not None:
                with transaction.atomic():
                    send_new_link(user)
                    record("password_link_requested", request=request, actor=user, obj=user)
        return redirect("accounts:password_reset_sent")
    return render(request, "accounts/password_reset.html", {"form": form})


@public
def password_reset_sent(request):
    return render(request, "accounts/password_reset_sent.html", {"link_hours": settings.ONE_TIME_LINK_HOURS})

"""Session limits: SESSION_IDLE_MINUTES without a request, SESSION_ABSOLUTE_HOURS after sign-in."""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login

from soars.audit.log import record

SIGNED_IN_AT = "soars_signed_in_at"
LAST_SEEN = "soars_last_seen"
# Writing the session on every request is wasteful; a minute of slack on the idle limit is not.
TOUCH_EVERY_SECONDS = 60


def start_session_clock(request) -> None:
    now = time.time()
    request.session[SIGNED_IN_AT] = now
    request.session[LAST_SEEN] = now


class SessionTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            expired = self._expired(request)
            if expired:
                record("session_expired", request=request, reason=expired)
                logout(request)
                messages.info(request, self.message(expired))
                return redirect_to_login(request.get_full_path() if request.method == "GET" else "/home/")
        return self.get_response(request)

    @staticmethod
    def message(reason: str) -> str:
        if reason == "idle":
            return (
                f"You were signed out because there was no activity for {settings.SESSION_IDLE_MINUTES} minutes. "
                "Please sign in again; anything you saved is kept."
            )
        return (
            f"You were signed out because you signed in more than {settings.SESSION_ABSOLUTE_HOURS} hours ago. "
            "Please sign in again; anything you saved is kept."
        )

    def _expired(self, request) -> str:
        session = request.session
        now = time.time()
        started = session.get(SIGNED_IN_AT)
        seen = session.get(LAST_SEEN)
        if started is None:  # signed in by a path that did not start the clock (tests' force_login)
            start_session_clock(request)
            return ""
        if seen is not None and now - seen > settings.SESSION_IDLE_MINUTES * 60:
            return "idle"
        if now - started > settings.SESSION_ABSOLUTE_HOURS * 3600:
            return "absolute"
        if seen is None or now - seen > TOUCH_EVERY_SECONDS:
            session[LAST_SEEN] = now
        return ""

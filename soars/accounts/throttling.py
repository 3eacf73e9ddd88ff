"""Sign-in throttling: django-axes' database handler with a second, higher limit per client address.

Axes locks an account-and-address pair after AXES_FAILURE_LIMIT failures (AXES_LOCKOUT_PARAMETERS).
On its own that lets one address try one password against any number of accounts, so this handler
also locks the address itself once LOGIN_FAILURE_LIMIT_PER_IP failures, over any accounts, fall
within AXES_COOLOFF_TIME. A success resets only its own account's failures (AXES_RESET_ON_SUCCESS),
so signing in to one's own account does not clear the address's count.
"""

from __future__ import annotations

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


def address_failures(request) -> int:
    """Failed sign-ins from the request's client address, any account, within the cool-off time."""
    address = getattr(request, "axes_ip_address", None)
    if not address:
        return 0
    recent = AccessAttempt.objects.filter(ip_address=address, attempt_time__gte=get_cool_off_threshold(request))
    return recent.aggregate(total=Sum("failures_since_start"))["total"] or 0


class LoginThrottle(AxesDatabaseHandler):
    def get_failures(self, request, credentials: dict | None = None) -> int:
        """Axes locks when this reaches AXES_FAILURE_LIMIT: a locked address counts as at the limit."""
        failures = super().get_failures(request, credentials)
        if address_failures(request) >= settings.LOGIN_FAILURE_LIMIT_PER_IP:
            request.soars_address_locked = True
            return max(failures, get_failure_limit(request, credentials))
        return failures

"""Background jobs of accounts: the hourly digest of new access requests for reviewers."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from soars.accounts.models import AccessRequest, User
from soars.core.email import send_email

try:
    from django.tasks import task
except ImportError:  # Django 5.2 uses the backport
    from django_tasks import task


def reviewers():
    return User.objects.filter(is_active=True).filter(
        Q(role=User.Role.ADMIN) | Q(role=User.Role.HR, is_agency_admin=True, agency__isnull=False)
    )


@task()
def send_reviewer_digest() -> int:
    """Tell each reviewer, in one email, about the requests that arrived since the last digest."""
    now = timezone.now()
    with transaction.atomic():
        # Claim first: a request is announced once even if two runs overlap.
        AccessRequest.objects.not_yet_announced().update(reviewers_notified_at=now)
        fresh = AccessRequest.objects.filter(reviewers_notified_at=now)
        sent = 0
        for reviewer in reviewers():
            mine = list(fresh.visible_to(reviewer).select_related("agency"))
            if mine:
                send_email(
                    "access_request_digest",
                    to=[reviewer.email],
                    context={"reviewer": reviewer, "requests": mine, "queue_url": reverse("administration:requests")},
                )
                sent += 1
    return sent

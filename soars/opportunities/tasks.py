"""Background jobs: closing postings on their closing date and the HR contact's interest digest."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from soars.core.email import send_email
from soars.opportunities.models import Interest, Opportunity

try:
    from django.tasks import task
except ImportError:  # Django 5.2 uses the backport
    from django_tasks import task

DIGEST_EVERY = timedelta(hours=1)


def close_expired_now(today=None) -> int:
    """Close every open posting whose closing date has passed and tell its contact."""
    today = today or timezone.localdate()
    closed = 0
    for pk in Opportunity.objects.open().filter(closes_on__lt=today).values_list("pk", flat=True):
        with transaction.atomic():
            opportunity = Opportunity.objects.select_for_update().get(pk=pk)
            if opportunity.status == Opportunity.Status.OPEN:  # not closed by someone meanwhile
                opportunity.close(automatic=True)
                closed += 1
    return closed


def send_digests_now(now=None) -> int:
    """One email per opportunity with new interest, at most once an hour per opportunity."""
    now = now or timezone.now()
    waiting = (
        Opportunity.objects.filter(interests__digested_at__isnull=True, interests__status="interested")
        .filter(Q(last_digest_at__isnull=True) | Q(last_digest_at__lte=now - DIGEST_EVERY))
        .values_list("pk", flat=True)
        .distinct()
    )
    sent = 0
    for pk in list(waiting):
        with transaction.atomic():
            # Claim the opportunity's digest with a conditional update, so two workers never both send it.
            due = Q(last_digest_at__isnull=True) | Q(last_digest_at__lte=now - DIGEST_EVERY)
            if not Opportunity.objects.filter(due, pk=pk).update(last_digest_at=now):
                continue
            opportunity = Opportunity.objects.get(pk=pk)
            new = list(
                opportunity.interests.filter(digested_at__isnull=True, status="interested").select_related("executive")
            )
            if not new:
                continue
            Interest.objects.filter(pk__in=[i.pk for i in new]).update(digested_at=now)
            send_email(
                "interest_digest",
                to=[opportunity.contact_email],
                context={"opportunity": opportunity, "interests": new},
            )
            sent += 1
    return sent


@task()
def close_expired_opportunities() -> int:
    return close_expired_now()


@task()
def send_interest_digests() -> int:
    return send_digests_now()

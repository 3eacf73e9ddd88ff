"""Reminder emails before an ERB review or a broadening assignment falls due, each sent once.

The periodic job (schedule.py) calls send_due() every hour. A reminder is keyed by (executive,
kind, due date) in ReminderSent, whose unique constraint makes a second run, or a second worker,
send nothing: only the run whose insert created the row sends the email. When a due date moves
(a new review, a new assignment), the new date gets its own reminder.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from soars.accounts.models import User
from soars.core.email import send_email
from soars.development.broadening import add_years, broadening
from soars.development.models import Assignment, ReminderSent, Review

REVIEW_NOTICE_DAYS = 30
BROADENING_NOTICE_DAYS = 90
LONGEST_INTERVAL_YEARS = 5
SHORTEST_INTERVAL_YEARS = 3


def _send_once(executive, kind: str, due_on: date, context: dict) -> bool:
    with transaction.atomic():
        _, created = ReminderSent.objects.get_or_create(executive=executive, kind=kind, due_on=due_on)
        if created:
            send_email(
                "development_reminder",
                to=[executive.email],
                context={"executive": executive, "kind": kind, "due_on": due_on, **context},
            )
    return created


def review_reminders(today: date) -> int:
    """Executives whose latest signed review names a next review within the notice period."""
    window = today + timedelta(days=REVIEW_NOTICE_DAYS)
    sent = 0
    candidates = (
        Review.objects.filter(signed_at__isnull=False, next_review_on__gte=today, next_review_on__lte=window)
        .select_related("executive")
        .order_by("executive_id", "-held_on", "-pk")
    )
    for review in candidates:
        latest = Review.objects.filter(executive_id=review.executive_id, signed_at__isnull=False)
        if latest.order_by("-held_on", "-pk").values_list("pk", flat=True).first() != review.pk:
            continue  # a later review set another date
        if review.executive.is_active:
            sent += _send_once(review.executive, ReminderSent.Kind.REVIEW, review.next_review_on, {})
    return sent


def broadening_reminders(today: date) -> int:
    """Executives whose next broadening assignment falls due within the notice period."""
    window = today + timedelta(days=BROADENING_NOTICE_DAYS)
    earliest_end = add_years(today, -LONGEST_INTERVAL_YEARS)
    latest_end = add_years(window, -SHORTEST_INTERVAL_YEARS)
    executive_ids = (
        Assignment.objects.confirmed()
        .filter(end_date__gte=earliest_end, end_date__lte=latest_end, executive__is_active=True)
        .values_list("executive_id", flat=True)
        .distinct()
    )
    sent = 0
    for executive in User.objects.filter(pk__in=list(executive_ids)).select_related("agency__parent"):
        state = broadening(executive, today=today)
        if state.due_on is not None and today <= state.due_on <= window:
            sent += _send_once(executive, ReminderSent.Kind.BROADENING, state.due_on, {"years": state.years})
    return sent


def send_due(today: date | None = None) -> int:
    today = today or timezone.localdate()
    return review_reminders(today) + broadening_reminders(today)

"""Reminder emails before a review or a broadening assignment falls due: each sent exactly once."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from soars.core.models.outbound_email import OutboundEmail
from soars.core.schedule import all_periodic
from soars.core.testing import run_tasks
from soars.development.factories import assignment, review
from soars.development.models import AgencyPolicy, ReminderSent
from soars.development.reminders import send_due
from soars.development.tasks import send_development_reminders

pytestmark = pytest.mark.django_db
TODAY = date(2026, 12, 7)


def _reminders():
    return OutboundEmail.objects.filter(template="development_reminder")


def test_a_review_due_within_thirty_days_is_reminded_once(executive, personas):
    review(executive, personas.agency_admin, held_on=date(2026, 1, 5), next_on=date(2026, 12, 31))
    assert send_due(TODAY) == 1
    assert send_due(TODAY) == 0
    assert send_due(TODAY + timedelta(days=3)) == 0
    [email] = _reminders()
    assert email.to == [executive.email]
    assert "Your development review is due by December 31, 2026" in email.subject


def test_a_review_further_off_is_not_reminded_yet(executive, personas):
    review(executive, personas.agency_admin, held_on=date(2026, 6, 1), next_on=date(2027, 6, 1))
    assert send_due(TODAY) == 0


def test_a_later_review_replaces_the_earlier_date(executive, personas):
    review(executive, personas.agency_admin, held_on=date(2026, 1, 5), next_on=date(2026, 12, 31))
    review(executive, personas.agency_admin, held_on=date(2026, 11, 30), next_on=date(2027, 11, 30))
    assert send_due(TODAY) == 0


def test_a_broadening_assignment_due_within_ninety_days_is_reminded_once(executive, personas):
    AgencyPolicy.objects.create(agency=personas.agency_a, broadening_years=4)
    assignment(executive, start=date(2022, 9, 1), end=date(2023, 2, 1))
    assert send_due(TODAY) == 1
    assert send_due(TODAY + timedelta(days=1)) == 0
    [email] = _reminders()
    assert "A broadening assignment is due by February 1, 2027" in email.subject
    assert "every 4 years" in email.text_body


def test_a_broadening_assignment_due_later_is_not_reminded_yet(executive):
    assignment(executive, start=date(2022, 9, 1), end=date(2023, 2, 1))  # five years: due February 2028
    assert send_due(TODAY) == 0


def test_a_deactivated_executive_is_not_reminded(executive, personas):
    review(executive, personas.agency_admin, held_on=date(2026, 1, 5), next_on=date(2026, 12, 31))
    executive.is_active = False
    executive.save()
    assert send_due(TODAY) == 0


def test_the_periodic_job_sends_each_reminder_exactly_once(executive, personas):
    today = timezone.localdate()
    review(executive, personas.agency_admin, held_on=today - timedelta(days=340), next_on=today + timedelta(days=10))
    assert "development.reminders" in [job.name for job in all_periodic()]
    for _ in range(3):
        send_development_reminders.enqueue()
        run_tasks()
    assert _reminders().count() == 1
    assert ReminderSent.objects.count() == 1

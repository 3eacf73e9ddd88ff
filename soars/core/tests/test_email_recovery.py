"""A task worker killed during a delivery loses no email: the periodic safety net sends it, once."""

from datetime import timedelta

import pytest
from django.utils import timezone

from soars.core.email import recover_stalled_email
from soars.core.models import OutboundEmail
from soars.core.schedule import all_periodic
from soars.core.testing import run_tasks

pytestmark = pytest.mark.django_db(transaction=True)


def email(**state) -> OutboundEmail:
    return OutboundEmail.objects.create(
        template="test", to=["pat.lee@agency.gov"], subject="Your interest was received", text_body="Hello.", **state
    )


def cut_off(minutes_ago: int) -> OutboundEmail:
    """What SIGKILL during message.send() leaves: claimed ("sending", one attempt), never finished."""
    return email(status="sending", attempts=1, last_attempt_at=timezone.now() - timedelta(minutes=minutes_ago))


def test_an_email_cut_off_by_a_killed_worker_is_sent_once(smtp):
    controller, inbox = smtp
    controller.start()
    lost = cut_off(minutes_ago=20)

    assert recover_stalled_email.call() == 1
    run_tasks()
    assert inbox.subjects_to("pat.lee@agency.gov") == ["Your interest was received"]
    lost.refresh_from_db()
    assert lost.status == "sent" and lost.attempts == 2

    assert recover_stalled_email.call() == 0  # nothing left to recover: never a second copy
    run_tasks()
    assert len(inbox.messages) == 1


def test_a_delivery_in_progress_and_a_retry_in_its_back_off_are_left_alone(smtp):
    controller, inbox = smtp
    controller.start()
    cut_off(minutes_ago=1)  # a live worker, mid-send
    email(status="pending", attempts=3, last_attempt_at=timezone.now() - timedelta(minutes=5))  # waits for its retry
    assert recover_stalled_email.call() == 0
    run_tasks()
    assert inbox.messages == []


def test_a_waiting_email_whose_queued_delivery_was_lost_is_queued_again(smtp):
    controller, inbox = smtp
    controller.start()
    email(status="pending", created_at=timezone.now() - timedelta(minutes=30))  # its task died with a worker
    email(status="pending", attempts=2, last_attempt_at=timezone.now() - timedelta(hours=2))
    assert recover_stalled_email.call() == 2
    run_tasks()
    assert len(inbox.subjects_to("pat.lee@agency.gov")) == 2


def test_the_safety_net_runs_every_ten_minutes():
    [job] = [job for job in all_periodic() if job.name == "core.recover_stalled_email"]
    assert job.every == timedelta(minutes=10) and job.task is recover_stalled_email

"""The email helper: stored first, sent by the worker once, retried with back-off on failure."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from soars.core.email import deliver_email, retry_delay, send_email
from soars.core.models import OutboundEmail
from soars.core.testing import run_tasks

pytestmark = pytest.mark.django_db


def queue(django_capture_on_commit_callbacks, **kwargs):
    with django_capture_on_commit_callbacks(execute=True):
        return send_email(
            "contact_received",
            to=["someone@agency.gov"],
            context={"message": {"name": "N", "email": "n@agency.gov", "message": "Body text"}},
            **kwargs,
        )


def test_an_email_is_not_queued_when_the_transaction_rolls_back(django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        send_email("contact_received", to=["a@agency.gov"], context={"message": {}})
    assert len(callbacks) == 1  # only runs on commit
    run_tasks()
    assert mailoutbox == []


def test_each_email_is_sent_exactly_once_even_if_queued_twice(django_capture_on_commit_callbacks, mailoutbox):
    outbound = queue(django_capture_on_commit_callbacks)
    deliver_email.enqueue(outbound.pk)
    run_tasks()
    assert len(mailoutbox) == 1
    assert mailoutbox[0].subject.startswith("SOARS Contact Us")


def test_a_failed_send_is_kept_and_retried_later(django_capture_on_commit_callbacks, mailoutbox, monkeypatch):
    outbound = queue(django_capture_on_commit_callbacks)

    def refuse(self, *args, **kwargs):
        raise ConnectionRefusedError("SMTP down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    run_tasks()
    outbound.refresh_from_db()
    assert outbound.status == OutboundEmail.Status.PENDING
    assert outbound.attempts == 1
    assert "SMTP down" in outbound.last_error
    monkeypatch.undo()
    run_tasks()  # the retry is scheduled in the future, so nothing happens yet
    assert mailoutbox == []
    assert deliver_email.call(outbound.pk) == "sent"
    assert len(mail.outbox) == 1


def test_gives_up_after_the_configured_attempts(django_capture_on_commit_callbacks, monkeypatch, settings):
    settings.EMAIL_MAX_ATTEMPTS = 1
    outbound = queue(django_capture_on_commit_callbacks)
    monkeypatch.setattr("django.core.mail.EmailMessage.send", lambda *a, **k: (_ for _ in ()).throw(OSError("no")))
    run_tasks()
    outbound.refresh_from_db()
    assert outbound.status == OutboundEmail.Status.FAILED


def test_back_off_doubles_and_is_capped():
    assert retry_delay(1) == timedelta(seconds=30)
    assert retry_delay(2) == timedelta(seconds=60)
    assert retry_delay(3) == timedelta(seconds=120)
    assert retry_delay(30) == timedelta(hours=1)


def test_a_sensitive_email_forgets_its_body_after_delivery(django_capture_on_commit_callbacks, mailoutbox):
    outbound = queue(django_capture_on_commit_callbacks, sensitive=True)
    run_tasks()
    outbound.refresh_from_db()
    assert outbound.status == OutboundEmail.Status.SENT
    assert "Body text" in mailoutbox[0].body
    assert "Body text" not in outbound.text_body
    assert outbound.sent_at <= timezone.now()

"""With a real SMTP server on loopback: an outage delays email but loses none and sends none twice."""

import contextlib
import socket
from email import message_from_bytes

import pytest
from aiosmtpd.controller import Controller
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from soars.accounts.models import AccessRequest, User
from soars.core.email import requeue_unsent
from soars.core.models import Agency, OutboundEmail
from soars.core.testing import login, make_personas, run_tasks

pytestmark = pytest.mark.django_db(transaction=True)


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, message_from_bytes(envelope.content)))
        return "250 Message accepted"

    def subjects_to(self, address):
        return [m["Subject"] for rcpt, m in self.messages if address in rcpt]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp(settings):
    port = free_port()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 2
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    yield controller, inbox
    with contextlib.suppress(AssertionError):  # never started
        controller.stop()


def make_everything_due():
    """Skip the retry back-off: what the worker would do once the delay has passed."""
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())


def test_requests_and_approvals_survive_an_smtp_outage_and_each_email_arrives_once(
    client, reference_data, smtp, settings
):
    controller, inbox = smtp
    personas = make_personas()

    # The mail server is down: the request and its approval still succeed and are kept.
    response = client.post(
        reverse("accounts:request_hr"),
        {
            "full_name": "Olga Outage",
            "email": "olga.outage@usda.gov",
            "agency": Agency.objects.get(code="AG").pk,
            "position_title": "HR Specialist",
            "verifier_name": "Sam Super",
            "verifier_title": "HR Director",
            "verifier_email": "sam.super@usda.gov",
            "acknowledge": "on",
        },
    )
    assert response.status_code == 302
    access_request = AccessRequest.objects.get(email="olga.outage@usda.gov")
    run_tasks()
    login(client, personas.site_admin)
    assert client.post(reverse("administration:request_approve", args=[access_request.pk])).status_code == 302
    assert User.objects.filter(email="olga.outage@usda.gov", role="hr").exists()
    run_tasks()
    assert inbox.messages == []
    waiting = OutboundEmail.objects.filter(status="pending")
    assert waiting.count() == 2 and all(e.attempts >= 1 and e.last_error for e in waiting)

    # The server comes back. Deliveries are retried (and queued a second time, as after a worker restart).
    controller.start()
    make_everything_due()
    requeue_unsent()
    run_tasks()
    make_everything_due()
    run_tasks()

    subjects = inbox.subjects_to("olga.outage@usda.gov")
    assert sorted(subjects) == sorted(
        ["Your SOARS access request has been received", "Your SOARS access is approved: set your password"]
    )
    assert OutboundEmail.objects.filter(status="sent").count() == 2

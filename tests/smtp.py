"""A real SMTP server on loopback for the email reliability tests (aiosmtpd).

`smtp` (a fixture, registered in the root conftest.py) points Django's SMTP backend at a free
port and yields (controller, inbox); the server is not started, so a test begins with the
mail server down and calls controller.start() when it comes back.
"""

import contextlib
import socket
from email import message_from_bytes

import pytest
from aiosmtpd.controller import Controller
from django.utils import timezone
from django_tasks_db.models import DBTaskResult


class Inbox:
    """What the server received: [(recipients, message)]."""

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
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
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

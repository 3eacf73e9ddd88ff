"""With a real SMTP server on loopback: an alert survives an outage and arrives exactly once."""

from datetime import timedelta
from email.header import decode_header, make_header

import pytest
from django.utils import timezone

from soars.core.email import requeue_unsent
from soars.core.models import OutboundEmail
from soars.core.testing import make_personas, run_tasks
from soars.resumes.factories import SharedResumeFactory
from soars.saved_searches import alerts
from tests.smtp import make_everything_due

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_alert_waits_out_an_smtp_outage_and_is_delivered_once(reference_data, smtp):
    controller, inbox = smtp
    personas = make_personas()
    alerts.create(personas.hr_a, "resume", "q=zeppelin", "Zeppelin people", "daily")
    SharedResumeFactory(headline="Zeppelin pilot")

    # The mail server is down when the alert is due: the email is kept, the search is not checked again.
    later = timezone.now() + timedelta(days=1)
    assert alerts.send_due(later) == 1
    run_tasks()
    assert inbox.messages == []
    waiting = OutboundEmail.objects.get(template="saved_search_alert")
    assert waiting.status == "pending" and waiting.attempts == 1 and waiting.last_error
    assert alerts.send_due(later + timedelta(minutes=15)) == 0

    # It comes back; the retry (and a second queueing, as after a worker restart) deliver it once.
    controller.start()
    make_everything_due()
    requeue_unsent()
    run_tasks()
    make_everything_due()
    run_tasks()
    assert len(inbox.messages) == 1
    _, message = inbox.messages[0]
    assert "Zeppelin people" in str(make_header(decode_header(message["Subject"])))
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = "".join(message["List-Unsubscribe"].split())  # long headers may be folded
    assert link.startswith("<http") and "/searches/unsubscribe/" in link and link.endswith("/>")
    assert OutboundEmail.objects.get(template="saved_search_alert").status == "sent"
    assert alerts.send_due(later + timedelta(days=1, minutes=1)) == 0

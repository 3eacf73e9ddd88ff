import pytest
from django.core import mail

from soars.core.testing import run_tasks
from soars.saved_searches import alerts


@pytest.fixture
def deliver(django_capture_on_commit_callbacks):
    """Run the alert job at `when`, then deliver what it queued; returns the emails sent."""

    def run(when):
        before = len(mail.outbox)
        with django_capture_on_commit_callbacks(execute=True):
            alerts.send_due(when)
        run_tasks()
        return mail.outbox[before:]

    return run

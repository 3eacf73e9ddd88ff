"""With a real SMTP server on loopback: an outage delays email but loses none and sends none twice."""

import pytest
from django.urls import reverse

from soars.accounts.models import AccessRequest, User
from soars.core.email import requeue_unsent
from soars.core.models import Agency, OutboundEmail
from soars.core.testing import login, make_personas, run_tasks
from tests.smtp import make_everything_due

pytestmark = pytest.mark.django_db(transaction=True)


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

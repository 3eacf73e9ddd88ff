"""Replying to a Contact Us message from /manage/messages/<id>/: emailed once, kept, audited; admins only."""

import pytest
from django.core import mail

from soars.audit.models import AuditEvent
from soars.core.models import ContactMessage, ContactReply
from soars.core.testing import run_tasks

pytestmark = pytest.mark.django_db


@pytest.fixture
def message():
    return ContactMessage.objects.create(
        name="Pat Lee", email="pat@agency.gov", topic="resume", message="How do I share my resume with one agency?"
    )


def test_a_reply_is_emailed_to_the_sender_once_and_kept_with_the_message(
    client_as, personas, message, django_capture_on_commit_callbacks
):
    client = client_as(personas.site_admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/manage/messages/{message.pk}/", {"text": "Choose “Only the agencies I choose” & tick it."}
        )
    assert response.status_code == 302
    run_tasks()
    run_tasks()
    (sent,) = mail.outbox
    assert sent.to == ["pat@agency.gov"]
    assert sent.subject == "Re: your message to SOARS (Resumes)"
    assert "Choose “Only the agencies I choose” & tick it." in sent.body  # plain text, not escaped
    assert "How do I share my resume with one agency?" in sent.body
    reply = ContactReply.objects.get()
    assert (reply.message, reply.sent_by) == (message, personas.site_admin)
    message.refresh_from_db()
    assert message.is_read
    html = client.get(f"/manage/messages/{message.pk}/").content.decode()
    assert "Choose “Only the agencies I choose” &amp; tick it." in html
    assert AuditEvent.objects.filter(action="contact_message.replied", object_id=str(message.pk)).count() == 1


@pytest.mark.parametrize("text", ["", "   \n  ", "x" * 5001])
def test_an_empty_or_overlong_reply_is_refused_and_nothing_is_sent(client_as, personas, message, text):
    response = client_as(personas.site_admin).post(f"/manage/messages/{message.pk}/", {"text": text})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Write the reply before sending it." in html or "This field is required." in html or "at most 5000" in html
    assert not ContactReply.objects.exists() and not mail.outbox


def test_hostile_text_goes_out_as_text_and_cannot_add_headers(
    client_as, personas, message, django_capture_on_commit_callbacks
):
    hostile = "Thanks\r\nBcc: everyone@example.com\r\n<script>alert(1)</script>"
    with django_capture_on_commit_callbacks(execute=True):
        client_as(personas.site_admin).post(f"/manage/messages/{message.pk}/", {"text": hostile})
    run_tasks()
    (sent,) = mail.outbox
    assert sent.bcc == [] and sent.to == ["pat@agency.gov"]
    assert "<script>alert(1)</script>" in sent.body
    html = client_as(personas.site_admin).get(f"/manage/messages/{message.pk}/").content.decode()
    assert "<script>alert(1)</script>" not in html


@pytest.mark.parametrize("persona", ["executive", "hr_a", "agency_admin"])
def test_nobody_but_site_administrators_may_reply(client_as, personas, message, persona):
    response = client_as(getattr(personas, persona)).post(f"/manage/messages/{message.pk}/", {"text": "Hello"})
    assert response.status_code == 403
    assert not ContactReply.objects.exists()


def test_an_anonymous_visitor_cannot_reply(client, message):
    response = client.post(f"/manage/messages/{message.pk}/", {"text": "Hello"})
    assert response.status_code in (302, 403)
    assert not ContactReply.objects.exists()

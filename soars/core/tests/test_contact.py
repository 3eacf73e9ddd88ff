import pytest
from django.urls import reverse

from soars.core.models import ContactMessage, OutboundEmail
from soars.core.testing import run_tasks

pytestmark = pytest.mark.django_db

URL = reverse("core:contact")
GOOD = {"name": "Pat Lee", "email": "pat.lee@agency.gov", "topic": "resume", "message": "How do I hide my resume?"}


def test_a_message_is_stored_and_the_sender_thanked(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, GOOD)
    assert response.status_code == 302 and response["Location"] == reverse("core:contact_thanks")
    message = ContactMessage.objects.get()
    assert (message.name, message.email, message.topic) == ("Pat Lee", "pat.lee@agency.gov", "resume")


def test_the_contact_address_is_emailed_through_the_task_queue(
    client, mailoutbox, settings, django_capture_on_commit_callbacks
):
    settings.CONTACT_EMAIL = "help@soars.example.gov"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, GOOD)
    assert mailoutbox == []  # nothing is sent inside the request
    run_tasks()
    assert len(mailoutbox) == 1
    email = mailoutbox[0]
    assert email.to == ["help@soars.example.gov"]
    assert email.reply_to == ["pat.lee@agency.gov"]
    assert "How do I hide my resume?" in email.body
    html_body, mimetype = email.alternatives[0]
    assert mimetype == "text/html" and "How do I hide my resume?" in html_body
    assert OutboundEmail.objects.get().status == OutboundEmail.Status.SENT


def test_errors_keep_what_was_typed(client):
    response = client.post(URL, {**GOOD, "email": "not-an-email", "message": "Hello there, a question."})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Pat Lee"' in html
    assert "Hello there, a question." in html
    assert 'id="id_email_error"' in html
    assert 'aria-describedby="id_email_error"' in html or "id_email_error" in html.split('id="id_email"')[1][:300]
    assert ContactMessage.objects.count() == 0


def test_missing_fields_are_each_named(client):
    html = client.post(URL, {}).content.decode()
    for field in ("name", "email", "topic", "message"):
        assert f'id="id_{field}_error"' in html


def test_hostile_markup_is_stored_as_text_and_escaped_for_admins(client, personas, client_as):
    client.post(URL, {**GOOD, "message": "<script>alert('x')</script> please help me"})
    assert ContactMessage.objects.get().message.startswith("<script>")
    html = client.get(URL).content.decode()
    assert "<script>alert" not in html


def test_a_filled_honeypot_is_thanked_but_dropped(client):
    response = client.post(URL, {**GOOD, "website": "http://spam.example"})
    assert response.status_code == 302
    assert ContactMessage.objects.count() == 0
    assert OutboundEmail.objects.count() == 0


def test_an_address_is_limited_per_hour_and_told_why(client, settings):
    settings.CONTACT_RATE_LIMIT_PER_HOUR = 2
    for _ in range(2):
        assert client.post(URL, GOOD).status_code == 302
    response = client.post(URL, {**GOOD, "email": "PAT.LEE@agency.gov"})
    assert response.status_code == 200
    assert "already received several messages" in response.content.decode()
    assert ContactMessage.objects.count() == 2


def test_an_overlong_message_is_refused_with_a_message(client):
    response = client.post(URL, {**GOOD, "message": "x" * 5001})
    assert response.status_code == 200
    assert ContactMessage.objects.count() == 0
    assert 'id="id_message_error"' in response.content.decode()


def test_one_address_is_limited_per_hour_whatever_sender_email_it_gives(client, settings):
    settings.CONTACT_RATE_LIMIT_PER_IP_PER_HOUR = 4
    for n in range(4):
        assert client.post(URL, {**GOOD, "email": f"sender{n}@agency.gov"}, REMOTE_ADDR="10.0.0.1").status_code == 302
    response = client.post(URL, {**GOOD, "email": "sender9@agency.gov"}, REMOTE_ADDR="10.0.0.1")
    assert response.status_code == 200
    assert "many messages from your network" in response.content.decode()
    assert ContactMessage.objects.count() == 4
    assert client.post(URL, {**GOOD, "email": "sender9@agency.gov"}, REMOTE_ADDR="10.9.9.9").status_code == 302


def test_the_address_limit_is_higher_than_the_sender_limit_by_default(settings):
    assert settings.CONTACT_RATE_LIMIT_PER_IP_PER_HOUR > 3 * settings.CONTACT_RATE_LIMIT_PER_HOUR


def test_behind_a_trusted_proxy_the_forwarded_address_is_the_one_limited_and_stored(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.CONTACT_RATE_LIMIT_PER_IP_PER_HOUR = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    assert client.post(URL, GOOD, HTTP_X_FORWARDED_FOR="198.51.100.7, 203.0.113.5", **proxy).status_code == 302
    assert ContactMessage.objects.get().ip_address == "203.0.113.5"
    other_sender = {**GOOD, "email": "someone.else@agency.gov"}
    assert client.post(URL, other_sender, HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy).status_code == 200
    assert client.post(URL, other_sender, HTTP_X_FORWARDED_FOR="203.0.113.6", **proxy).status_code == 302

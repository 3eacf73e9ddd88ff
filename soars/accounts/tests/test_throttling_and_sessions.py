import time
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from soars.accounts.factories import TEST_PASSWORD
from soars.accounts.middleware import LAST_SEEN, SIGNED_IN_AT
from soars.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")


def attempt(client, user, password="a wrong password entirely", address="10.0.0.1"):
    return client.post(LOGIN, {"username": user.email, "password": password}, REMOTE_ADDR=address)


def fail_five_times(client, user, address="10.0.0.1"):
    return [attempt(client, user, address=address) for _ in range(5)]


def test_five_failures_lock_the_account_and_address(client, personas):
    responses = fail_five_times(client, personas.executive)
    assert [r.status_code for r in responses[:4]] == [200] * 4
    assert responses[4].status_code == 429
    assert "paused for 15 minutes" in responses[4].content.decode()


def test_a_locked_account_is_refused_even_with_the_right_password(client, personas):
    fail_five_times(client, personas.executive)
    response = attempt(client, personas.executive, password=TEST_PASSWORD)
    assert response.status_code == 429
    assert client.get("/executive/").status_code == 302


def test_the_lock_lifts_by_itself_after_15_minutes(client, personas):
    fail_five_times(client, personas.executive)
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert attempt(client, personas.executive, password=TEST_PASSWORD).status_code == 302


def test_the_lock_holds_the_account_from_that_address_only(client, personas):
    fail_five_times(client, personas.executive, address="10.0.0.1")
    assert attempt(Client(), personas.executive, password=TEST_PASSWORD, address="10.9.9.9").status_code == 302
    assert attempt(Client(), personas.hr_a, password=TEST_PASSWORD, address="10.0.0.1").status_code == 302


def test_failed_attempts_and_the_lockout_are_audited(client, personas):
    fail_five_times(client, personas.executive)
    assert AuditEvent.objects.filter(action="login_failed").count() == 5
    event = AuditEvent.objects.get(action="login_locked_out")
    assert event.data["email"] == personas.executive.email and event.ip_address == "10.0.0.1"


def age_session(client, **seconds_ago):
    session = client.session
    now = time.time()
    for key, ago in seconds_ago.items():
        session[{"signed_in": SIGNED_IN_AT, "seen": LAST_SEEN}[key]] = now - ago
    session.save()


def test_a_session_idle_for_30_minutes_ends_with_a_clear_message(client_as, personas):
    client = client_as(personas.executive)
    client.get("/executive/")
    age_session(client, seen=31 * 60)
    response = client.get("/executive/", follow=True)
    assert response.redirect_chain[0][0].startswith("/login/?next=/executive/")
    assert "no activity for 30 minutes" in response.content.decode()
    assert client.get("/executive/").status_code == 302


def test_a_session_in_use_survives_29_minutes_between_requests(client_as, personas):
    client = client_as(personas.executive)
    client.get("/executive/")
    age_session(client, seen=29 * 60)
    assert client.get("/executive/").status_code == 200


def test_a_session_ends_12_hours_after_sign_in_however_active(client_as, personas):
    client = client_as(personas.executive)
    client.get("/executive/")
    age_session(client, signed_in=12 * 3600 + 60, seen=10)
    response = client.get("/executive/", follow=True)
    assert "more than 12 hours ago" in response.content.decode()
    assert AuditEvent.objects.filter(action="session_expired").count() == 1


def test_deactivating_an_account_ends_its_sessions_at_once(client_as, personas):
    victim = client_as(personas.hr_a)
    assert victim.get("/hr/").status_code == 200
    admin = Client()
    from soars.core.testing import login

    login(admin, personas.site_admin)
    admin.post(reverse("administration:account_set_active", args=[personas.hr_a.pk]), {"active": "no"})
    assert victim.get("/hr/").status_code == 302


def test_a_deactivated_account_cannot_sign_in(client, personas):
    personas.executive.is_active = False
    personas.executive.save()
    response = attempt(client, personas.executive, password=TEST_PASSWORD)
    assert response.status_code == 200
    assert "email address or password is not right" in response.content.decode()

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from soars.accounts.factories import TEST_PASSWORD
from soars.accounts.tests.helpers import current_code
from soars.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")
SETUP = reverse("accounts:mfa_setup")
VERIFY = reverse("accounts:mfa_verify")


def sign_in(client, user, password=TEST_PASSWORD, **extra):
    return client.post(LOGIN, {"username": user.email, "password": password, **extra}, **_address(extra))


def _address(extra):
    return {"REMOTE_ADDR": extra.pop("address", "127.0.0.1")}


def enrol(client):
    """Finish the MFA setup page the way a person with an authenticator app would."""
    client.get(SETUP)
    device = TOTPDevice.objects.get(confirmed=False)
    return client.post(SETUP, {"otp_token": current_code(device)}), device


def test_an_executive_lands_on_the_executive_options_page(client, personas):
    response = sign_in(client, personas.executive)
    assert response["Location"] == reverse("accounts:home")
    assert client.get(response["Location"])["Location"] == "/executive/"
    assert client.get("/executive/").status_code == 200


def test_sign_in_accepts_the_email_in_any_case(client, personas):
    response = client.post(LOGIN, {"username": personas.executive.email.upper(), "password": TEST_PASSWORD})
    assert response.status_code == 302


def test_sign_in_gives_a_new_session_key(client, personas):
    client.get(LOGIN)
    client.cookies["sessionid"] = "attacker-chosen-session-key"
    sign_in(client, personas.executive)
    assert client.cookies["sessionid"].value != "attacker-chosen-session-key"


def test_a_wrong_password_gets_one_message_for_every_case_and_is_audited(client, personas):
    wrong = sign_in(client, personas.executive, password="not the right password").content.decode()
    nobody = client.post(LOGIN, {"username": "nobody@agency.gov", "password": "whatever it is"}).content.decode()
    assert "email address or password is not right" in wrong
    assert "email address or password is not right" in nobody
    assert AuditEvent.objects.filter(action="login_failed").count() == 2


def test_the_password_never_reaches_the_audit_trail(client, personas):
    sign_in(client, personas.executive, password="my secret attempt 123")
    for event in AuditEvent.objects.all():
        assert "my secret attempt 123" not in str(event.data)


def test_hr_staff_must_set_up_mfa_at_first_sign_in(client, personas):
    response = sign_in(client, personas.hr_a)
    assert response["Location"] == SETUP
    # A password alone does not pass any role rule.
    assert client.get("/hr/")["Location"].startswith(SETUP)


def test_a_site_administrator_must_set_up_mfa_before_reaching_manage(client, personas):
    sign_in(client, personas.site_admin)
    assert client.get("/manage/requests/")["Location"].startswith(SETUP)


def test_the_setup_page_shows_a_qr_code_and_the_key_as_text(client, personas):
    sign_in(client, personas.hr_a)
    html = client.get(SETUP).content.decode()
    device = TOTPDevice.objects.get(user=personas.hr_a)
    import base64

    key = base64.b32encode(device.bin_key).decode()
    assert 'src="data:image/svg+xml;base64,' in html and "QR code" in html
    assert key[:4] + " " + key[4:8] in html


def test_enrolment_confirms_the_device_shows_recovery_codes_and_lands_on_hr(client, personas):
    sign_in(client, personas.hr_a)
    response, device = enrol(client)
    device.refresh_from_db()
    assert device.confirmed
    codes_page = client.get(response["Location"])
    codes = list(StaticToken.objects.filter(device__user=personas.hr_a).values_list("token", flat=True))
    assert len(codes) == 10 and all(code in codes_page.content.decode() for code in codes)
    assert client.get(reverse("accounts:mfa_recovery_codes")).status_code == 302  # shown once
    assert client.get("/hr/").status_code == 200
    assert AuditEvent.objects.filter(action="mfa_enrolled").count() == 1


def test_a_wrong_enrolment_code_is_refused(client, personas):
    sign_in(client, personas.hr_a)
    client.get(SETUP)
    response = client.post(SETUP, {"otp_token": "000000"})
    assert "did not match" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=personas.hr_a, confirmed=True).exists()


def test_after_enrolment_each_sign_in_asks_for_a_code(client, personas):
    sign_in(client, personas.hr_a)
    _, device = enrol(client)
    client.post(reverse("accounts:logout"))
    client.get("/")  # a fresh page after logout
    device.refresh_from_db()
    device.last_t = -1  # let the same 30-second code count again in this test
    device.save()
    assert sign_in(client, personas.hr_a)["Location"] == VERIFY
    assert client.get("/hr/")["Location"].startswith(VERIFY)
    response = client.post(VERIFY, {"otp_token": current_code(device)})
    assert response["Location"] == reverse("accounts:home")
    assert client.get("/hr/").status_code == 200


def test_a_wrong_code_at_sign_in_is_refused_and_audited(client, personas):
    TOTPDevice.objects.create(user=personas.hr_a, name="app", confirmed=True)
    sign_in(client, personas.hr_a)
    response = client.post(VERIFY, {"otp_token": "123456"})
    assert "did not work" in response.content.decode()
    assert client.get("/hr/").status_code == 302
    assert AuditEvent.objects.filter(action="login_mfa_failed").count() == 1


def test_a_recovery_code_works_once(client, personas):
    sign_in(client, personas.hr_a)
    enrol(client)
    code = StaticToken.objects.filter(device__user=personas.hr_a).first().token
    client.post(reverse("accounts:logout"))
    sign_in(client, personas.hr_a)
    assert client.post(VERIFY, {"otp_token": code}).status_code == 302
    assert client.get("/hr/").status_code == 200
    other = Client()
    sign_in(other, personas.hr_a)
    assert other.post(VERIFY, {"otp_token": code}).status_code == 200
    assert other.get("/hr/").status_code == 302


def test_a_password_alone_cannot_enrol_a_second_authenticator(client, personas):
    TOTPDevice.objects.create(user=personas.hr_a, name="app", confirmed=True)
    sign_in(client, personas.hr_a)
    assert client.get(SETUP)["Location"] == VERIFY
    assert client.post(SETUP, {"otp_token": "123456"})["Location"] == VERIFY
    assert TOTPDevice.objects.filter(user=personas.hr_a).count() == 1


def test_an_executive_may_turn_mfa_on_and_is_then_asked_for_a_code(client, personas):
    sign_in(client, personas.executive)
    assert "Turn on two-step sign-in" in client.get(reverse("accounts:security")).content.decode()
    enrol(client)
    assert client.get("/executive/").status_code == 200
    client.post(reverse("accounts:logout"))
    assert sign_in(client, personas.executive)["Location"] == VERIFY
    assert client.get("/executive/").status_code == 302


def test_a_half_signed_in_user_is_refused_pages_of_other_roles(client, personas):
    sign_in(client, personas.hr_a)
    assert client.get("/manage/").status_code == 403


def test_the_next_address_is_kept_through_mfa_and_only_local_addresses_are_followed(client, personas):
    TOTPDevice.objects.create(user=personas.hr_a, name="app", confirmed=True)
    response = sign_in(client, personas.hr_a, next="/account/security/")
    assert response["Location"] == f"{VERIFY}?next=%2Faccount%2Fsecurity%2F"
    evil = Client()
    assert sign_in(evil, personas.executive, next="https://evil.example/")["Location"] == reverse("accounts:home")


def test_logout_ends_the_session(client_as, personas):
    client = client_as(personas.hr_a)
    client.post(reverse("accounts:logout"))
    assert client.get("/hr/").status_code == 302


def test_after_a_wrong_code_the_page_says_to_wait(client, personas):
    TOTPDevice.objects.create(user=personas.hr_a, name="app", confirmed=True)
    sign_in(client, personas.hr_a)
    client.post(VERIFY, {"otp_token": "123456"})
    html = client.post(VERIFY, {"otp_token": "654321"}).content.decode()
    assert "wait a minute" in html


def test_new_recovery_codes_replace_the_old_ones(client_as, personas):
    client = client_as(personas.hr_a)
    from soars.accounts.views.mfa import issue_recovery_codes

    old = issue_recovery_codes(personas.hr_a)
    response = client.post(reverse("accounts:security"))
    new_codes = client.get(response["Location"]).content.decode()
    remaining = set(StaticToken.objects.filter(device__user=personas.hr_a).values_list("token", flat=True))
    assert remaining.isdisjoint(old) and all(code in new_codes for code in remaining)
    assert AuditEvent.objects.filter(action="mfa_recovery_codes_replaced").count() == 1


def test_a_password_typed_into_the_email_field_is_not_kept(client, caplog):
    import logging

    caplog.set_level(logging.DEBUG)
    client.post(LOGIN, {"username": "my secret passphrase here", "password": "x"})
    event = AuditEvent.objects.get(action="login_failed")
    assert "my secret passphrase here" not in str(event.data)
    assert "my secret passphrase here" not in caplog.text

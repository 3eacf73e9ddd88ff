"""Django's admin asks for the same finished sign-in as /manage/ and never shows an authenticator's secret."""

import base64
import importlib

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import clear_url_caches, reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from soars.accounts.factories import TEST_PASSWORD
from soars.accounts.tests.helpers import current_code

pytestmark = pytest.mark.django_db

ADMIN = f"/{settings.ADMIN_PATH}"


def superuser(personas):
    personas.site_admin.is_superuser = True
    personas.site_admin.save()
    return personas.site_admin


def enrolled(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)


def test_the_admin_login_form_does_not_accept_a_password_alone(client, personas):
    enrolled(personas.site_admin)
    response = client.post(
        f"{ADMIN}login/", {"username": personas.site_admin.email, "password": TEST_PASSWORD, "next": ADMIN}
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert "_auth_user_id" not in client.session
    assert client.get(ADMIN).status_code == 302


def test_a_session_without_its_second_factor_is_sent_to_the_code_page(client, personas):
    enrolled(personas.site_admin)
    client.post(reverse("accounts:login"), {"username": personas.site_admin.email, "password": TEST_PASSWORD})
    assert "_auth_user_id" in client.session  # the password was accepted

    response = client.get(ADMIN, follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("accounts:mfa_verify"))
    assert client.get(f"{ADMIN}core/agency/").status_code == 302
    assert client.get(f"{ADMIN}otp_totp/totpdevice/").status_code == 302


def test_after_the_code_the_site_administrator_reaches_the_admin(client, personas):
    device = enrolled(personas.site_admin)
    client.post(reverse("accounts:login"), {"username": personas.site_admin.email, "password": TEST_PASSWORD})
    client.post(reverse("accounts:mfa_verify"), {"otp_token": current_code(device)})
    assert client.get(ADMIN).status_code == 200


@pytest.mark.parametrize("name", ["hr_a", "agency_admin", "executive"])
def test_other_roles_are_refused_even_after_their_second_factor(client_as, personas, name):
    user = personas.by_name(name)
    user.is_staff = True  # even if someone ticked "staff" on their account
    user.save()
    client = client_as(user)
    assert client.get(ADMIN).status_code in {302, 403}
    assert client.get(f"{ADMIN}core/agency/").status_code in {302, 403}
    assert client.get(f"{ADMIN}login/").status_code == 403


def test_no_device_secret_is_ever_shown(client_as, personas):
    victim = enrolled(personas.hr_a)
    static = StaticDevice.objects.create(user=personas.hr_a, name="Recovery codes", confirmed=True)
    StaticToken.objects.create(device=static, token="recoverysecret01")
    client = client_as(superuser(personas))
    secrets = [victim.key, base64.b32encode(victim.bin_key).decode(), "recoverysecret01"]

    pages = [
        f"{ADMIN}otp_totp/totpdevice/",
        f"{ADMIN}otp_totp/totpdevice/{victim.pk}/change/",
        f"{ADMIN}otp_static/staticdevice/",
        f"{ADMIN}otp_static/staticdevice/{static.pk}/change/",
    ]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        html = response.content.decode()
        for secret in secrets:
            assert secret not in html, page
    for page in (f"{ADMIN}otp_totp/totpdevice/{victim.pk}/config/", f"{ADMIN}otp_totp/totpdevice/{victim.pk}/qrcode/"):
        assert client.get(page).status_code in {403, 404}, page


def test_an_administrator_cannot_add_or_edit_a_device_but_can_delete_a_lost_one(client_as, personas):
    victim = enrolled(personas.hr_a)
    client = client_as(superuser(personas))
    assert client.get(f"{ADMIN}otp_totp/totpdevice/add/").status_code == 403
    client.post(f"{ADMIN}otp_totp/totpdevice/{victim.pk}/change/", {"name": "Changed", "key": "00" * 20})
    victim.refresh_from_db()
    assert victim.name == "Phone"
    client.post(f"{ADMIN}otp_totp/totpdevice/{victim.pk}/delete/", {"post": "yes"})
    assert not TOTPDevice.objects.filter(pk=victim.pk).exists()


def test_the_admin_is_off_unless_the_setting_turns_it_on(client, personas):
    import soars.urls

    try:
        with override_settings(ADMIN_ENABLED=False):
            clear_url_caches()
            importlib.reload(soars.urls)
            assert client.get(ADMIN).status_code == 404
            assert client.get(f"{ADMIN}login/").status_code == 404
    finally:
        clear_url_caches()
        importlib.reload(soars.urls)
    assert client.get(ADMIN).status_code == 302


def test_production_leaves_the_admin_off_by_default():
    import subprocess
    import sys

    code = "from django.conf import settings; import django; django.setup(); print(settings.ADMIN_ENABLED)"
    env = {"SOARS_ENV": "production", "SECRET_KEY": "x" * 50, "DJANGO_SETTINGS_MODULE": "soars.settings", "PATH": ""}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=settings.BASE_DIR)
    assert out.stdout.strip() == "False", out.stderr

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from soars.accounts import demo
from soars.accounts.models import AccessRequest
from soars.accounts.tests.helpers import current_code

pytestmark = pytest.mark.django_db


def test_demo_accounts_exist_only_in_demo_mode(settings):
    settings.DEMO_MODE = False
    with pytest.raises(RuntimeError):
        demo.create_demo_accounts()


def test_demo_mode_prints_each_account_with_password_and_the_mfa_roles_with_a_totp_key(settings):
    settings.DEMO_MODE = True
    demo.create_demo_accounts()
    lines = "\n".join(demo.demo_login_lines())
    assert lines.count(demo.DEMO_PASSWORD) == 4
    assert lines.count("authenticator (TOTP) key") == 3
    assert "demo_codes" in lines
    assert TOTPDevice.objects.filter(user__email=f"executive@{demo.DEMO_DOMAIN}").count() == 0


def test_demo_mode_adds_a_few_pending_requests(settings):
    settings.DEMO_MODE = True
    demo.create_demo_accounts()
    demo.create_demo_requests()
    demo.create_demo_requests()
    assert AccessRequest.objects.pending().count() == len(demo.DEMO_REQUESTS)


def test_a_tester_signs_in_as_the_demo_site_administrator_with_the_printed_key(settings):
    settings.DEMO_MODE = True
    [*_, admin] = demo.create_demo_accounts()
    client = Client()
    client.post(reverse("accounts:login"), {"username": admin.email, "password": demo.DEMO_PASSWORD})
    device = TOTPDevice.objects.get(user=admin)
    client.post(reverse("accounts:mfa_verify"), {"otp_token": current_code(device)})
    assert client.get("/manage/").status_code == 200


def test_demo_codes_prints_a_current_code_for_each_mfa_account(settings):
    from io import StringIO

    from django.core.management import call_command

    settings.DEMO_MODE = True
    demo.create_demo_accounts()
    out = StringIO()
    call_command("demo_codes", stdout=out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 3
    device = TOTPDevice.objects.get(user__email=f"admin@{demo.DEMO_DOMAIN}")
    assert f"admin@{demo.DEMO_DOMAIN}: {current_code(device)}" in lines

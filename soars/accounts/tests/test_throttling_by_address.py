"""One address trying passwords against many accounts is stopped at a per-address limit (higher than
the per-account one), and the client's address is read by one rule everywhere."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from soars.accounts.factories import TEST_PASSWORD, ExecutiveFactory
from soars.audit.log import client_ip
from soars.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")
WRONG = "a wrong password entirely"


@pytest.fixture
def address_limit(settings):
    settings.LOGIN_FAILURE_LIMIT_PER_IP = 8
    return 8


def attempt(user, password=WRONG, **meta):
    meta.setdefault("REMOTE_ADDR", "10.0.0.1")
    return Client().post(LOGIN, {"username": user.email, "password": password}, **meta)


def spray(count, **meta):
    """One password tried once against each of `count` accounts, as a password-spraying attacker would."""
    return [attempt(ExecutiveFactory(), **meta) for _ in range(count)]


def test_one_address_trying_one_password_on_many_accounts_is_locked_at_the_address_limit(address_limit):
    responses = spray(address_limit)
    assert [r.status_code for r in responses[:-1]] == [200] * (address_limit - 1)
    assert responses[-1].status_code == 429
    assert "paused for your network" in responses[-1].content.decode()


def test_a_locked_address_cannot_sign_in_to_any_account_even_with_the_right_password(address_limit, personas):
    spray(address_limit)
    assert attempt(personas.executive, password=TEST_PASSWORD).status_code == 429


def test_a_different_address_still_signs_in(address_limit, personas):
    spray(address_limit)
    assert attempt(personas.executive, password=TEST_PASSWORD, REMOTE_ADDR="10.9.9.9").status_code == 302


def test_signing_in_to_ones_own_account_does_not_clear_the_address_count(address_limit, personas):
    spray(address_limit - 1)
    assert attempt(personas.outsider, password=TEST_PASSWORD).status_code == 302
    assert spray(1)[0].status_code == 429


def test_the_address_limit_is_higher_than_the_account_limit_by_default(settings, personas):
    assert settings.LOGIN_FAILURE_LIMIT_PER_IP > 5 * settings.AXES_FAILURE_LIMIT
    responses = spray(settings.AXES_FAILURE_LIMIT * 2)
    assert {r.status_code for r in responses} == {200}  # an office mistyping is not locked out


def test_the_address_lockout_is_audited_as_such(address_limit):
    spray(address_limit)
    event = AuditEvent.objects.get(action="login_locked_out")
    assert event.data["scope"] == "address" and event.ip_address == "10.0.0.1"


def test_a_forged_forwarded_for_header_does_not_give_a_new_address_without_a_trusted_proxy(address_limit):
    responses = [attempt(ExecutiveFactory(), HTTP_X_FORWARDED_FOR=f"203.0.113.{n}") for n in range(address_limit)]
    assert responses[-1].status_code == 429


def test_behind_a_trusted_proxy_each_client_is_counted_on_its_own(address_limit, settings, personas):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    # The client forges an address at the left; the proxy appends the one it really saw.
    spray(address_limit, HTTP_X_FORWARDED_FOR="198.51.100.7, 203.0.113.5", **proxy)
    assert (
        attempt(personas.executive, password=TEST_PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy).status_code
        == 429
    )
    assert (
        attempt(personas.executive, password=TEST_PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.6", **proxy).status_code
        == 302
    )


@pytest.mark.parametrize(
    ("proxies", "forwarded_for", "expected"),
    [
        (0, "203.0.113.5", "10.0.0.2"),  # no proxy of ours: the header is the client's own words
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "198.51.100.7, 203.0.113.5", "203.0.113.5"),  # the left entry is forged
        (2, "198.51.100.7, 203.0.113.5, 10.0.0.9", "203.0.113.5"),
        (2, "203.0.113.5", "10.0.0.2"),  # fewer entries than proxies: not through our proxies
        (1, "not-an-address", "10.0.0.2"),
        (1, "", "10.0.0.2"),
        (1, " 2001:db8::1 ", "2001:db8::1"),
    ],
)
def test_the_client_address_rule(settings, proxies, forwarded_for, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded_for)
    assert client_ip(request) == expected


def test_axes_uses_the_same_rule(settings):
    from axes.helpers import get_client_ip_address

    settings.TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.7, 203.0.113.5")
    assert get_client_ip_address(request) == client_ip(request) == "203.0.113.5"

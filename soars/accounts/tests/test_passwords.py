import logging
from datetime import timedelta

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from soars.accounts.factories import TEST_PASSWORD, AccessRequestFactory, ExecutiveFactory, HrFactory
from soars.accounts.models import OneTimeLink, User
from soars.accounts.tests.helpers import emails, link_in
from soars.audit.models import AuditEvent
from soars.core.models import OutboundEmail

pytestmark = pytest.mark.django_db

GOOD_PASSWORD = "correct horse battery staple on a long walk"
CHOOSE = reverse("accounts:choose_password")
RESET = reverse("accounts:password_reset")


def new_account_link(client_as, personas, **request_fields):
    r = AccessRequestFactory(**request_fields)
    client_as(personas.site_admin).post(reverse("administration:request_approve", args=[r.pk]))
    client_as(personas.site_admin).logout()
    [email] = emails("access_approved", to=r.email)
    return r, link_in(email)


def set_password(client, link, password=GOOD_PASSWORD):
    client.get(link)
    return client.post(CHOOSE, {"new_password1": password, "new_password2": password})


def test_the_link_from_approval_sets_a_password_and_sends_to_sign_in(client_as, client, personas):
    r, link = new_account_link(client_as, personas)
    response = set_password(client, link)
    assert response.status_code == 302 and response["Location"] == reverse("accounts:login")
    assert User.objects.get(email=r.email).check_password(GOOD_PASSWORD)
    assert AuditEvent.objects.filter(action="password_set").count() == 1


def test_setting_a_password_does_not_sign_anyone_in(client_as, client, personas):
    _, link = new_account_link(client_as, personas)
    set_password(client, link)
    assert client.get("/executive/").status_code == 302


def test_a_link_works_only_once_and_a_used_link_explains_itself(client_as, client, personas):
    _, link = new_account_link(client_as, personas)
    set_password(client, link)
    html = client.get(link).content.decode()
    assert "already been used" in html
    assert f'action="{RESET}"' in html  # and offers a new one


def test_the_same_link_cannot_set_a_password_twice_even_from_two_open_forms(client_as, client, personas):
    from django.test import Client

    _, link = new_account_link(client_as, personas)
    other = Client()
    client.get(link)
    other.get(link)
    client.post(CHOOSE, {"new_password1": GOOD_PASSWORD, "new_password2": GOOD_PASSWORD})
    response = other.post(
        CHOOSE, {"new_password1": "an attacker chose this one", "new_password2": "an attacker chose this one"}
    )
    assert "already been used" in response.content.decode()


def test_an_expired_link_explains_itself_and_offers_a_new_one(client_as, client, personas):
    _, link = new_account_link(client_as, personas)
    OneTimeLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    html = client.get(link).content.decode()
    assert "expired" in html and f'action="{RESET}"' in html


def test_a_link_expires_after_72_hours(personas):
    link, _ = OneTimeLink.issue(personas.executive, OneTimeLink.Purpose.RESET)
    assert link.state == "valid"
    link.expires_at = timezone.now() - timedelta(minutes=1)
    assert link.state == "expired"
    assert timedelta(hours=71) < OneTimeLink.issue(personas.executive, "reset")[0].expires_at - timezone.now()


def test_a_made_up_link_explains_itself(client):
    response = client.get("/set-password/made-up-token/")
    assert response.status_code == 200
    assert "does not work" in response.content.decode()


def test_a_new_link_replaces_the_older_one(client, personas):
    _, old = OneTimeLink.issue(personas.executive, "reset")
    _, new = OneTimeLink.issue(personas.executive, "reset")
    assert "expired" in client.get(f"/set-password/{old}/").content.decode()
    assert "Choose your password" in client.get(f"/set-password/{new}/").content.decode()


def test_only_a_hash_of_the_token_is_stored(personas):
    link, token = OneTimeLink.issue(personas.executive, "reset")
    assert token not in link.token_hash and len(token) >= 40


def test_the_form_without_a_link_in_the_session_does_nothing(client):
    response = client.post(CHOOSE, {"new_password1": GOOD_PASSWORD, "new_password2": GOOD_PASSWORD})
    assert "does not work" in response.content.decode()


PATTERN = "repeated or sequential pattern"
COMMON = "too common"
CONTEXT = "too similar to the name SOARS, your own name or your email address"


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("fourteen chars", "too short"),
        ("yfdbufnjh10305070", COMMON),  # on Django's list of common passwords
        ("alice.executive@agency.gov", CONTEXT),
        # NIST SP 800-63B: repetitive and sequential strings
        ("aaaaaaaaaaaaaaaa", PATTERN),
        ("abcdefghijklmnop", PATTERN),
        ("1234567890123456", PATTERN),
        ("passwordpassword", PATTERN),
        ("iloveyouiloveyou", PATTERN),
        ("qwertyuiopasdfgh", PATTERN),
        ("Passwordpassword2026!", PATTERN),
        ("abcd efgh ijkl mnop", PATTERN),
        # commonly used and compromised passwords of 15 characters or more
        ("correcthorsebatterystaple", COMMON),
        ("Correct Horse Battery Staple", COMMON),
        ("manchesterunited", COMMON),
        ("thisismypassword", COMMON),
        # context words: the name of the service, the person's name and email address
        ("SOARS password 2026", CONTEXT),
        ("soarssoarssoarssoars", CONTEXT),
        ("Alice Executive 2026!", CONTEXT),
        ("alice executive agency 12", CONTEXT),
    ],
)
def test_weak_passwords_are_refused_with_a_message_on_the_page(client, personas, password, message):
    _, token = OneTimeLink.issue(personas.executive, "reset")
    client.get(f"/set-password/{token}/")
    response = client.post(CHOOSE, {"new_password1": password, "new_password2": password})
    assert message in response.content.decode()
    personas.executive.refresh_from_db()
    assert not personas.executive.check_password(password)


@pytest.mark.parametrize(
    "password",
    [
        GOOD_PASSWORD,
        TEST_PASSWORD,  # SOARS is in it, but the rest is long enough on its own
        "sleepy koala eats alice's leeks",  # the person's first name, among other words
        "lullaby hullabaloo ball",
        "xkq7 vmz2 plr9 hwt4",
    ],
)
def test_passphrases_that_merely_contain_a_context_word_or_repeated_letters_pass(personas, password):
    validate_password(password, personas.executive)


def test_every_password_the_code_base_gives_demo_and_test_accounts_passes_the_validators(personas):
    from soars.accounts.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
    from soars.accounts.tests.test_journey_browser import PASSWORD as JOURNEY_PASSWORD

    for email, name, role, *_ in DEMO_ACCOUNTS:
        validate_password(DEMO_PASSWORD, User(email=email, full_name=name, role=role))
    for user in [personas.executive, personas.hr_a, personas.agency_admin, personas.site_admin]:
        validate_password(TEST_PASSWORD, user)
        validate_password(GOOD_PASSWORD, user)
        validate_password(JOURNEY_PASSWORD, user)


def test_each_fault_is_named_once_and_the_lists_are_read_once(personas):
    from soars.accounts.password_validation import known_passwords

    with pytest.raises(ValidationError) as refused:
        validate_password("correct-horse-battery-staple", personas.executive)
    assert [e.code for e in refused.value.error_list] == ["password_too_common"]
    assert known_passwords() is known_passwords() and len(known_passwords()) > 150_000


def test_a_64_character_passphrase_without_special_characters_is_accepted(client, personas):
    _, token = OneTimeLink.issue(personas.executive, "reset")
    password = "the quick brown fox jumps over the lazy dog while the cat sleeps"
    assert len(password) >= 64
    set_password(client, f"/set-password/{token}/", password)
    personas.executive.refresh_from_db()
    assert personas.executive.check_password(password)


def test_the_password_fields_do_not_block_pasting(client, personas):
    _, token = OneTimeLink.issue(personas.executive, "reset")
    html = client.get(f"/set-password/{token}/").content.decode()
    assert "onpaste" not in html and 'autocomplete="new-password"' in html


def test_reset_for_a_known_and_an_unknown_address_answers_the_same(client, personas):
    known = client.post(RESET, {"email": personas.executive.email})
    unknown = client.post(RESET, {"email": "nobody@agency.gov"})
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert len(emails("password_link", to=personas.executive.email)) == 1
    assert emails("password_link", to="nobody@agency.gov") == []


def test_reset_for_a_deactivated_account_sends_nothing(client, personas):
    personas.executive.is_active = False
    personas.executive.save()
    client.post(RESET, {"email": personas.executive.email})
    assert emails("password_link") == []


def test_reset_requests_are_rate_limited_per_address_silently(client, personas, settings):
    settings.PASSWORD_RESET_RATE_LIMIT_PER_HOUR = 2
    for _ in range(4):
        response = client.post(RESET, {"email": personas.executive.email})
        assert response["Location"] == reverse("accounts:password_reset_sent")
    assert len(emails("password_link")) == 2


def test_a_reset_never_skips_the_second_factor(client, personas):
    hr = HrFactory(email="mfa.user@usda.gov")
    from soars.core.testing import login

    login(client, hr)  # gives hr an authenticator
    client.logout()
    client.post(RESET, {"email": hr.email})
    set_password(client, link_in(emails("password_link", to=hr.email)[0]))
    response = client.post(reverse("accounts:login"), {"username": hr.email, "password": GOOD_PASSWORD})
    assert response["Location"].startswith(reverse("accounts:mfa_verify"))
    assert client.get("/hr/").status_code == 302


def test_a_reset_for_an_account_with_an_authenticator_does_not_allow_enrolling_a_new_one(client, personas):
    hr = HrFactory(email="mfa.user@usda.gov")
    from soars.core.testing import login

    login(client, hr)
    client.logout()
    client.post(RESET, {"email": hr.email})
    set_password(client, link_in(emails("password_link", to=hr.email)[0]))
    client.post(reverse("accounts:login"), {"username": hr.email, "password": GOOD_PASSWORD})
    response = client.get(reverse("accounts:mfa_setup"))
    assert response["Location"] == reverse("accounts:mfa_verify")


def test_no_token_or_link_reaches_the_logs(client_as, client, personas, caplog):
    caplog.set_level(logging.DEBUG)
    _, link = new_account_link(client_as, personas)
    token = link.split("/")[-2]
    set_password(client, link)
    client.get(link)
    client.post(RESET, {"email": personas.executive.email})
    reset_token = link_in(emails("password_link")[0]).split("/")[-2]
    client.get(f"/set-password/{reset_token}/")
    logged = "\n".join(r.getMessage() for r in caplog.records) + caplog.text
    assert token not in logged and reset_token not in logged
    assert GOOD_PASSWORD not in logged


def test_the_link_is_erased_from_the_email_store_once_delivered(client_as, personas):
    from soars.core.email import deliver_email

    _, link = new_account_link(client_as, personas)
    outbound = emails("access_approved")[0]
    deliver_email.call(outbound.pk)
    outbound = OutboundEmail.objects.get(pk=outbound.pk)
    assert outbound.status == "sent" and link not in outbound.text_body


def test_an_executive_account_without_a_password_cannot_sign_in(client):
    user = ExecutiveFactory(password=None)
    user.set_unusable_password()
    user.save()
    response = client.post(reverse("accounts:login"), {"username": user.email, "password": ""})
    assert response.status_code == 200


def test_the_link_lifetime_follows_the_setting_everywhere_it_is_told(client, personas, settings):
    settings.ONE_TIME_LINK_HOURS = 48
    client.post(RESET, {"email": personas.executive.email})
    assert "expires in 48 hours" in emails("password_link")[0].text_body
    assert "after 48 hours" in client.get(reverse("accounts:password_reset_sent")).content.decode()
    link = OneTimeLink.objects.get()
    assert link.expires_at - link.created_at == timedelta(hours=48)

"""The personal tokens page: made with a name, access and expiry; secret shown once, stored hashed;
last use listed; revoked at once; revoked with the account; audited; administrators see them all."""

from datetime import timedelta

import pytest
from django.utils import timezone

from soars.api.models import ApiToken, digest
from soars.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def _make(client, **fields):
    expires_on = f"{timezone.localdate() + timedelta(days=30)}"
    data = {"name": "Applicant tracker", "access": "write", "expires_on": expires_on}
    return client.post("/api/tokens/", data | fields)


def _secret(response) -> str:
    return response.context["secret"]


def test_it_shows_the_secret_once_and_keeps_only_its_hash(client_as, personas):
    client = client_as(personas.hr_a)
    response = _make(client)
    assert response.status_code == 200
    secret = _secret(response)
    assert secret.startswith("soars_") and secret in response.content.decode()
    token = ApiToken.objects.get()
    assert token.user == personas.hr_a and token.can_write and token.name == "Applicant tracker"
    assert secret.split("_", 2)[2] not in token.secret_hash
    assert token.secret_hash == digest(secret.split("_", 2)[2])
    again = client.get("/api/tokens/")
    assert secret not in again.content.decode() and token.public_id in again.content.decode()
    assert "no-store" in again["Cache-Control"]


def test_it_records_making_and_revoking_in_the_audit_trail(client_as, personas):
    client = client_as(personas.hr_a)
    _make(client)
    token = ApiToken.objects.get()
    client.post(f"/api/tokens/{token.pk}/revoke/")
    actions = list(AuditEvent.objects.for_object(token).values_list("action", flat=True))
    assert sorted(actions) == ["api_token.created", "api_token.revoked"]


def test_a_revoked_token_stops_working_at_once(client_as, personas, api):
    client = client_as(personas.hr_a)
    secret = _secret(_make(client))
    assert api("get", "/agency/opportunities", f"Bearer {secret}").status_code == 200
    token = ApiToken.objects.get()
    client.post(f"/api/tokens/{token.pk}/revoke/")
    assert api("get", "/agency/opportunities", f"Bearer {secret}").status_code == 401


def test_the_page_lists_last_use(client_as, personas, api):
    client = client_as(personas.hr_a)
    secret = _secret(_make(client))
    assert "Never" in client.get("/api/tokens/").content.decode()
    api("get", "/reference/agencies", f"Bearer {secret}")
    assert ApiToken.objects.get().last_used_at is not None
    assert "Never" not in client.get("/api/tokens/").content.decode()


@pytest.mark.parametrize(
    "expires, message",
    [(400, "at most a year"), (0, "after today"), (-3, "after today")],
)
def test_the_expiry_is_within_a_year(client_as, personas, expires, message):
    client = client_as(personas.hr_a)
    response = _make(client, expires_on=f"{timezone.localdate() + timedelta(days=expires)}", name="  kept name ")
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "kept name" in response.content.decode()  # what was typed stays
    assert not ApiToken.objects.exists()


def test_an_expired_token_does_not_work(personas, api, make_token):
    secret = make_token(personas.hr_a, days=1)
    ApiToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert api("get", "/reference/agencies", secret).status_code == 401


def test_hr_staff_see_and_revoke_only_their_own(client_as, personas, make_token):
    make_token(personas.hr_b)
    theirs = ApiToken.objects.get()
    client = client_as(personas.hr_a)
    assert theirs.public_id not in client.get("/api/tokens/").content.decode()
    assert client.post(f"/api/tokens/{theirs.pk}/revoke/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.revoked_at is None


def test_a_site_administrator_sees_and_revokes_any_token(client_as, personas, make_token):
    make_token(personas.hr_b)
    theirs = ApiToken.objects.get()
    client = client_as(personas.site_admin)
    assert theirs.public_id in client.get("/api/tokens/").content.decode()
    client.post(f"/api/tokens/{theirs.pk}/revoke/")
    theirs.refresh_from_db()
    assert theirs.revoked_at is not None and theirs.revoked_by == personas.site_admin


def test_executives_have_no_tokens_page(client_as, personas):
    assert client_as(personas.executive).get("/api/tokens/").status_code == 403


def test_deactivating_the_account_revokes_its_tokens_for_good(client_as, personas, make_token, api):
    secret = make_token(personas.hr_a, write=True)
    admin = client_as(personas.site_admin)
    admin.post(f"/manage/accounts/{personas.hr_a.pk}/active/", {"active": "no"})
    assert api("get", "/reference/agencies", secret).status_code == 401
    admin.post(f"/manage/accounts/{personas.hr_a.pk}/active/", {"active": "yes"})
    assert ApiToken.objects.get().revoked_at is not None
    assert api("get", "/reference/agencies", secret).status_code == 401

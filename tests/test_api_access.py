"""Deny by default, for the API: every operation declares its rule, and each rule holds from outside.

Anonymous callers get 401, a wrong role 403, a read-only token cannot write, and another agency's
posting or a resume not shared with the caller's agency is 404 (its existence is not disclosed).
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from soars.api.access import rule_of
from soars.api.api import api
from soars.api.models import ApiToken
from soars.core.access import rule_for
from soars.core.testing import login
from tests.urlwalk import walk

pytestmark = pytest.mark.django_db


def _operations():
    for prefix, router in api._routers:
        for path, path_view in router.path_operations.items():
            for operation in path_view.operations:
                for method in operation.methods:
                    yield method, f"/api/v1{prefix}{path}", operation


OPERATIONS = list(_operations())


def _ids(item):
    method, path, _ = item
    return f"{method} {path}"


def _sample(path: str, **ids) -> str:
    return path.replace("{id}", str(ids.get("id", 1))).replace("{interest_id}", str(ids.get("interest_id", 1)))


def _token(user, write: bool) -> str:
    _, secret = ApiToken.issue(user, name="walk", can_write=write, expires_on=timezone.localdate() + timedelta(days=9))
    return f"Bearer {secret}"


def _call(client, method, path, token=None, body=None):
    headers = {"HTTP_AUTHORIZATION": token} if token else {}
    return client.generic(method, path, data="{}" if body is None else body, content_type="application/json", **headers)


def test_the_api_has_operations_to_check():
    assert len(OPERATIONS) >= 20


def test_every_api_operation_declares_a_rule():
    undeclared = [_ids(item) for item in OPERATIONS if rule_of(item[2]) is None]
    assert undeclared == []


def test_every_api_url_is_let_through_to_the_api_own_rules():
    """The site's middleware passes /api/v1/ to the API (which answers 401, not a login redirect)."""
    api_routes = [route for route in walk() if route.path.startswith("/api/v1/")]
    assert api_routes
    assert all(rule_for(route.callback) is not None for route in api_routes)


@pytest.mark.parametrize("item", OPERATIONS, ids=_ids)
def test_anonymous_callers_get_401(client, item):
    method, path, _ = item
    response = _call(client, method, _sample(path))
    assert response.status_code == 401, response.content
    assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize("item", OPERATIONS, ids=_ids)
def test_a_bad_or_revoked_token_gets_401(client, personas, item):
    method, path, _ = item
    token = _token(personas.hr_a, write=True)
    ApiToken.objects.get().revoke(by=personas.site_admin)
    assert _call(client, method, _sample(path), token=token).status_code == 401
    assert _call(client, method, _sample(path), token="Bearer soars_nothing_here").status_code == 401


@pytest.mark.parametrize("item", OPERATIONS, ids=_ids)
def test_signed_in_users_without_the_role_get_403(client, personas, item):
    method, path, operation = item
    rule = rule_of(operation)
    refused = 0
    for name in personas.NAMES:
        user = personas.by_name(name)
        if rule.allows(user):
            continue
        login(client, user)
        response = _call(client, method, _sample(path), body="{}")
        client.logout()
        assert response.status_code == 403, f"{name} reached {method} {path}: {response.status_code}"
        if user.has_role("hr") or user.has_role("admin"):
            assert _call(client, method, _sample(path), token=_token(user, write=True)).status_code == 403
        refused += 1
    assert refused or rule.roles >= {"executive", "hr", "admin"}


WRITES = [item for item in OPERATIONS if rule_of(item[2]).write and rule_of(item[2]).tokens]


@pytest.mark.parametrize("item", WRITES, ids=_ids)
def test_a_read_only_token_cannot_write(client, personas, item):
    method, path, _ = item
    response = _call(client, method, _sample(path), token=_token(personas.hr_a, write=False))
    assert response.status_code == 403
    assert "read-only" in response.json()["detail"]


@pytest.fixture
def agency_b_posting(personas):
    from soars.opportunities.factories import InterestFactory, OpenOpportunityFactory

    posting = OpenOpportunityFactory(agency=personas.agency_b, title="Commerce posting")
    interest = InterestFactory(opportunity=posting, executive=personas.executive)
    return posting, interest


BODIES = {
    ("PATCH", "/api/v1/agency/opportunities/{id}"): '{"title": "Taken over"}',
    ("POST", "/api/v1/agency/opportunities/{id}/fill"): "{}",
    ("POST", "/api/v1/agency/opportunities/{id}/interests/{interest_id}/move"): '{"status": "reviewing"}',
    ("POST", "/api/v1/agency/opportunities/{id}/shortlist"): '{"resume": 1}',
}
AGENCY_OBJECT_OPERATIONS = [item for item in OPERATIONS if item[1].startswith("/api/v1/agency/opportunities/{id}")]


@pytest.mark.parametrize("item", AGENCY_OBJECT_OPERATIONS, ids=_ids)
def test_another_agencys_posting_is_404(client, personas, agency_b_posting, item):
    method, path, _ = item
    posting, interest = agency_b_posting
    body = BODIES.get((method, path), "{}")
    response = _call(
        client, method, _sample(path, id=posting.pk, interest_id=interest.pk), _token(personas.hr_a, True), body
    )
    assert response.status_code == 404, response.content
    posting.refresh_from_db()
    assert posting.status == "open" and posting.title == "Commerce posting"
    interest.refresh_from_db()
    assert interest.status == "interested"


def test_a_resume_not_shared_with_the_agency_is_404(client, personas):
    from soars.resumes.factories import ResumeFactory

    hidden = ResumeFactory(executive=personas.executive, visibility="hidden")
    response = _call(client, "GET", f"/api/v1/agency/resumes/{hidden.pk}", _token(personas.hr_a, False))
    assert response.status_code == 404


def test_a_session_write_needs_the_csrf_token(personas):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    login(client, personas.hr_a)
    body = '{"title": "x"}'
    response = client.post("/api/v1/agency/opportunities", data=body, content_type="application/json")
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


def test_an_hr_session_before_the_second_factor_is_not_signed_in(client, personas):
    login(client, personas.hr_a, second_factor=False)
    assert client.get("/api/v1/agency/opportunities").status_code == 401

"""Property tests against the live OpenAPI document: every operation, generated valid and invalid
input (negative cases included), and no answer may be a server error or stray from the document."""

from datetime import timedelta

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from django.test import override_settings
from django.utils import timezone
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from soars.api.models import ApiToken

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


# Read from the running application, as a client would (the document's view touches no database).
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture
def keep_connection():
    """Calls go through the WSGI handler, which closes the database connection after each request;
    inside a test's transaction that would close the test's own (Django's test client does the same)."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def hr_token(personas, keep_connection):
    """A read-write token of HR staff of agency A, with a posting, an interest and a shared resume to find."""
    from soars.opportunities.factories import InterestFactory, OpenOpportunityFactory
    from soars.resumes.factories import SharedResumeFactory

    posting = OpenOpportunityFactory(agency=personas.agency_a)
    InterestFactory(opportunity=posting, executive=personas.executive)
    SharedResumeFactory(executive=personas.executive)
    _, secret = ApiToken.issue(
        personas.hr_a, name="fuzz", can_write=True, expires_on=timezone.localdate() + timedelta(days=5)
    )
    return f"Bearer {secret}"


FUZZ = settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))


@schema.parametrize()
@FUZZ
@override_settings(API_RATE_LIMIT_PER_MINUTE=100_000)
def test_no_operation_fails_or_strays_from_its_schema(db, case, hr_token):
    """As agency systems call it: with HR staff's read-write token (executives' operations answer 403)."""
    response = case.call_and_validate(headers={"Authorization": hr_token}, checks=CHECKS)
    assert response.status_code != 401, response.text  # the token is used, not a generated one


@pytest.fixture
def executive_session(personas, keep_connection):
    """The cookies and CSRF header of an executive's browser session."""
    from django.middleware.csrf import _get_new_csrf_string
    from django.test import Client

    from soars.core.testing import login

    client = login(Client(), personas.executive)
    csrf = _get_new_csrf_string()
    cookies = {name: morsel.value for name, morsel in client.cookies.items()} | {"csrftoken": csrf}
    return cookies, {"X-CSRFToken": csrf}


@schema.include(path_regex="^/api/v1/me/").parametrize()
@FUZZ
@override_settings(API_RATE_LIMIT_PER_MINUTE=100_000)
def test_an_executive_replacing_their_resume_never_breaks_it(db, case, executive_session):
    """Hostile JSON Resumes through PUT /me/resume, in a signed-in session with its CSRF token."""
    cookies, headers = executive_session
    case.cookies = (case.cookies or {}) | cookies
    # Schemathesis also fills in the bearer scheme; a caller who sends a token is judged by it alone.
    case.headers = {name: value for name, value in (case.headers or {}).items() if name.lower() != "authorization"}
    response = case.call_and_validate(headers=headers, checks=CHECKS)
    assert response.status_code not in (401, 403), response.text  # the session and CSRF token hold

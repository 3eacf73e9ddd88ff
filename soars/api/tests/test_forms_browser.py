"""Making and revoking a personal token in Chromium, as HR staff do it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from soars.api.models import ApiToken
from soars.core.testing import make_personas
from tests.forms_browser import fill, read, tick, ticked

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_token_is_made_shown_once_and_revoked(open_page, live_server, reference_data):
    personas = make_personas()
    page = open_page(personas.hr_a)
    page.goto(live_server.url + "/api/tokens/")
    too_late = timezone.localdate() + timedelta(days=400)
    fill(page, {"Name": "Applicant tracker", "Expires on": f"{too_late}"})
    tick(page, "What it may do", "Read and write: also create and change")
    page.get_by_role("button", name="Make the token").click()
    assert "at most a year" in page.content()
    assert read(page, ["Name"]) == {"Name": "Applicant tracker"}  # what was typed stays
    assert ticked(page, "What it may do") == ["Read and write: also create and change"]
    assert not ApiToken.objects.exists()

    fill(page, {"Expires on": f"{timezone.localdate() + timedelta(days=60)}"})
    page.get_by_role("button", name="Make the token").click()
    secret = page.get_by_label("Your new token").input_value()
    token = ApiToken.objects.get()
    assert secret.startswith(f"soars_{token.public_id}_")
    assert (token.name, token.can_write) == ("Applicant tracker", True)
    row = page.get_by_role("row", name="Applicant tracker")
    assert "Read and write" in row.inner_text() and "Never" in row.inner_text()

    page.goto(live_server.url + "/api/tokens/")
    assert secret not in page.content()
    page.get_by_role("button", name="Revoke Applicant tracker").click()
    assert "no longer works" in page.content()
    token.refresh_from_db()
    assert token.revoked_at is not None

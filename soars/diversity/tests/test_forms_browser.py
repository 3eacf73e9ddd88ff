"""Answering the voluntary questions in Chromium: several races ticked, saved, read back, removed."""

import pytest

from soars.core.testing import make_personas
from soars.diversity.models import SelfIdentification
from tests.forms_browser import tick, ticked

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_executive_answers_reads_back_and_removes(open_page, live_server, reference_data):
    personas = make_personas()
    page = open_page(personas.executive)
    page.goto(live_server.url + "/executive/self-identification/")
    tick(page, "Ethnicity", "Not Hispanic or Latino")
    tick(page, "Race (choose one or more)", "Asian", "Black or African American")
    tick(page, "Sex", "I choose not to answer")
    tick(page, "Veteran status", "I served in the U.S. armed forces (a veteran)")
    page.get_by_role("button", name="Save my answers").click()
    assert "Your answers are saved" in page.locator(".soars-messages").inner_text()

    page.reload()
    assert ticked(page, "Ethnicity") == ["Not Hispanic or Latino"]
    assert ticked(page, "Race (choose one or more)") == ["Asian", "Black or African American"]
    assert ticked(page, "Sex") == ["I choose not to answer"]
    assert ticked(page, "Disability") == []
    assert ticked(page, "Veteran status") == ["I served in the U.S. armed forces (a veteran)"]

    page.get_by_role("link", name="Remove all my answers").click()
    page.get_by_role("button", name="Remove my answers").click()
    assert ticked(page, "Race (choose one or more)") == []
    assert not SelfIdentification.objects.exists()

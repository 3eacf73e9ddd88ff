"""An ECQ narrative pasted in Chromium as an executive pastes it: chosen, saved, reopened and read back."""

import pytest

from soars.core.models import EcqFramework
from soars.core.testing import make_personas
from soars.resumes.factories import ResumeFactory
from soars.resumes.models import EcqStatement
from tests.forms_browser import error_summary_state, fill, read, tick, ticked

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHOICE = "How you write this statement"
NARRATIVE = (
    "The agency's claims backlog had passed two years.\n\n"
    "I rebuilt intake around one queue and trained every examiner.\n\n"
    "Waiting times fell by half within a year."
)


def test_a_pasted_narrative_is_saved_and_read_back(open_page, live_server, reference_data):
    personas = make_personas()
    framework = EcqFramework.objects.get(code="2025")
    ecq = framework.ecqs.first()
    ResumeFactory(executive=personas.executive, ecq_framework=framework)
    page = open_page(personas.executive)
    page.goto(live_server.url + "/executive/resume/")
    page.get_by_role("link", name=f"Write the {ecq.name} statement").click()

    tick(page, CHOICE, "Paste my narrative")
    fill(page, {"Your narrative": NARRATIVE})
    page.get_by_role("button", name="Save statement").click()
    assert f"Saved your {ecq.name} statement." in page.locator(".soars-messages").inner_text()
    assert "Written as a narrative" in page.get_by_role("row", name=ecq.name).inner_text()

    page.get_by_role("link", name=f"Edit the {ecq.name} statement").click()
    assert ticked(page, CHOICE) == ["Paste my narrative"]
    assert read(page, ["Your narrative"]) == {"Your narrative": NARRATIVE}
    statement = EcqStatement.objects.get(resume__executive=personas.executive, ecq=ecq)
    assert statement.narrative.replace("\r\n", "\n") == NARRATIVE and len(statement.paragraphs) == 3

    page.goto(live_server.url + "/executive/resume/preview/")
    assert "Waiting times fell by half within a year." in page.locator("main").inner_text()


def test_choosing_ccar_with_only_a_narrative_keeps_what_was_typed(open_page, live_server, reference_data):
    personas = make_personas()
    framework = EcqFramework.objects.get(code="2025")
    ecq = framework.ecqs.first()
    ResumeFactory(executive=personas.executive, ecq_framework=framework)
    page = open_page(personas.executive)
    page.goto(live_server.url + f"/executive/resume/ecqs/{ecq.pk}/")

    tick(page, CHOICE, "Write challenge, context, action and result")
    fill(page, {"Your narrative": NARRATIVE, "Challenge": "A backlog."})
    page.get_by_role("button", name="Save statement").click()
    state = error_summary_state(page)
    assert state["links"] == 3 and state["broken"] == []
    assert ticked(page, CHOICE) == ["Write challenge, context, action and result"]
    assert read(page, ["Your narrative", "Challenge"]) == {"Your narrative": NARRATIVE, "Challenge": "A backlog."}
    assert not EcqStatement.objects.filter(ecq=ecq).exists()

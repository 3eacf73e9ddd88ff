"""In a real Chromium: adding to a shortlist says so once, where the page opens."""

import pytest

from soars.core.testing import make_personas
from soars.opportunities.factories import OpenOpportunityFactory
from soars.resumes.factories import complete_resume
from tests.browser import signed_in_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ADDED = "Alice Executive is on the shortlist for"


def test_adding_from_best_matches_shows_the_outcome_once_beside_the_candidate(browser, live_server, reference_data):
    personas = make_personas()
    resume = complete_resume(personas.executive)
    opportunity = OpenOpportunityFactory(title="Chief Information Officer", skills="cloud migration")
    page = signed_in_context(browser, live_server.url, personas.hr_a).new_page()
    page.goto(f"{live_server.url}/hr/opportunities/{opportunity.pk}/matches/")
    page.locator(f"#match-{resume.pk}").get_by_role("button", name="Add to shortlist").click()
    page.wait_for_url(f"**/matches/#match-{resume.pk}")
    shown = page.get_by_text(ADDED)
    assert shown.count() == 1
    assert page.locator(f"#match-{resume.pk}").get_by_role("status").inner_text().startswith(ADDED)
    assert page.locator(".soars-messages").count() == 0


def test_adding_from_the_resume_page_shows_the_outcome_once_in_its_panel(browser, live_server, reference_data):
    personas = make_personas()
    resume = complete_resume(personas.executive)
    opportunity = OpenOpportunityFactory(title="Chief Information Officer")
    page = signed_in_context(browser, live_server.url, personas.hr_a).new_page()
    page.goto(f"{live_server.url}/hr/resumes/{resume.pk}/")
    panel = page.locator("#shortlist")
    panel.get_by_label("Opportunity").select_option(str(opportunity.pk))
    panel.get_by_role("button", name="Add to shortlist").click()
    page.wait_for_url(f"**/hr/resumes/{resume.pk}/#shortlist")
    assert page.get_by_text(ADDED).count() == 1
    assert panel.get_by_role("status").inner_text().startswith(ADDED)

"""In a real Chromium: filtering the best matches without JavaScript's help, and opening "Why this score"."""

import pytest

from soars.core.models import ClearanceLevel
from soars.core.testing import make_personas
from soars.opportunities.factories import OpenOpportunityFactory
from soars.resumes.factories import SharedResumeFactory, complete_resume
from tests.browser import signed_in_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_choosing_near_misses_lists_them_and_why_this_score_opens_the_reasons(browser, live_server, reference_data):
    personas = make_personas()
    top_secret = ClearanceLevel.objects.get(code="top_secret")
    meets = SharedResumeFactory(headline="Forester", clearance=top_secret)
    near = complete_resume(personas.executive)  # holds Secret
    opportunity = OpenOpportunityFactory(
        title="Chief Information Officer", skills="cloud migration", clearance=top_secret
    )
    page = signed_in_context(browser, live_server.url, personas.hr_a).new_page()
    page.goto(f"{live_server.url}/hr/opportunities/{opportunity.pk}/matches/")
    page.locator("label[for=show-near]").click()  # USWDS hides the input itself
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**/matches/?show=near*")
    assert page.locator(f"#match-{meets.pk}").count() == 0
    row = page.locator(f"#match-{near.pk}")
    assert row.is_visible()
    reasons = row.get_by_text("Holds Secret clearance; the position requires Top Secret")
    assert not reasons.is_visible()
    row.get_by_text("Why this score").click()
    assert reasons.is_visible()
    assert "Needs Top Secret; holds Secret" in row.inner_text()

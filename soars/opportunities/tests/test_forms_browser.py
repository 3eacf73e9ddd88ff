"""Opportunity forms filled in Chromium as HR staff and executives fill them, saved and read back."""

from datetime import timedelta

import pytest
from django.utils import timezone

from soars.core.testing import make_personas
from soars.opportunities.models import Interest, Opportunity, ShortlistEntry
from tests.forms_browser import fill, read, tick, ticked

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ECQS = ["Driving Efficiency (2025 ECQs)", "Leading People (2025 ECQs)", "Achieving Results (2025 ECQs)"]
COMPETENCIES = ["Fiscal Responsibility (2025)", "Leveraging Technology (2025)", "Strategic Thinking (2025)"]
WHO = ["Career SES member", "SES reinstatement eligible", "QRB-certified CDP graduate"]


def posting() -> dict[str, str]:
    return {
        "Title": "Chief Financial Officer",
        "Opportunity type": "Permanent career vacancy",
        "Description": "Lead the department's finances.",
        "Locations": "Washington, DC",
        "Closes on": (timezone.localdate() + timedelta(days=20)).isoformat(),
        "Contact name": "Bob HR",
        "Contact email": "bob.hr@usda.gov",
    }


def test_hr_ticks_several_ecqs_competencies_and_eligibilities_and_every_one_stays(
    open_page, live_server, reference_data
):
    personas = make_personas()
    page = open_page(personas.hr_a)
    page.goto(live_server.url + "/hr/opportunities/new/")
    fill(page, posting())
    tick(page, "Position type", "General (open to any eligible executive)")
    tick(page, "Work arrangement", "Hybrid")
    tick(page, "Visibility", "All executives")
    tick(page, "ECQs emphasised", *ECQS)
    tick(page, "Competencies emphasised", *COMPETENCIES)
    tick(page, "Who may express interest", *WHO)
    page.locator("label[for=id_veteran_outreach]").click()  # USWDS draws the box on the label
    page.get_by_role("button", name="Save draft and preview").click()
    assert "is saved" in page.locator(".soars-messages").inner_text()

    opportunity = Opportunity.objects.get()
    page.goto(f"{live_server.url}/hr/opportunities/{opportunity.pk}/edit/")
    assert read(page, posting()) == posting()
    assert ticked(page, "ECQs emphasised") == ECQS
    assert ticked(page, "Competencies emphasised") == COMPETENCIES
    assert ticked(page, "Who may express interest") == WHO
    assert ticked(page, "Work arrangement") == ["Hybrid"]
    assert page.get_by_label("Mark for veteran outreach").is_checked()

    # "Leave all unticked" (anyone eligible may express interest) must stay possible.
    tick(page, "Who may express interest", *WHO)
    page.get_by_role("button", name="Publish").click()
    assert "is published" in page.locator(".soars-messages").inner_text()
    opportunity.refresh_from_db()
    assert opportunity.status == "open" and not opportunity.eligibility.exists()
    assert opportunity.ecqs.count() == 3 and opportunity.competencies.count() == 3
    assert opportunity.veteran_outreach


def test_interest_with_a_note_a_pipeline_move_a_private_note_and_a_shortlist_entry_are_kept(
    open_page, live_server, reference_data
):
    from soars.opportunities.factories import OpenOpportunityFactory
    from soars.resumes.factories import complete_resume

    personas = make_personas()
    resume = complete_resume(personas.executive)
    opportunity = OpenOpportunityFactory(title="Chief Data Officer", created_by=personas.hr_a)
    url = live_server.url

    executive = open_page(personas.executive)
    executive.goto(f"{url}/opportunities/{opportunity.pk}/")
    fill(executive, {"Note to the hiring agency (optional)": "I ran the data office at Commerce."})
    executive.get_by_role("button", name="Express interest").click()
    assert "Your interest is sent" in executive.content()

    hr = open_page(personas.hr_a)
    hr.goto(f"{url}/hr/opportunities/{opportunity.pk}/candidates/")
    assert "“I ran the data office at Commerce.”" in hr.locator("main").inner_text()
    hr.get_by_label("Move Alice Executive to").select_option(label="Under review")
    hr.get_by_role("button", name="Move").click()
    assert "Status: Under review" in hr.locator("main").inner_text()
    fill(hr, {"Add a private note about Alice Executive": "Strong on data governance."})
    hr.get_by_role("button", name="Add note").click()
    assert "Strong on data governance." in hr.locator(f"#candidate-{Interest.objects.get().pk}").inner_text()
    executive.goto(f"{url}/executive/interests/")
    assert executive.locator(".soars-status").first.inner_text() == "Under review"

    hr.goto(f"{url}/hr/resumes/{resume.pk}/")
    fill(hr, {"Opportunity": "Chief Data Officer (open)", "Private note (optional)": "Ask about the data strategy."})
    hr.get_by_role("button", name="Add to shortlist").click()
    hr.goto(f"{url}/hr/opportunities/{opportunity.pk}/shortlist/")
    assert "Ask about the data strategy." in hr.locator("main").inner_text()
    assert ShortlistEntry.objects.get().note == "Ask about the data strategy."

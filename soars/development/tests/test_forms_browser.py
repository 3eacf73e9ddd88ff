"""The development forms in Chromium, as people fill them: choose, tick, save and read back."""

import re
from datetime import date

import pytest

from soars.accounts.models import User
from soars.core.testing import make_personas
from soars.development.factories import goal
from soars.development.models import AgencyPolicy, Plan, Review
from tests.forms_browser import fill, read, tick, ticked

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _executive_at_a(personas):
    personas.executive.agency = personas.agency_a
    personas.executive.save(update_fields=["agency"])
    return personas.executive


def test_an_executive_plans_an_activity_and_reads_it_back(open_page, live_server, reference_data):
    personas = make_personas()
    executive = _executive_at_a(personas)
    goal(executive, text="Lead an interagency project")
    page = open_page(executive)
    page.goto(live_server.url + "/executive/development/")
    page.get_by_role("link", name="Plan an activity").click()
    fill(page, {"Activity": "Rotation to Homeland Security", "Kind of assignment": "Rotation"})
    fill(page, {"Serves goal": "Lead an interagency project", "Target date": "2027-06-01"})
    tick(page, "Kind of activity", "Developmental assignment")
    tick(page, "Status", "In progress")
    page.get_by_role("button", name="Save").click()
    assert "Saved the activity." in page.locator(".soars-messages").inner_text()

    page.get_by_role("link", name="Edit activity “Rotation to Homeland Security”").click()
    labels = ["Activity", "Kind of assignment", "Serves goal", "Target date"]
    assert read(page, labels) == {
        "Activity": "Rotation to Homeland Security",
        "Kind of assignment": "Rotation",
        "Serves goal": "Lead an interagency project",
        "Target date": "2027-06-01",
    }
    assert ticked(page, "Kind of activity") == ["Developmental assignment"]
    assert ticked(page, "Status") == ["In progress"]


def test_an_executive_shares_the_plan_with_two_agencies(open_page, live_server, reference_data):
    personas = make_personas()
    executive = _executive_at_a(personas)
    page = open_page(executive)
    page.goto(live_server.url + "/executive/development/")
    tick(page, "Also share my plan with", "Department of Commerce", "Department of Defense")
    page.get_by_role("button", name="Save sharing").click()
    assert ticked(page, "Also share my plan with") == ["Department of Commerce", "Department of Defense"]
    assert {a.code for a in Plan.of(executive).shared_with.all()} == {"CM", "DD"}


def test_a_reviewer_records_a_review_approving_two_kinds_of_assignment(open_page, live_server, reference_data):
    personas = make_personas()
    executive = _executive_at_a(personas)
    page = open_page(personas.agency_admin)
    page.goto(live_server.url + f"/hr/development/{executive.pk}/")
    fill(page, {"The Board's comments": "Ready for a rotation.", "Date of the review": "2026-11-30"})
    fill(page, {"Next review by": "2027-11-30", "Approved opportunities in detail": "A rotation to DHS."})
    tick(page, "Developmental opportunities approved", "Detail", "Rotation")
    page.get_by_role("button", name="Sign and record the review").click()
    assert "Recorded and signed the review" in page.locator(".soars-messages").inner_text()
    review = Review.objects.get()
    assert (review.held_on, review.next_review_on) == (date(2026, 11, 30), date(2027, 11, 30))
    assert {t.code for t in review.approved_types.all()} == {"detail", "rotation"}
    assert "Developmental opportunities approved: Detail, Rotation" in page.locator("#reviews").inner_text()


def test_the_administrator_sets_the_policy_and_reads_it_back(open_page, live_server, reference_data):
    personas = make_personas()
    _executive_at_a(personas)
    other = User.objects.create_user("frank@usda.gov", full_name="Frank Second", agency=personas.agency_a)
    page = open_page(personas.agency_admin)
    page.goto(live_server.url + "/hr/development/policy/")
    fill(page, {"A broadening assignment every (years)": "4", "Mobility agreement text": "I will serve."})
    fill(page, {"First-year onboarding checklist": "Meet the ERB\nDraft your EDP"})
    tick(page, "Designated National Security Professionals", "Alice Executive", "Frank Second")
    page.get_by_role("button", name="Save the policy").click()
    assert "development policy" in page.locator(".soars-messages").inner_text()
    assert read(page, ["A broadening assignment every (years)", "Mobility agreement text"]) == {
        "A broadening assignment every (years)": "4",
        "Mobility agreement text": "I will serve.",
    }
    assert ticked(page, "Designated National Security Professionals") == ["Alice Executive", "Frank Second"]
    assert AgencyPolicy.objects.get().broadening_years == 4
    assert Plan.of(other).is_national_security_professional


def test_an_executive_adds_a_goal_and_records_an_assignment(open_page, live_server, reference_data):
    personas = make_personas()
    executive = _executive_at_a(personas)
    page = open_page(executive)
    page.goto(live_server.url + "/executive/development/goals/add/")
    fill(page, {"Development goal": "Lead an interagency project", "ECQ": "Leading People", "Status": "Open"})
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Edit goal “Lead an interagency project”").click()
    assert read(page, ["Development goal", "ECQ", "Competency"]) == {
        "Development goal": "Lead an interagency project",
        "ECQ": "Leading People",
        "Competency": "No particular competency",
    }

    page.goto(live_server.url + "/executive/development/assignments/add/")
    fill(page, {"Kind of assignment": "Detail", "Agency": "Department of Commerce"})
    fill(page, {"Position or project title": "Detail to Commerce", "Start date": "2021-01-04"})
    fill(page, {"End date": "2021-06-30"})
    page.locator("label", has_text="In another agency than my own").click()
    page.get_by_role("button", name="Save").click()
    assert "Saved the assignment." in page.locator(".soars-messages").inner_text()
    page.get_by_role("link", name="Edit assignment “Detail to Commerce”").click()
    assert read(page, ["Kind of assignment", "Agency", "Start date", "End date"]) == {
        "Kind of assignment": "Detail",
        "Agency": "Department of Commerce",
        "Start date": "2021-01-04",
        "End date": "2021-06-30",
    }
    assert page.get_by_label("In another agency than my own").is_checked()


def test_an_executive_acknowledges_the_agreement_and_ticks_a_step(open_page, live_server, reference_data):
    from soars.development.models import MobilityAgreement, OnboardingItem

    personas = make_personas()
    executive = _executive_at_a(personas)
    AgencyPolicy.objects.create(agency=personas.agency_a, mobility_agreement="I will serve where needed.")
    OnboardingItem.objects.create(agency=personas.agency_a, text="Meet the ERB")
    page = open_page(executive)
    page.goto(live_server.url + "/executive/development/")
    page.locator("label", has_text="I have read my agency’s mobility agreement and accept it").click()
    page.get_by_role("button", name="Acknowledge the agreement").click()
    assert "You acknowledged this agreement on" in page.locator("#agreement").inner_text()
    page.get_by_role("button", name=re.compile(r"^Mark done\W+Meet the ERB$")).click()
    assert "1 of 1 steps done (100%)" in page.locator("#onboarding").inner_text()
    assert MobilityAgreement.objects.filter(executive=executive).count() == 1


def test_the_administrator_grants_the_permission_and_nominates_a_gs15(open_page, live_server, reference_data):
    from soars.development.models import ErbReviewer, PilotParticipant

    personas = make_personas()
    page = open_page(personas.agency_admin)
    page.goto(live_server.url + "/hr/development/reviewers/")
    fill(page, {"HR staff member": "Bob HR (bob.hr@usda.gov)"})
    page.get_by_role("button", name="Make reviewer").click()
    assert "Bob HR" in page.locator("tbody").inner_text()
    assert ErbReviewer.objects.get().user == personas.hr_a

    page.goto(live_server.url + "/hr/development/pilot/")
    fill(page, {"Full name": "Gina Fifteen", "Work email": "gina.gs15@usda.gov"})
    page.get_by_role("button", name="Nominate").click()
    assert "Gina Fifteen (gina.gs15@usda.gov)" in page.locator("tbody").inner_text()
    assert PilotParticipant.objects.get().user.email == "gina.gs15@usda.gov"

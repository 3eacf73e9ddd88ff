"""The development forms in Chromium, as people fill them: choose, tick, save and read back."""

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

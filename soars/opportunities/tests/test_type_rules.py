"""Rules by opportunity type and date, on the model and through HR's form."""

from datetime import timedelta

import pytest
from django.utils import timezone

from soars.core.models import EligibilityCategory
from soars.opportunities.factories import OpportunityFactory, opportunity_type
from soars.opportunities.forms import OpportunityForm
from soars.opportunities.models import TransitionError

pytestmark = pytest.mark.django_db


def problems(type_code, days, extended=False):
    opportunity = OpportunityFactory.build(type=opportunity_type(type_code), duration_days=days, extended=extended)
    return opportunity.rule_problems()


@pytest.mark.parametrize(
    ("type_code", "days"),
    [("limited_emergency", 548), ("limited_term", 1095), ("rotation", 120), ("ipa", 730), ("permanent", None)],
)
def test_a_duration_at_the_limit_is_allowed(type_code, days):
    assert problems(type_code, days) == {}


def test_a_limited_emergency_appointment_lasts_at_most_18_months():
    assert "at most 548 days" in problems("limited_emergency", 549)["duration_days"]


def test_a_limited_term_appointment_lasts_at_most_3_years():
    assert "at most 1,095 days" in problems("limited_term", 1096)["duration_days"]


def test_a_rotation_lasts_at_least_120_days():
    assert "at least 120 days" in problems("rotation", 119)["duration_days"]


def test_an_ipa_assignment_lasts_at_most_2_years():
    assert "at most 730 days" in problems("ipa", 731)["duration_days"]


def test_an_extended_ipa_assignment_may_last_4_years():
    assert problems("ipa", 1461, extended=True) == {}
    assert "at most 1,461 days" in problems("ipa", 1462, extended=True)["duration_days"]


def test_only_an_ipa_assignment_can_be_extended():
    assert "cannot be extended" in problems("rotation", 200, extended=True)["extended"]


def test_a_limited_term_appointment_needs_a_duration():
    assert "needs a duration" in problems("limited_term", None)["duration_days"]


def test_the_closing_date_cannot_be_before_today():
    opportunity = OpportunityFactory.build(closes_on=timezone.localdate() - timedelta(days=1))
    assert "before today" in opportunity.rule_problems()["closes_on"]


def test_a_career_reserved_position_admits_only_career_eligible_executives():
    opportunity = OpportunityFactory.build(position_type="career_reserved")
    noncareer = EligibilityCategory.objects.get(code="noncareer")
    career = EligibilityCategory.objects.get(code="career_ses")
    assert "Noncareer SES appointee" in opportunity.eligibility_problem([career, noncareer])
    assert opportunity.eligibility_problem([career]) is None


def test_publishing_refuses_a_posting_that_breaks_its_type_rules(personas):
    opportunity = OpportunityFactory(type=opportunity_type("rotation"), duration_days=30)
    with pytest.raises(TransitionError, match="at least 120 days"):
        opportunity.publish(personas.hr_a)
    opportunity.refresh_from_db()
    assert opportunity.status == "draft"


def form_data(**overrides):
    data = {
        "title": "Chief Information Officer",
        "type": opportunity_type("rotation").pk,
        "position_type": "general",
        "description": "Lead IT.",
        "remote": "hybrid",
        "duration_days": "180",
        "closes_on": (timezone.localdate() + timedelta(days=20)).isoformat(),
        "visibility": "all",
        "contact_name": "Bob HR",
        "contact_email": "bob.hr@usda.gov",
    }
    data.update(overrides)
    return data


def test_the_form_shows_the_rule_on_the_duration_field(personas):
    form = OpportunityForm(form_data(duration_days="90"), agency=personas.agency_a)
    assert not form.is_valid()
    assert "at least 120 days" in form.errors["duration_days"][0]


def test_the_form_refuses_a_closing_date_in_the_past(personas):
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    form = OpportunityForm(form_data(closes_on=yesterday), agency=personas.agency_a)
    assert not form.is_valid()
    assert "before today" in form.errors["closes_on"][0]


def test_the_form_refuses_noncareer_eligibility_for_a_career_reserved_position(personas):
    noncareer = EligibilityCategory.objects.get(code="noncareer")
    form = OpportunityForm(
        form_data(position_type="career_reserved", eligibility=[noncareer.pk]), agency=personas.agency_a
    )
    assert not form.is_valid()
    assert "career-reserved" in form.errors["eligibility"][0]


def test_the_form_offers_only_the_agencys_own_sub_elements(personas):
    from soars.core.models import Agency

    noaa = Agency.objects.get(code="CM54")
    form = OpportunityForm(form_data(sub_element=noaa.pk), agency=personas.agency_a)
    assert not form.is_valid()
    assert "sub_element" in form.errors

"""Eligibility and title come from the executive's resume; the agency from the verified account."""

import pytest

from soars.core.models import Agency, EligibilityCategory
from soars.opportunities import hooks
from soars.opportunities.factories import OpenOpportunityFactory
from soars.opportunities.models import Interest
from soars.opportunities.models.opportunity import TransitionError
from soars.resumes.factories import ResumeFactory

pytestmark = pytest.mark.django_db


def test_an_executive_without_a_resume_is_not_known(personas):
    assert hooks.executive_eligibility(personas.executive) is None
    assert hooks.executive_agency(personas.executive) is None
    assert hooks.candidate_title(personas.executive) == ""


def test_the_resume_answers_eligibility_and_title_but_not_agency(personas):
    career = EligibilityCategory.objects.get(code="career_ses")
    agency = Agency.objects.get(code="AG")
    ResumeFactory(executive=personas.executive, eligibility=career, current_agency=agency, current_title="CIO")
    assert hooks.executive_eligibility(personas.executive) == career
    assert hooks.executive_agency(personas.executive) is None
    assert hooks.candidate_title(personas.executive) == "CIO"


def test_the_agency_is_the_verified_one_on_the_account(personas):
    personas.executive.agency = Agency.objects.get(code="CM")
    ResumeFactory(executive=personas.executive, current_agency=Agency.objects.get(code="AG"))
    assert hooks.executive_agency(personas.executive).code == "CM"


def test_a_career_ses_resume_admits_interest_in_a_career_reserved_posting(personas):
    ResumeFactory(executive=personas.executive, eligibility=EligibilityCategory.objects.get(code="career_ses"))
    opportunity = OpenOpportunityFactory(position_type="career_reserved")
    assert Interest.express(personas.executive, opportunity).status == "interested"


def test_a_noncareer_resume_is_refused_a_career_reserved_posting(personas):
    ResumeFactory(executive=personas.executive, eligibility=EligibilityCategory.objects.get(code="noncareer"))
    opportunity = OpenOpportunityFactory(position_type="career_reserved")
    with pytest.raises(TransitionError, match="career-reserved"):
        Interest.express(personas.executive, opportunity)


def test_an_agency_only_posting_shows_to_executives_of_that_agency_only(client_as, personas):
    for executive, code in ((personas.executive, "AG"), (personas.outsider, "CM")):
        executive.agency = Agency.objects.get(code=code)
        executive.save()
    opportunity = OpenOpportunityFactory(title="Inside job", visibility="agency")
    assert opportunity.agency.top.code == "AG"
    assert client_as(personas.executive).get(f"/opportunities/{opportunity.pk}/").status_code == 200
    assert client_as(personas.outsider).get(f"/opportunities/{opportunity.pk}/").status_code == 404

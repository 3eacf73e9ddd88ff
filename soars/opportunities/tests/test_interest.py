"""An executive's interest and its way through the pipeline (interest.move_to)."""

import pytest

from soars.core.models import EligibilityCategory, OutboundEmail
from soars.opportunities import hooks
from soars.opportunities.factories import InterestFactory, OpenOpportunityFactory, OpportunityFactory
from soars.opportunities.models import Interest, TransitionError

pytestmark = pytest.mark.django_db


@pytest.fixture
def interest(personas):
    return Interest.express(personas.executive, OpenOpportunityFactory(), "Keen to help.")


def test_expressing_interest_records_the_first_step(interest, personas):
    assert interest.status == "interested"
    assert [(e.from_status, e.to_status, e.by) for e in interest.events.all()] == [
        ("", "interested", personas.executive)
    ]


def test_expressing_interest_twice_is_refused(interest, personas):
    with pytest.raises(TransitionError, match="already"):
        Interest.express(personas.executive, interest.opportunity)


def test_interest_in_a_draft_is_refused(personas):
    with pytest.raises(TransitionError, match="no longer open"):
        Interest.express(personas.executive, OpportunityFactory())


def test_hr_moves_a_candidate_along_and_history_records_who_and_when(interest, personas):
    for status in ("reviewing", "referred", "interviewing", "selected"):
        interest.move_to(status, by=personas.hr_a)
    steps = [(e.from_status, e.to_status, e.by) for e in interest.events.all()]
    assert steps[-1] == ("interviewing", "selected", personas.hr_a)
    assert len(steps) == 5
    assert all(e.at for e in interest.events.all())


def test_hr_cannot_skip_straight_to_selected(interest, personas):
    with pytest.raises(TransitionError, match="cannot move"):
        interest.move_to("selected", by=personas.hr_a)
    interest.refresh_from_db()
    assert interest.status == "interested"


def test_hr_cannot_withdraw_a_candidate(interest, personas):
    with pytest.raises(TransitionError):
        interest.move_to("withdrawn", by=personas.hr_a)


def test_hr_of_another_agency_cannot_move_a_candidate(interest, personas):
    with pytest.raises(TransitionError):
        interest.move_to("reviewing", by=personas.hr_b)


def test_another_executive_cannot_move_or_withdraw_an_interest(interest, personas):
    for status in ("withdrawn", "reviewing"):
        with pytest.raises(TransitionError):
            interest.move_to(status, by=personas.outsider)


def test_the_executive_withdraws_and_may_express_interest_again(interest, personas):
    interest.move_to("withdrawn", by=personas.executive)
    again = Interest.express(personas.executive, interest.opportunity, "Changed my mind.")
    assert again.pk == interest.pk and again.status == "interested"
    assert [e.to_status for e in again.events.all()] == ["interested", "withdrawn", "interested"]


def test_the_executive_cannot_withdraw_after_being_selected(interest, personas):
    for status in ("reviewing", "referred", "interviewing", "selected"):
        interest.move_to(status, by=personas.hr_a)
    with pytest.raises(TransitionError):
        interest.move_to("withdrawn", by=personas.executive)


def test_an_unknown_status_is_refused(interest, personas):
    with pytest.raises(TransitionError, match="not a pipeline status"):
        interest.move_to("hired!", by=personas.hr_a)


def emails_to(user):
    return OutboundEmail.objects.filter(template="interest_status_changed", to=[user.email])


def test_the_executive_is_emailed_when_referred(interest, personas):
    interest.move_to("reviewing", by=personas.hr_a)
    assert not emails_to(personas.executive).exists()
    interest.move_to("referred", by=personas.hr_a)
    email = emails_to(personas.executive).get()
    assert "Referred" in email.subject
    assert interest.opportunity.title in email.text_body


def test_the_executive_is_not_emailed_about_their_own_withdrawal(interest, personas):
    interest.move_to("withdrawn", by=personas.executive)
    assert not emails_to(personas.executive).exists()


def test_career_reserved_refuses_an_executive_whose_eligibility_is_unknown(personas):
    opportunity = OpenOpportunityFactory(position_type="career_reserved")
    with pytest.raises(TransitionError, match="eligibility"):
        Interest.express(personas.executive, opportunity)


def test_career_reserved_refuses_a_noncareer_executive(personas, monkeypatch):
    noncareer = EligibilityCategory.objects.get(code="noncareer")
    monkeypatch.setattr(hooks, "executive_eligibility", lambda user: noncareer)
    opportunity = OpenOpportunityFactory(position_type="career_reserved")
    with pytest.raises(TransitionError, match="career-reserved"):
        Interest.express(personas.executive, opportunity)


def test_career_reserved_admits_a_career_ses_member(personas, monkeypatch):
    career = EligibilityCategory.objects.get(code="career_ses")
    monkeypatch.setattr(hooks, "executive_eligibility", lambda user: career)
    opportunity = OpenOpportunityFactory(position_type="career_reserved")
    assert Interest.express(personas.executive, opportunity).status == "interested"


def test_eligibility_categories_chosen_by_hr_are_enforced(personas, monkeypatch):
    reinstatement = EligibilityCategory.objects.get(code="reinstatement")
    monkeypatch.setattr(hooks, "executive_eligibility", lambda user: reinstatement)
    opportunity = OpenOpportunityFactory()
    opportunity.eligibility.set(EligibilityCategory.objects.filter(code="cdp_graduate"))
    with pytest.raises(TransitionError, match="not among"):
        Interest.express(personas.executive, opportunity)


def test_hr_cannot_express_interest(personas):
    with pytest.raises(TransitionError, match="Only executives"):
        Interest.express(personas.hr_a, OpenOpportunityFactory())


def test_the_interest_factory_makes_an_interested_candidate():
    assert InterestFactory().status == "interested"

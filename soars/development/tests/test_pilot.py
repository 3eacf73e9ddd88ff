"""The GS-15 rotational pilot: nominated by the agency administrator; developmental interest only."""

import pytest

from soars.accounts.models import User
from soars.audit.models import AuditEvent
from soars.core.models import OpportunityType
from soars.core.models.outbound_email import OutboundEmail
from soars.development.models import PilotParticipant
from soars.opportunities.factories import OpenOpportunityFactory
from soars.opportunities.models import Interest, TransitionError

pytestmark = pytest.mark.django_db
PILOT = "/hr/development/pilot/"


def _nominate(client_as, personas, email="gina.gs15@usda.gov"):
    return client_as(personas.agency_admin).post(PILOT, {"full_name": "Gina Fifteen", "email": email})


def test_the_administrator_nominates_a_gs15(client_as, personas):
    assert _nominate(client_as, personas).status_code == 302
    user = User.objects.get(email="gina.gs15@usda.gov")
    assert (user.role, user.agency, user.has_usable_password()) == ("executive", personas.agency_a, False)
    participant = PilotParticipant.objects.get(user=user)
    assert (participant.agency, participant.nominated_by) == (personas.agency_a, personas.agency_admin)
    assert OutboundEmail.objects.filter(template="pilot_nominated", to=[user.email]).count() == 1
    assert AuditEvent.objects.filter(action="pilot_nominated", actor=personas.agency_admin).count() == 1
    assert "Gina Fifteen" in client_as(personas.agency_admin).get(PILOT).text


def test_an_existing_account_cannot_be_nominated(client_as, personas):
    response = _nominate(client_as, personas, email="ALICE.executive@agency.gov")
    assert response.status_code == 400
    assert "already exists" in response.text
    assert not PilotParticipant.objects.exists()


def test_a_malformed_email_is_refused(client_as, personas):
    response = _nominate(client_as, personas, email="not an address")
    assert response.status_code == 400
    assert 'value="Gina Fifteen"' in response.text


def test_only_agency_administrators_nominate(client_as, personas):
    for user in (personas.hr_a, personas.executive, personas.site_admin):
        assert client_as(user).post(PILOT, {"full_name": "X", "email": "x@usda.gov"}).status_code == 403
    assert not User.objects.filter(email="x@usda.gov").exists()


def _participant(personas):
    user = User.objects.create_user("gina.gs15@usda.gov", full_name="Gina Fifteen", agency=personas.agency_a)
    PilotParticipant.objects.create(user=user, agency=personas.agency_a)
    return user


def test_a_participant_may_express_interest_in_a_rotation(personas):
    gina = _participant(personas)
    rotation = OpenOpportunityFactory(type=OpportunityType.objects.get(code="rotation"))
    assert Interest.express(gina, rotation).status == "interested"


def test_a_participant_may_not_express_interest_in_an_executive_vacancy(personas, client_as):
    gina = _participant(personas)
    vacancy = OpenOpportunityFactory(type=OpportunityType.objects.get(code="permanent"))
    with pytest.raises(TransitionError, match="GS-15 rotational pilot"):
        Interest.express(gina, vacancy)
    client_as(gina).post(f"/opportunities/{vacancy.pk}/interest/", {"note": ""})
    assert not Interest.objects.exists()


def test_executives_are_not_limited(personas):
    vacancy = OpenOpportunityFactory(type=OpportunityType.objects.get(code="limited_term"))
    assert Interest.express(personas.executive, vacancy)


def test_the_participant_keeps_a_plan_and_the_erb_sees_them(client_as, personas):
    gina = _participant(personas)
    page = client_as(gina).get("/executive/development/")
    assert "GS-15 rotational pilot" in page.text
    assert "GS-15 pilot" in client_as(personas.agency_admin).get("/hr/development/").text

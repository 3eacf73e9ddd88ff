"""Object scoping from the outsider's side: other agencies' HR, other executives, agency-only postings."""

import pytest

from soars.core.models import Agency
from soars.opportunities import hooks
from soars.opportunities.factories import InterestFactory, OpenOpportunityFactory, OpportunityFactory
from soars.opportunities.models import Opportunity

pytestmark = pytest.mark.django_db


@pytest.fixture
def posting(personas):
    """An open posting of agency A with one candidate."""
    opportunity = OpenOpportunityFactory(title="Agency A posting", created_by=personas.hr_a)
    InterestFactory(opportunity=opportunity, executive=personas.executive)
    return opportunity


HR_PAGES = ["", "edit/", "fill/", "candidates/"]


@pytest.mark.parametrize("tail", HR_PAGES)
def test_hr_of_another_agency_gets_404_on_every_hr_page(client_as, personas, posting, tail):
    assert client_as(personas.hr_b).get(f"/hr/opportunities/{posting.pk}/{tail}").status_code == 404


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_hr_of_another_agency_cannot_export_the_candidates(client_as, personas, posting, fmt):
    assert client_as(personas.hr_b).get(f"/hr/opportunities/{posting.pk}/candidates.{fmt}").status_code == 404


@pytest.mark.parametrize("action", ["publish", "close", "cancel", "duplicate"])
def test_hr_of_another_agency_cannot_change_the_status(client_as, personas, posting, action):
    assert client_as(personas.hr_b).post(f"/hr/opportunities/{posting.pk}/{action}/").status_code == 404
    posting.refresh_from_db()
    assert posting.status == "open"
    assert Opportunity.objects.count() == 1


def test_hr_of_another_agency_cannot_edit_by_posting(client_as, personas, posting):
    response = client_as(personas.hr_b).post(f"/hr/opportunities/{posting.pk}/edit/", {"title": "Hijacked"})
    assert response.status_code == 404
    posting.refresh_from_db()
    assert posting.title == "Agency A posting"


def test_hr_of_another_agency_cannot_move_or_note_a_candidate(client_as, personas, posting):
    interest = posting.interests.get()
    client = client_as(personas.hr_b)
    base = f"/hr/opportunities/{posting.pk}/candidates/{interest.pk}"
    assert client.post(f"{base}/move/", {"status": "reviewing"}).status_code == 404
    assert client.post(f"{base}/notes/", {"text": "spy"}).status_code == 404
    interest.refresh_from_db()
    assert interest.status == "interested" and not interest.notes.exists()


def test_hr_of_another_agency_cannot_mark_it_filled(client_as, personas, posting):
    assert client_as(personas.hr_b).post(f"/hr/opportunities/{posting.pk}/fill/", {}).status_code == 404
    posting.refresh_from_db()
    assert posting.status == "open"


def test_the_agency_admin_of_the_same_agency_sees_the_pipeline(client_as, personas, posting):
    assert client_as(personas.agency_admin).get(f"/hr/opportunities/{posting.pk}/candidates/").status_code == 200


def test_hr_of_a_sub_element_posting_is_in_scope(client_as, personas):
    opportunity = OpenOpportunityFactory(agency=Agency.objects.get(code="AG11"))
    assert client_as(personas.hr_a).get(f"/hr/opportunities/{opportunity.pk}/candidates/").status_code == 200


def test_hr_of_a_sub_element_manages_postings_for_it_but_not_the_rest_of_the_department(client_as, personas):
    from soars.accounts.factories import HrFactory

    forest_hr = HrFactory(agency=Agency.objects.get(code="AG11"))
    forest = OpenOpportunityFactory(sub_element=Agency.objects.get(code="AG11"))
    department = OpenOpportunityFactory()
    client = client_as(forest_hr)
    assert client.get(f"/hr/opportunities/{forest.pk}/candidates/").status_code == 200
    assert client.get(f"/hr/opportunities/{department.pk}/candidates/").status_code == 404


def test_an_agency_only_posting_is_hidden_from_executives_of_other_agencies(client_as, personas):
    opportunity = OpenOpportunityFactory(title="Inside job", visibility="agency")
    client = client_as(personas.executive)
    assert "Inside job" not in client.get("/opportunities/").content.decode()
    assert client.get(f"/opportunities/{opportunity.pk}/").status_code == 404
    assert client.post(f"/opportunities/{opportunity.pk}/interest/", {"note": ""}).status_code == 404
    assert not opportunity.interests.exists()


def test_an_agency_only_posting_is_hidden_from_hr_of_other_agencies(client_as, personas):
    opportunity = OpenOpportunityFactory(title="Inside job", visibility="agency")
    client = client_as(personas.hr_b)
    assert "Inside job" not in client.get("/opportunities/").content.decode()
    assert client.get(f"/opportunities/{opportunity.pk}/").status_code == 404


def test_an_agency_only_posting_is_shown_to_executives_of_that_agency(client_as, personas, monkeypatch):
    monkeypatch.setattr(hooks, "executive_agency", lambda user: Agency.objects.get(code="AG11"))
    opportunity = OpenOpportunityFactory(title="Inside job", visibility="agency")
    assert client_as(personas.executive).get(f"/opportunities/{opportunity.pk}/").status_code == 200


def test_a_draft_is_invisible_to_executives(client_as, personas):
    draft = OpportunityFactory(title="Not ready")
    client = client_as(personas.executive)
    assert client.get(f"/opportunities/{draft.pk}/").status_code == 404
    assert "Not ready" not in client.get("/opportunities/").content.decode()


def test_an_executive_still_sees_a_filled_posting_they_were_interested_in(client_as, personas, posting):
    posting.mark_filled(personas.hr_a)
    client = client_as(personas.executive)
    assert client.get(f"/opportunities/{posting.pk}/").status_code == 200
    assert client_as(personas.outsider).get(f"/opportunities/{posting.pk}/").status_code == 404


def test_an_executive_sees_only_their_own_interests(client_as, personas, posting):
    html = client_as(personas.outsider).get("/executive/interests/").content.decode()
    assert "Agency A posting" not in html


def test_an_executive_cannot_withdraw_someone_elses_interest(client_as, personas, posting):
    assert client_as(personas.outsider).post(f"/opportunities/{posting.pk}/withdraw/").status_code == 404
    assert posting.interests.get().status == "interested"


def test_an_executive_cannot_reach_hr_pages(client_as, personas, posting):
    assert client_as(personas.executive).get(f"/hr/opportunities/{posting.pk}/candidates/").status_code == 403

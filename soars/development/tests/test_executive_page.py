from datetime import date

import pytest

from soars.core.models import Agency, Ecq, OpportunityType
from soars.development.factories import assignment, current_ecq, goal
from soars.development.models import Activity, Assignment, Goal, Plan

pytestmark = pytest.mark.django_db
HOME = "/executive/development/"


def test_the_page_exists_for_an_executive(client_as, executive):
    response = client_as(executive).get(HOME)
    assert response.status_code == 200
    assert "Your development and mobility" in response.text
    assert "No broadening assignment is on record yet" in response.text
    assert "no-store" in response["Cache-Control"]


def test_it_shows_the_broadening_sentence(client_as, executive):
    assignment(executive, start=date(2020, 9, 1), end=date(2021, 3, 15))
    response = client_as(executive).get(HOME)
    assert "Last broadening assignment ended March 2021; your agency asks for one every 5 years" in response.text


def test_an_executive_adds_a_goal_tied_to_an_ecq_and_competency(client_as, executive):
    ecq = current_ecq("LP")
    competency = ecq.competencies.first()
    data = {"text": "  Lead an   interagency project ", "ecq": ecq.pk, "competency": competency.pk, "status": "open"}
    response = client_as(executive).post(f"{HOME}goals/add/", data)
    assert response.status_code == 302
    saved = Goal.objects.get(plan__executive=executive)
    assert (saved.text, saved.ecq, saved.competency) == ("Lead an interagency project", ecq, competency)


def test_a_goal_needs_an_ecq_or_competency_and_keeps_what_was_typed(client_as, executive):
    response = client_as(executive).post(f"{HOME}goals/add/", {"text": "Learn budgeting", "status": "open"})
    assert response.status_code == 400
    assert "Tie the goal to an ECQ, a competency, or both." in response.text
    assert 'value="Learn budgeting"' in response.text
    assert not Goal.objects.exists()


def test_a_goal_cannot_use_the_retired_framework(client_as, executive):
    old = Ecq.objects.get(framework__is_current=False, code="LC")
    response = client_as(executive).post(f"{HOME}goals/add/", {"text": "Lead change", "ecq": old.pk, "status": "open"})
    assert response.status_code == 400
    assert not Goal.objects.exists()


def test_a_competency_under_another_ecq_is_refused(client_as, executive):
    data = {
        "text": "Lead people",
        "ecq": current_ecq("LP").pk,
        "competency": current_ecq("AR").competencies.first().pk,
        "status": "open",
    }
    response = client_as(executive).post(f"{HOME}goals/add/", data)
    assert response.status_code == 400
    assert "belongs to another ECQ" in response.text


def test_an_activity_links_to_matching_open_opportunities(client_as, executive):
    made = goal(executive)
    rotation = OpportunityType.objects.get(code="rotation")
    data = {
        "title": "Rotation to another department",
        "kind": "assignment",
        "opportunity_type": rotation.pk,
        "goal": made.pk,
        "target_date": "2027-06-01",
        "status": "planned",
    }
    assert client_as(executive).post(f"{HOME}activities/add/", data).status_code == 302
    response = client_as(executive).get(HOME)
    assert f"/opportunities/?type=rotation&amp;ecq={made.ecq_id}" in response.text
    assert "0 open rotation opportunities" in response.text


def test_an_assignment_activity_needs_its_kind(client_as, executive):
    data = {"title": "Something", "kind": "assignment", "target_date": "2027-06-01", "status": "planned"}
    response = client_as(executive).post(f"{HOME}activities/add/", data)
    assert response.status_code == 400
    assert "Choose the kind of assignment." in response.text
    assert not Activity.objects.exists()


def test_an_activity_cannot_serve_another_executives_goal(client_as, executive, personas):
    theirs = goal(personas.outsider)
    data = {
        "title": "FEI course",
        "kind": "training",
        "goal": theirs.pk,
        "target_date": "2027-06-01",
        "status": "planned",
    }
    response = client_as(executive).post(f"{HOME}activities/add/", data)
    assert response.status_code == 400
    assert not Activity.objects.exists()


def _assignment_data(**changes):
    data = {
        "type": OpportunityType.objects.get(code="detail").pk,
        "agency": Agency.objects.get(code="CM").pk,
        "title": "Detail to Commerce",
        "start_date": "2021-01-04",
        "end_date": "2021-06-30",
        "is_interagency": "on",
    }
    return data | changes


def test_an_executive_records_an_assignment_which_awaits_confirmation(client_as, executive, personas):
    forged = _assignment_data(executive=personas.outsider.pk, confirmed_at="2020-01-01", source="selection")
    assert client_as(executive).post(f"{HOME}assignments/add/", forged).status_code == 302
    saved = Assignment.objects.get()
    assert saved.executive == executive
    assert not saved.is_confirmed and saved.source == "entered"
    assert "Awaiting your agency" in client_as(executive).get(HOME).text


def test_an_assignment_ending_before_it_starts_is_refused(client_as, executive):
    response = client_as(executive).post(f"{HOME}assignments/add/", _assignment_data(end_date="2020-01-01"))
    assert response.status_code == 400
    assert "The end date must be on or after the start date." in response.text
    assert 'value="Detail to Commerce"' in response.text


def test_a_future_assignment_belongs_in_the_plan(client_as, executive):
    response = client_as(executive).post(
        f"{HOME}assignments/add/", _assignment_data(start_date="2999-01-01", end_date="")
    )
    assert response.status_code == 400
    assert not Assignment.objects.exists()


def test_a_malformed_date_gets_a_message(client_as, executive):
    response = client_as(executive).post(f"{HOME}assignments/add/", _assignment_data(start_date="last spring"))
    assert response.status_code == 400
    assert "Enter a valid date." in response.text


def test_a_confirmed_assignment_cannot_be_changed_or_removed(client_as, executive):
    held = assignment(executive, start=date(2021, 1, 1), end=date(2021, 6, 1))
    client = client_as(executive)
    assert client.post(f"{HOME}assignments/{held.pk}/", _assignment_data(title="Changed")).status_code == 302
    assert client.post(f"{HOME}assignments/{held.pk}/delete/").status_code == 302
    held.refresh_from_db()
    assert held.title == "Detail to a partner agency"


def test_another_executives_entries_are_not_found(client_as, executive, personas):
    their_goal = goal(personas.outsider)
    theirs = assignment(personas.outsider, start=date(2021, 1, 1), end=None, confirmed=False)
    client = client_as(executive)
    assert client.get(f"{HOME}goals/{their_goal.pk}/").status_code == 404
    assert client.post(f"{HOME}goals/{their_goal.pk}/delete/").status_code == 404
    assert client.post(f"{HOME}assignments/{theirs.pk}/delete/").status_code == 404
    assert Goal.objects.filter(pk=their_goal.pk).exists() and Assignment.objects.filter(pk=theirs.pk).exists()


def test_an_unknown_section_is_not_found(client_as, executive):
    assert client_as(executive).get(f"{HOME}sample/add/").status_code == 404


def test_an_executive_removes_their_goal(client_as, executive):
    made = goal(executive)
    assert client_as(executive).post(f"{HOME}goals/{made.pk}/delete/").status_code == 302
    assert not Goal.objects.filter(pk=made.pk).exists()


def test_sharing_with_another_agency_is_saved_and_audited(client_as, executive, personas):
    from soars.audit.models import AuditEvent

    response = client_as(executive).post(f"{HOME}share/", {"shared_with": [personas.agency_b.pk]})
    assert response.status_code == 302
    assert list(Plan.of(executive).shared_with.all()) == [personas.agency_b]
    assert AuditEvent.objects.filter(action="development_shared", data__agencies=["CM"]).exists()


def test_sharing_with_a_nonexistent_agency_is_refused(client_as, executive):
    response = client_as(executive).post(f"{HOME}share/", {"shared_with": ["999999"]})
    assert response.status_code == 400
    assert not Plan.of(executive).shared_with.exists()


def test_hr_and_admins_cannot_open_the_executive_page(client_as, personas):
    for user in (personas.hr_a, personas.site_admin):
        assert client_as(user).get(HOME).status_code == 403


def test_the_pdf_downloads_for_the_owner_without_an_audit_event(client_as, executive):
    from soars.audit.models import AuditEvent

    goal(executive, text="Lead <b>an</b> interagency project")
    response = client_as(executive).get(f"{HOME}plan.pdf")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"].startswith("attachment")
    assert not AuditEvent.objects.filter(action="development_exported").exists()

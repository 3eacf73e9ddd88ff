"""The agency administrator grants the ERB-reviewer permission and sets the development policy."""

import pytest

from soars.accounts.factories import HrFactory
from soars.audit.models import AuditEvent
from soars.development.factories import reviewer
from soars.development.models import AgencyPolicy, ErbReviewer, OnboardingDone, OnboardingItem, Plan

pytestmark = pytest.mark.django_db
REVIEWERS = "/hr/development/reviewers/"
POLICY = "/hr/development/policy/"


def test_the_administrator_grants_the_permission_and_it_is_audited(client_as, personas, executive):
    response = client_as(personas.agency_admin).post(REVIEWERS, {"user": personas.hr_a.pk})
    assert response.status_code == 302
    grant = ErbReviewer.objects.get(user=personas.hr_a)
    assert (grant.agency, grant.granted_by) == (personas.agency_a, personas.agency_admin)
    event = AuditEvent.objects.get(action="erb_reviewer_granted")
    assert (event.actor, event.agency, event.data["user"]) == (
        personas.agency_admin,
        personas.agency_a,
        "bob.hr@usda.gov",
    )
    assert client_as(personas.hr_a).get("/hr/development/").status_code == 200


def test_another_agencys_staff_cannot_be_granted(client_as, personas):
    response = client_as(personas.agency_admin).post(REVIEWERS, {"user": personas.hr_b.pk})
    assert response.status_code == 400
    assert not ErbReviewer.objects.exists()


def test_an_executive_cannot_be_granted(client_as, personas):
    assert client_as(personas.agency_admin).post(REVIEWERS, {"user": personas.executive.pk}).status_code == 400
    assert not ErbReviewer.objects.exists()


def test_hr_staff_cannot_grant_themselves(client_as, personas):
    assert client_as(personas.hr_a).post(REVIEWERS, {"user": personas.hr_a.pk}).status_code == 403
    assert not ErbReviewer.objects.exists()


def test_revoking_ends_access_and_is_audited(client_as, personas, executive):
    grant = reviewer(personas.hr_a)
    assert client_as(personas.agency_admin).post(f"{REVIEWERS}{grant.pk}/revoke/").status_code == 302
    assert not ErbReviewer.objects.exists()
    assert AuditEvent.objects.filter(action="erb_reviewer_revoked").count() == 1
    assert client_as(personas.hr_a).get("/hr/development/").status_code == 403


def test_another_agencys_administrator_cannot_revoke(client_as, personas):
    other_admin = HrFactory(agency=personas.agency_b, is_agency_admin=True)
    grant = reviewer(personas.hr_a)
    assert client_as(other_admin).post(f"{REVIEWERS}{grant.pk}/revoke/").status_code == 404
    assert ErbReviewer.objects.filter(pk=grant.pk).exists()


def test_a_grant_for_another_agency_gives_nothing_here(client_as, personas, executive):
    ErbReviewer.objects.create(user=personas.hr_b, agency=personas.agency_a)  # forged or stale
    assert client_as(personas.hr_b).get("/hr/development/").status_code == 403
    assert client_as(personas.hr_b).get(f"/hr/development/{executive.pk}/").status_code == 404


def _policy(**changes):
    return {"broadening_years": "4", "mobility_agreement": "I will serve where needed.", "onboarding": ""} | changes


def test_the_administrator_sets_the_policy(client_as, personas, executive):
    data = _policy(
        onboarding="Meet the ERB\n\n  Attend   FEI orientation \nDraft your EDP", national_security=[executive.pk]
    )
    assert client_as(personas.agency_admin).post(POLICY, data).status_code == 302
    policy = AgencyPolicy.objects.get(agency=personas.agency_a)
    assert (policy.broadening_years, policy.mobility_agreement) == (4, "I will serve where needed.")
    texts = list(OnboardingItem.objects.filter(agency=personas.agency_a).values_list("text", flat=True))
    assert texts == ["Meet the ERB", "Attend FEI orientation", "Draft your EDP"]
    assert Plan.of(executive).is_national_security_professional
    assert AuditEvent.objects.get(action="development_policy_changed").data["broadening_years"] == 4
    page = client_as(executive).get("/executive/development/")
    assert "your agency asks for one every 4 years" in page.text
    assert "I will serve where needed." in page.text


def test_the_interval_must_be_three_to_five_years(client_as, personas):
    for years in ("2", "6", "four", ""):
        response = client_as(personas.agency_admin).post(POLICY, _policy(broadening_years=years))
        assert response.status_code == 400, years
        assert "I will serve where needed." in response.text
    assert not AgencyPolicy.objects.exists()


def test_an_executive_of_another_agency_cannot_be_designated(client_as, personas):
    personas.outsider.agency = personas.agency_b
    personas.outsider.save()
    response = client_as(personas.agency_admin).post(POLICY, _policy(national_security=[personas.outsider.pk]))
    assert response.status_code == 400
    assert not Plan.objects.filter(is_national_security_professional=True).exists()


def test_unchanged_checklist_steps_keep_who_did_them(client_as, personas, executive):
    client = client_as(personas.agency_admin)
    client.post(POLICY, _policy(onboarding="Meet the ERB\nDraft your EDP"))
    item = OnboardingItem.objects.get(text="Meet the ERB")
    OnboardingDone.objects.create(executive=executive, item=item)
    client.post(POLICY, _policy(onboarding="Read the SES handbook\nMeet the ERB"))
    assert OnboardingDone.objects.filter(item=item).exists()
    assert list(OnboardingItem.objects.values_list("text", flat=True)) == ["Read the SES handbook", "Meet the ERB"]


def test_hr_staff_and_executives_cannot_set_the_policy(client_as, personas):
    for user in (personas.hr_a, personas.executive, personas.site_admin):
        assert client_as(user).post(POLICY, _policy()).status_code == 403
    assert not AgencyPolicy.objects.exists()


def test_the_executive_acknowledges_the_agreement_and_ticks_onboarding(client_as, personas, executive):
    from soars.development.models import MobilityAgreement

    AgencyPolicy.objects.create(agency=personas.agency_a, mobility_agreement="I will serve where needed.")
    step = OnboardingItem.objects.create(agency=personas.agency_a, text="Meet the ERB")
    client = client_as(executive)
    assert client.post("/executive/development/agreement/", {}).status_code == 302
    assert not MobilityAgreement.objects.exists()
    client.post("/executive/development/agreement/", {"agree": "yes"})
    client.post("/executive/development/agreement/", {"agree": "yes"})
    agreement = MobilityAgreement.objects.get()
    assert (agreement.text, agreement.agency) == ("I will serve where needed.", personas.agency_a)
    client.post(f"/executive/development/onboarding/{step.pk}/", {"done": "yes"})
    page = client.get("/executive/development/")
    assert "1 of 1 steps done (100%)" in page.text
    assert "You acknowledged this agreement on" in page.text


def test_another_agencys_checklist_step_cannot_be_ticked(client_as, personas, executive):
    theirs = OnboardingItem.objects.create(agency=personas.agency_b, text="Commerce step")
    assert (
        client_as(executive).post(f"/executive/development/onboarding/{theirs.pk}/", {"done": "yes"}).status_code == 404
    )
    assert not OnboardingDone.objects.exists()

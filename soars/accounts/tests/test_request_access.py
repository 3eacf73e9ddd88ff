import pytest
from django.urls import reverse

from soars.accounts.factories import AccessRequestFactory
from soars.accounts.models import AccessRequest
from soars.accounts.tests.helpers import emails
from soars.core.models import Agency

pytestmark = pytest.mark.django_db

EXECUTIVE_URL = reverse("accounts:request_executive")
HR_URL = reverse("accounts:request_hr")
SENT_URL = reverse("accounts:request_access_sent")


def executive_data(**changes):
    data = {
        "full_name": "Rita Moreno",
        "email": "rita.moreno@hhs.gov",
        "agency": Agency.objects.get(code="HE").pk,
        "sub_element": "",
        "position_title": "Deputy Assistant Secretary",
        "eligibility": _eligibility("career_ses"),
        "cdp_program": "",
        "cdp_certified_on": "",
        "left_ses_on": "",
        "verifier_name": "Victor Vance",
        "verifier_title": "Director of Executive Resources",
        "verifier_email": "victor.vance@hhs.gov",
        "acknowledge": "on",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def hr_data(**changes):
    data = {
        "full_name": "Hank Reyes",
        "email": "hank.reyes@usda.gov",
        "agency": Agency.objects.get(code="AG").pk,
        "sub_element": Agency.objects.get(code="AG11").pk,
        "position_title": "HR Specialist",
        "verifier_name": "Sue Pervisor",
        "verifier_title": "HR Director",
        "verifier_email": "sue.pervisor@usda.gov",
        "acknowledge": "on",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def _eligibility(code):
    from soars.core.models import EligibilityCategory

    return EligibilityCategory.objects.get(code=code).pk


def test_the_choice_page_links_to_both_forms(client):
    html = client.get(reverse("accounts:request_access")).content.decode()
    assert EXECUTIVE_URL in html and HR_URL in html


@pytest.mark.parametrize("url", [EXECUTIVE_URL, HR_URL])
def test_both_forms_show_the_privacy_act_statement_and_ask_for_acknowledgement(client, url):
    html = client.get(url).content.decode()
    assert "Privacy Act statement" in html
    assert 'name="acknowledge"' in html


def test_an_executive_request_is_kept_and_acknowledged_by_email(client):
    response = client.post(EXECUTIVE_URL, executive_data())
    assert response.status_code == 302 and response["Location"] == SENT_URL
    request = AccessRequest.objects.get(email="rita.moreno@hhs.gov")
    assert request.role == "executive" and request.status == "pending"
    assert request.eligibility.code == "career_ses"
    assert request.privacy_acknowledged_at is not None
    [ack] = emails("access_request_received", to="rita.moreno@hhs.gov")
    assert "one business day" in ack.text_body
    assert "as an SES member (" in ack.text_body


def test_an_hr_request_is_acknowledged_in_plain_words(client):
    client.post(HR_URL, hr_data())
    [ack] = emails("access_request_received", to="hank.reyes@usda.gov")
    assert "as human resources staff (" in ack.text_body


def test_the_confirmation_page_says_when_a_decision_comes(client):
    html = client.get(SENT_URL).content.decode()
    assert "one business day" in html


def test_an_hr_request_records_agency_and_sub_element(client):
    client.post(HR_URL, hr_data())
    request = AccessRequest.objects.get(email="hank.reyes@usda.gov")
    assert request.role == "hr"
    assert (request.agency.code, request.sub_element.code) == ("AG", "AG11")


def test_submission_is_audited(client):
    from soars.audit.models import AuditEvent

    client.post(HR_URL, hr_data())
    assert AuditEvent.objects.filter(action="access_request_submitted").count() == 1


def test_an_email_outside_the_allowed_domains_is_refused_and_the_form_keeps_what_was_typed(client):
    response = client.post(EXECUTIVE_URL, executive_data(email="rita@gmail.com"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "government work email" in html
    assert 'value="rita@gmail.com"' in html and 'value="Rita Moreno"' in html
    assert 'href="#id_email"' in html  # the error summary links to the field
    assert not AccessRequest.objects.exists()


def test_allowed_domains_come_from_the_setting(client, settings):
    settings.ALLOWED_EMAIL_DOMAINS = ["example.org"]
    client.post(EXECUTIVE_URL, executive_data(email="rita@example.org", verifier_email="v@example.org"))
    assert AccessRequest.objects.filter(email="rita@example.org").exists()
    client.post(EXECUTIVE_URL, executive_data(email="rita@agency.gov", verifier_email="v@example.org"))
    assert not AccessRequest.objects.filter(email="rita@agency.gov").exists()


def test_a_lookalike_domain_is_refused(client):
    client.post(EXECUTIVE_URL, executive_data(email="rita@hhs.gov.attacker.com"))
    assert not AccessRequest.objects.exists()


def test_a_cdp_graduate_must_give_program_and_certification_date(client):
    response = client.post(EXECUTIVE_URL, executive_data(eligibility=_eligibility("cdp_graduate")))
    html = response.content.decode()
    assert "Enter the Candidate Development Program" in html
    assert "Enter the date the QRB certified you" in html
    assert not AccessRequest.objects.exists()


def test_a_certification_date_in_the_future_is_refused(client):
    data = executive_data(
        eligibility=_eligibility("cdp_graduate"), cdp_program="OPM CDP", cdp_certified_on="2999-01-01"
    )
    html = client.post(EXECUTIVE_URL, data).content.decode()
    assert "cannot be in the future" in html
    assert not AccessRequest.objects.exists()


def test_a_malformed_date_gets_a_clear_message(client):
    data = executive_data(eligibility=_eligibility("reinstatement"), left_ses_on="31/31/2020")
    response = client.post(EXECUTIVE_URL, data)
    assert response.status_code == 200
    assert "Enter a valid date" in response.content.decode()
    assert 'value="31/31/2020"' in response.content.decode()


def test_a_reinstatement_eligible_must_give_the_date_they_left(client):
    html = client.post(EXECUTIVE_URL, executive_data(eligibility=_eligibility("reinstatement"))).content.decode()
    assert "Enter the date you left the SES" in html


def test_a_cdp_graduate_with_all_details_is_accepted(client):
    data = executive_data(
        eligibility=_eligibility("cdp_graduate"), cdp_program="OPM CDP", cdp_certified_on="2024-05-01"
    )
    client.post(EXECUTIVE_URL, data)
    request = AccessRequest.objects.get()
    assert request.cdp_program == "OPM CDP" and str(request.cdp_certified_on) == "2024-05-01"


def test_an_eligibility_outside_the_three_that_may_ask_is_refused(client):
    client.post(EXECUTIVE_URL, executive_data(eligibility=_eligibility("noncareer")))
    assert not AccessRequest.objects.exists()


def test_the_privacy_acknowledgement_is_required(client):
    html = client.post(HR_URL, hr_data(acknowledge=None)).content.decode()
    assert "Please confirm that you have read the Privacy Act statement" in html
    assert not AccessRequest.objects.exists()


def test_a_sub_element_of_another_agency_is_refused(client):
    html = client.post(HR_URL, hr_data(sub_element=Agency.objects.get(code="CM54").pk)).content.decode()
    assert "not part of Department of Agriculture" in html


def test_missing_required_fields_are_each_named(client):
    html = client.post(HR_URL, {}).content.decode()
    for field in ("full_name", "email", "agency", "position_title", "verifier_email"):
        assert f'href="#id_{field}"' in html


def test_a_forged_role_status_or_flag_in_the_form_is_ignored(client):
    client.post(
        HR_URL,
        hr_data(role="admin", status="approved", is_agency_admin="on", is_staff="on", reviewed_by="1"),
    )
    request = AccessRequest.objects.get()
    assert request.role == "hr" and request.status == "pending" and request.reviewed_by is None


def test_a_forged_role_on_the_executive_form_is_ignored(client):
    client.post(EXECUTIVE_URL, executive_data(role="hr"))
    assert AccessRequest.objects.get().role == "executive"


def test_a_second_request_for_an_open_address_gets_the_same_answer_and_no_duplicate(client):
    first = client.post(EXECUTIVE_URL, executive_data())
    second = client.post(EXECUTIVE_URL, executive_data(full_name="Someone Else"))
    assert (first.status_code, first["Location"]) == (second.status_code, second["Location"])
    assert AccessRequest.objects.count() == 1
    assert len(emails("access_request_duplicate", to="rita.moreno@hhs.gov")) == 1


def test_a_request_for_an_address_with_an_account_gets_the_same_answer(client, personas):
    response = client.post(HR_URL, hr_data(email=personas.hr_a.email.upper()))
    assert response["Location"] == SENT_URL
    assert not AccessRequest.objects.exists()
    [notice] = emails("access_request_duplicate", to=personas.hr_a.email)
    assert "already has a SOARS account" in notice.text_body


def test_requests_are_rate_limited_per_address(client, settings):
    settings.ACCESS_REQUEST_RATE_LIMIT_PER_HOUR = 2
    for _ in range(2):
        client.post(EXECUTIVE_URL, executive_data())
    response = client.post(EXECUTIVE_URL, executive_data())
    assert response.status_code == 200
    assert "wait an hour" in response.content.decode()
    assert len(emails("access_request_duplicate")) == 1
    # Another address is not affected.
    assert client.post(EXECUTIVE_URL, executive_data(email="other@hhs.gov"))["Location"] == SENT_URL


def test_the_verifier_must_be_someone_else(client):
    html = client.post(HR_URL, hr_data(verifier_email="hank.reyes@usda.gov")).content.decode()
    assert "Someone other than you" in html


def test_hostile_text_is_stored_as_text_and_shown_escaped(client, client_as, personas):
    client.post(HR_URL, hr_data(full_name="<script>alert(1)</script>", position_title="x' OR 1=1 --"))
    request = AccessRequest.objects.get()
    html = client_as(personas.site_admin).get(request.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_very_long_name_is_refused_not_truncated(client):
    html = client.post(HR_URL, hr_data(full_name="A" * 500)).content.decode()
    assert "at most 150 characters" in html
    assert not AccessRequest.objects.exists()


def test_factory_requests_are_pending():
    assert AccessRequestFactory().is_pending

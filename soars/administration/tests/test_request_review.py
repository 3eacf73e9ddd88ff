from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from soars.accounts.factories import AccessRequestFactory, AgencyAdminFactory, HrAccessRequestFactory
from soars.accounts.models import AccessRequest, OneTimeLink, User
from soars.accounts.tests.helpers import emails
from soars.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

QUEUE = reverse("administration:requests")


def approve_url(r):
    return reverse("administration:request_approve", args=[r.pk])


def reject_url(r):
    return reverse("administration:request_reject", args=[r.pk])


def test_a_site_administrator_sees_every_request(client_as, personas):
    hr_a = HrAccessRequestFactory(agency=personas.agency_a, full_name="Ann Agri")
    hr_b = HrAccessRequestFactory(agency=personas.agency_b, full_name="Ben Commerce")
    executive = AccessRequestFactory(full_name="Eve Exec")
    html = client_as(personas.site_admin).get(QUEUE).content.decode()
    for r in (hr_a, hr_b, executive):
        assert r.full_name in html


def test_an_agency_administrator_sees_only_hr_requests_of_their_agency(client_as, personas):
    HrAccessRequestFactory(agency=personas.agency_a, full_name="Ann Agri")
    HrAccessRequestFactory(agency=personas.agency_b, full_name="Ben Commerce")
    AccessRequestFactory(agency=personas.agency_a, full_name="Eve Exec")
    html = client_as(personas.agency_admin).get(QUEUE).content.decode()
    assert "Ann Agri" in html
    assert "Ben Commerce" not in html and "Eve Exec" not in html


def test_hr_staff_who_are_not_agency_administrators_cannot_open_the_queue(client_as, personas):
    assert client_as(personas.hr_b).get(QUEUE).status_code == 403


def test_an_agency_administrator_of_agency_b_cannot_see_a_request_of_agency_a(client_as, personas):
    request_a = HrAccessRequestFactory(agency=personas.agency_a)
    admin_b = AgencyAdminFactory(agency=personas.agency_b)
    client = client_as(admin_b)
    assert client.get(request_a.get_absolute_url()).status_code == 404
    assert request_a.full_name not in client.get(QUEUE).content.decode()


def test_an_agency_administrator_of_agency_b_cannot_approve_or_reject_agency_a_requests(client_as, personas):
    request_a = HrAccessRequestFactory(agency=personas.agency_a)
    client = client_as(AgencyAdminFactory(agency=personas.agency_b))
    assert client.post(approve_url(request_a)).status_code == 404
    assert client.post(reject_url(request_a), {"reason": "Not one of ours"}).status_code == 404
    request_a.refresh_from_db()
    assert request_a.is_pending
    assert not User.objects.filter(email=request_a.email).exists()


def test_an_agency_administrator_cannot_decide_executive_requests(client_as, personas):
    executive_request = AccessRequestFactory(agency=personas.agency_a)
    client = client_as(personas.agency_admin)
    assert client.get(executive_request.get_absolute_url()).status_code == 404
    assert client.post(approve_url(executive_request)).status_code == 404


@pytest.mark.parametrize("path", ["/manage/", QUEUE, "/manage/accounts/", "/manage/audit/"])
def test_an_executive_cannot_reach_the_administration_pages(client_as, personas, path):
    assert client_as(personas.executive).get(path).status_code == 403


def test_the_queue_flags_requests_waiting_more_than_one_business_day(client_as, personas):
    HrAccessRequestFactory(full_name="Old Request", created_at=timezone.now() - timedelta(days=4))
    html = client_as(personas.site_admin).get(QUEUE).content.decode()
    assert "Overdue" in html and "waiting more than one business day" in html


def test_a_request_from_friday_evening_is_not_overdue_on_saturday():
    friday = timezone.make_aware(timezone.datetime(2026, 11, 20, 18, 0))
    request = HrAccessRequestFactory.build(created_at=friday)
    assert request.due_by.weekday() == 0  # due Monday


def test_the_queue_filters_by_role_agency_and_status(client_as, personas):
    HrAccessRequestFactory(agency=personas.agency_a, full_name="Ann Agri")
    HrAccessRequestFactory(agency=personas.agency_b, full_name="Ben Commerce")
    AccessRequestFactory(full_name="Eve Exec")
    HrAccessRequestFactory(full_name="Done Deal", status=AccessRequest.Status.REJECTED)
    client = client_as(personas.site_admin)
    html = client.get(QUEUE, {"role": "hr", "agency": personas.agency_b.pk, "status": "pending"}).content.decode()
    assert "Ben Commerce" in html and "Ann Agri" not in html and "Eve Exec" not in html
    assert "Done Deal" not in client.get(QUEUE).content.decode()
    assert "Done Deal" in client.get(QUEUE, {"status": "rejected"}).content.decode()


def test_a_malformed_filter_does_not_break_the_queue(client_as, personas):
    response = client_as(personas.site_admin).get(QUEUE, {"agency": "'; DROP TABLE x;--", "status": "<b>"})
    assert response.status_code == 200


def test_the_request_page_shows_everything_submitted(client_as, personas):
    r = AccessRequestFactory(cdp_program="Interagency CDP", verifier_name="Vera Fier")
    html = client_as(personas.site_admin).get(r.get_absolute_url()).content.decode()
    for text in (r.full_name, r.email, r.position_title, "Career SES member", "Vera Fier", r.verifier_email):
        assert text in html


def test_approving_an_hr_request_creates_an_hr_account_for_its_agency(client_as, personas):
    r = HrAccessRequestFactory(agency=personas.agency_b)
    response = client_as(personas.site_admin).post(approve_url(r))
    assert response.status_code == 302
    user = User.objects.get(email=r.email)
    assert (user.role, user.agency, user.is_agency_admin) == ("hr", personas.agency_b, False)
    assert not user.has_usable_password()
    r.refresh_from_db()
    assert (r.status, r.reviewed_by, r.account) == ("approved", personas.site_admin, user)


def test_approving_an_executive_request_creates_an_executive_of_the_verified_agency(client_as, personas):
    r = AccessRequestFactory(agency=personas.agency_b)
    client_as(personas.site_admin).post(approve_url(r))
    user = User.objects.get(email=r.email)
    assert (user.role, user.agency, user.is_agency_admin) == ("executive", personas.agency_b, False)


def test_an_agency_administrator_approves_hr_staff_of_their_agency(client_as, personas):
    r = HrAccessRequestFactory(agency=personas.agency_a)
    client_as(personas.agency_admin).post(approve_url(r))
    assert User.objects.get(email=r.email).agency == personas.agency_a


def test_forged_role_and_agency_on_approval_are_ignored(client_as, personas):
    r = HrAccessRequestFactory(agency=personas.agency_a)
    client_as(personas.agency_admin).post(
        approve_url(r), {"role": "admin", "agency": personas.agency_b.pk, "is_agency_admin": "on", "is_staff": "on"}
    )
    user = User.objects.get(email=r.email)
    assert (user.role, user.agency, user.is_agency_admin, user.is_staff) == ("hr", personas.agency_a, False, False)


def test_approval_emails_a_one_time_link_and_never_a_password(client_as, personas):
    r = AccessRequestFactory()
    client_as(personas.site_admin).post(approve_url(r))
    [email] = emails("access_approved", to=r.email)
    assert "/set-password/" in email.text_body
    assert email.sensitive
    assert "password:" not in email.text_body.lower()
    link = OneTimeLink.objects.get(user__email=r.email)
    assert link.expires_at - link.created_at == timedelta(hours=72)


def test_approval_is_an_audit_event_with_reviewer_and_time(client_as, personas):
    r = HrAccessRequestFactory()
    client_as(personas.site_admin).post(approve_url(r))
    event = AuditEvent.objects.get(action="access_request_approved")
    assert event.actor == personas.site_admin and event.object_id == str(r.pk)
    assert AuditEvent.objects.filter(action="account_created").count() == 1


def test_approval_by_get_is_refused(client_as, personas):
    r = HrAccessRequestFactory()
    assert client_as(personas.site_admin).get(approve_url(r)).status_code == 405
    r.refresh_from_db()
    assert r.is_pending


def test_a_decided_request_cannot_be_decided_again(client_as, personas):
    r = HrAccessRequestFactory()
    client = client_as(personas.site_admin)
    client.post(approve_url(r))
    client.post(reject_url(r), {"reason": "Changed my mind"})
    r.refresh_from_db()
    assert r.status == "approved"
    assert AuditEvent.objects.filter(action="access_request_rejected").count() == 0


def test_approving_when_the_address_already_has_an_account_explains_and_changes_nothing(client_as, personas):
    r = HrAccessRequestFactory(email=personas.hr_b.email)
    response = client_as(personas.site_admin).post(approve_url(r), follow=True)
    assert "already exists" in response.content.decode()
    r.refresh_from_db()
    assert r.is_pending


def test_rejection_requires_a_reason(client_as, personas):
    r = HrAccessRequestFactory()
    response = client_as(personas.site_admin).post(reject_url(r), {"reason": "   "})
    assert response.status_code == 200
    assert 'href="#id_reason"' in response.content.decode()
    r.refresh_from_db()
    assert r.is_pending


def test_rejection_emails_the_reason_and_is_audited(client_as, personas):
    r = HrAccessRequestFactory()
    client_as(personas.site_admin).post(reject_url(r), {"reason": "Your supervisor could not confirm your role."})
    r.refresh_from_db()
    assert (r.status, r.decision_reason) == ("rejected", "Your supervisor could not confirm your role.")
    [email] = emails("access_rejected", to=r.email)
    assert "Your supervisor could not confirm your role." in email.text_body
    event = AuditEvent.objects.get(action="access_request_rejected")
    assert event.actor == personas.site_admin
    assert event.data["reason"] == "Your supervisor could not confirm your role."
    assert not User.objects.filter(email=r.email).exists()


def test_the_hr_options_page_of_an_agency_administrator_links_to_the_queue(client_as, personas):
    assert QUEUE in client_as(personas.agency_admin).get("/hr/").content.decode()
    assert QUEUE not in client_as(personas.hr_a).get("/hr/").content.decode()


@pytest.mark.parametrize("path", [QUEUE, "/manage/accounts/", "/manage/audit/"])
def test_console_pages_with_personal_data_are_not_stored_by_browsers(client_as, personas, path):
    assert "no-store" in client_as(personas.site_admin).get(path)["Cache-Control"]

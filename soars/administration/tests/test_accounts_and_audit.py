import pytest
from django.urls import reverse

from soars.accounts.models import User
from soars.audit.log import record
from soars.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

ACCOUNTS = reverse("administration:accounts")
AUDIT = reverse("administration:audit")


def detail(user):
    return reverse("administration:account_detail", args=[user.pk])


def set_active(user):
    return reverse("administration:account_set_active", args=[user.pk])


def test_administrators_list_and_search_accounts(client_as, personas):
    client = client_as(personas.site_admin)
    html = client.get(ACCOUNTS).content.decode()
    assert personas.hr_a.email in html and personas.executive.email in html
    html = client.get(ACCOUNTS, {"q": "carol"}).content.decode()
    assert personas.hr_b.email in html and personas.hr_a.email not in html


def test_accounts_filter_by_role_and_status(client_as, personas):
    personas.outsider.is_active = False
    personas.outsider.save()
    client = client_as(personas.site_admin)
    html = client.get(ACCOUNTS, {"role": "hr"}).content.decode()
    assert personas.hr_a.email in html and personas.executive.email not in html
    html = client.get(ACCOUNTS, {"active": "no"}).content.decode()
    assert personas.outsider.email in html and personas.executive.email not in html


def test_an_agency_administrator_cannot_manage_accounts(client_as, personas):
    client = client_as(personas.agency_admin)
    assert client.get(ACCOUNTS).status_code == 403
    assert client.post(set_active(personas.hr_a), {"active": "no"}).status_code == 403
    personas.hr_a.refresh_from_db()
    assert personas.hr_a.is_active


def test_deactivating_and_reactivating_are_audited(client_as, personas):
    client = client_as(personas.site_admin)
    client.post(set_active(personas.hr_a), {"active": "no"})
    personas.hr_a.refresh_from_db()
    assert not personas.hr_a.is_active
    client.post(set_active(personas.hr_a), {"active": "yes"})
    personas.hr_a.refresh_from_db()
    assert personas.hr_a.is_active
    actions = list(AuditEvent.objects.for_object(personas.hr_a).values_list("action", flat=True))
    assert sorted(actions) == ["account_deactivated", "account_reactivated"]


def test_an_administrator_cannot_deactivate_themselves(client_as, personas):
    client_as(personas.site_admin).post(set_active(personas.site_admin), {"active": "no"})
    personas.site_admin.refresh_from_db()
    assert personas.site_admin.is_active


def test_changing_role_and_agency_is_audited_with_before_and_after(client_as, personas):
    client = client_as(personas.site_admin)
    client.post(detail(personas.hr_a), {"role": "hr", "agency": personas.agency_b.pk, "is_agency_admin": "on"})
    personas.hr_a.refresh_from_db()
    assert (personas.hr_a.agency, personas.hr_a.is_agency_admin) == (personas.agency_b, True)
    event = AuditEvent.objects.get(action="account_role_changed")
    assert event.data["before"]["agency"] == "AG" and event.data["after"]["agency"] == "CM"
    assert event.actor == personas.site_admin


def test_hr_staff_need_an_agency(client_as, personas):
    response = client_as(personas.site_admin).post(detail(personas.executive), {"role": "hr", "agency": ""})
    assert response.status_code == 200
    assert "HR staff must belong to an agency" in response.content.decode()
    personas.executive.refresh_from_db()
    assert personas.executive.role == "executive"


def test_a_role_that_is_not_hr_drops_the_agency_admin_flag(client_as, personas):
    client_as(personas.site_admin).post(
        detail(personas.agency_admin), {"role": "executive", "agency": personas.agency_a.pk, "is_agency_admin": "on"}
    )
    user = User.objects.get(pk=personas.agency_admin.pk)
    assert (user.role, user.agency, user.is_agency_admin) == ("executive", personas.agency_a, False)


def test_a_site_administrator_has_no_agency(client_as, personas):
    client_as(personas.site_admin).post(detail(personas.hr_a), {"role": "admin", "agency": personas.agency_a.pk})
    user = User.objects.get(pk=personas.hr_a.pk)
    assert (user.role, user.agency) == ("admin", None)


def test_an_administrator_sets_an_executives_verified_agency(client_as, personas):
    client_as(personas.site_admin).post(
        detail(personas.executive), {"role": "executive", "agency": personas.agency_b.pk}
    )
    personas.executive.refresh_from_db()
    assert personas.executive.agency == personas.agency_b
    event = AuditEvent.objects.get(action="account_role_changed")
    assert event.data["before"]["agency"] is None and event.data["after"]["agency"] == "CM"


def test_an_unknown_role_is_refused(client_as, personas):
    client_as(personas.site_admin).post(detail(personas.executive), {"role": "superuser"})
    personas.executive.refresh_from_db()
    assert personas.executive.role == "executive"


def test_an_administrator_cannot_change_their_own_role(client_as, personas):
    client_as(personas.site_admin).post(detail(personas.site_admin), {"role": "executive"})
    personas.site_admin.refresh_from_db()
    assert personas.site_admin.role == "admin"


def test_the_audit_trail_lists_events_and_filters_them(client_as, personas):
    record("login", actor=personas.hr_a, agency=personas.agency_a)
    record("account_deactivated", actor=personas.site_admin, obj=personas.outsider)
    client = client_as(personas.site_admin)
    html = client.get(AUDIT).content.decode()
    assert "account_deactivated" in html and personas.hr_a.email in html
    html = client.get(AUDIT, {"action": "account_deactivated"}).content.decode()
    assert personas.outsider.email in html and personas.hr_a.email not in html.split("<tbody>")[1]
    html = client.get(AUDIT, {"actor": "bob.hr"}).content.decode()
    assert "account_deactivated" not in html.split("<tbody>")[1]
    html = client.get(AUDIT, {"agency": personas.agency_a.pk}).content.decode()
    assert personas.hr_a.email in html.split("<tbody>")[1]


def test_the_audit_trail_refuses_a_backwards_date_range(client_as, personas):
    response = client_as(personas.site_admin).get(AUDIT, {"since": "2026-02-01", "until": "2026-01-01"})
    assert "on or after the start date" in response.content.decode()


def test_the_audit_trail_cannot_be_changed_from_the_page(client_as, personas):
    record("login", actor=personas.hr_a)
    client = client_as(personas.site_admin)
    assert client.post(AUDIT, {"action": "x"}).status_code == 405
    assert '<form method="post"' not in client.get(AUDIT).content.decode().split("<main")[1]


def test_hr_staff_cannot_read_the_audit_trail(client_as, personas):
    assert client_as(personas.agency_admin).get(AUDIT).status_code == 403

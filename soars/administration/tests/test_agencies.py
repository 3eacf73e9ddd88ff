"""Agencies for the program office: add, rename, retire (kept on old records), audited; nobody else."""

import pytest
from django.core.management import call_command

from soars.audit.models import AuditEvent
from soars.core.models import Agency
from soars.opportunities.factories import OpenOpportunityFactory

pytestmark = pytest.mark.django_db


def test_the_list_shows_departments_with_their_sub_elements(client_as, personas):
    response = client_as(personas.site_admin).get("/manage/agencies/")
    assert response.status_code == 200
    html = response.content.decode()
    department = Agency.objects.get(code="AG")
    sub = department.sub_elements.first()
    assert html.index(department.name) < html.index(sub.name)


@pytest.mark.parametrize("persona", ["executive", "hr_a", "agency_admin"])
def test_nobody_but_site_administrators_may_look_or_change(client_as, personas, persona):
    client = client_as(getattr(personas, persona))
    agency = Agency.objects.get(code="AG")
    assert client.get("/manage/agencies/").status_code == 403
    assert client.post(f"/manage/agencies/{agency.pk}/", {"name": "Taken over"}).status_code == 403
    assert Agency.objects.get(code="AG").name != "Taken over"


def test_an_administrator_adds_a_sub_element_and_it_is_audited(client_as, personas):
    department = Agency.objects.get(code="AG")
    response = client_as(personas.site_admin).post(
        "/manage/agencies/new/",
        {"code": "ag99", "name": "  Office of   Rural Broadband ", "abbreviation": "ORB", "kind": "sub_element",
         "parent": department.pk, "is_active": "on"},
    )  # fmt: skip
    assert response.status_code == 302
    added = Agency.objects.get(code="AG99")
    assert (added.name, added.parent, added.is_active) == ("Office of Rural Broadband", department, True)
    event = AuditEvent.objects.get(action="agency.added")
    assert event.object_id == str(added.pk) and event.actor == personas.site_admin


def test_a_rename_is_kept_when_reference_data_is_loaded_again(client_as, personas):
    agency = Agency.objects.get(code="CM")
    client_as(personas.site_admin).post(
        f"/manage/agencies/{agency.pk}/",
        {"code": "XX", "name": "Department of Commerce and Trade", "abbreviation": "DOC", "kind": agency.kind,
         "is_active": "on"},
    )  # fmt: skip
    call_command("load_reference", verbosity=0)
    agency.refresh_from_db()
    assert (agency.code, agency.name) == ("CM", "Department of Commerce and Trade")  # the code cannot change
    assert AuditEvent.objects.get(action="agency.changed").data["changed"]["name"][1] == (
        "Department of Commerce and Trade"
    )


def test_a_retired_agency_stays_on_old_records_but_cannot_be_chosen(client_as, personas):
    agency = Agency.objects.get(code="CM")
    posting = OpenOpportunityFactory(agency=agency)
    response = client_as(personas.site_admin).post(
        f"/manage/agencies/{agency.pk}/",
        {"name": agency.name, "abbreviation": agency.abbreviation, "kind": agency.kind},  # is_active unticked
    )
    assert response.status_code == 302
    assert AuditEvent.objects.filter(action="agency.retired").count() == 1
    posting.refresh_from_db()
    assert posting.agency == agency and not agency.__class__.objects.get(pk=agency.pk).is_active
    assert agency not in Agency.objects.top_level().active()
    html = client_as(personas.executive).get(f"/opportunities/{posting.pk}/").content.decode()
    assert agency.name in html


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"code": "a", "name": "X", "kind": "department"}, "Use two to eight capital letters or digits."),
        ({"code": "AG", "name": "Again", "kind": "department"}, "Agency with this Code already exists."),
        ({"code": "ZZ1", "name": "Orphan", "kind": "sub_element"}, "Choose the department or agency this sub-element"),
        ({"code": "ZZ2", "name": "", "kind": "department"}, "This field is required."),
        ({"code": "ZZ3", "name": "<script>x</script>", "kind": "nonsense"}, "Select a valid choice."),
    ],
)
def test_bad_input_gets_a_clear_message_and_keeps_what_was_typed(client_as, personas, data, message):
    before = Agency.objects.count()
    response = client_as(personas.site_admin).post("/manage/agencies/new/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "&lt;script&gt;" in html or "<script>x" not in html
    assert Agency.objects.count() == before


def test_a_department_with_sub_elements_cannot_become_a_sub_element(client_as, personas):
    department = Agency.objects.get(code="AG")
    other = Agency.objects.get(code="CM")
    response = client_as(personas.site_admin).post(
        f"/manage/agencies/{department.pk}/",
        {"name": department.name, "kind": "sub_element", "parent": other.pk, "is_active": "on"},
    )
    assert "cannot become a sub-element" in response.content.decode()
    department.refresh_from_db()
    assert department.parent is None


def test_a_retired_agency_cannot_be_given_to_an_account_but_one_that_has_it_keeps_it(personas):
    from soars.administration.forms import AccountRoleForm

    commerce = Agency.objects.get(code="CM")
    Agency.objects.filter(pk=commerce.pk).update(is_active=False)
    assert commerce not in AccountRoleForm(instance=personas.hr_a).fields["agency"].queryset
    personas.hr_b.agency = commerce
    assert commerce in AccountRoleForm(instance=personas.hr_b).fields["agency"].queryset


def test_a_retired_sub_element_cannot_be_chosen_for_a_new_posting(personas):
    from soars.opportunities.forms import OpportunityForm

    department = Agency.objects.get(code="AG")
    retired, kept = department.sub_elements.all()[:2]
    Agency.objects.filter(pk=retired.pk).update(is_active=False)
    choices = OpportunityForm(agency=department).fields["sub_element"].queryset
    assert retired not in choices and kept in choices
    posting = OpenOpportunityFactory(agency=department, sub_element=retired)
    assert retired in OpportunityForm(instance=posting, agency=department).fields["sub_element"].queryset

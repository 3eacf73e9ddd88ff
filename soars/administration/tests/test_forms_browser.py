"""The administration console's forms in Chromium: queue filters, a rejection with its reason, an account's role."""

import pytest

from soars.accounts.factories import AccessRequestFactory, HrAccessRequestFactory
from soars.core.testing import make_personas
from tests.forms_browser import fill, read

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REASON = "Your supervisor told us you have moved to another office."
AGENCY_ADMIN = "Agency administrator (may approve HR access requests of the agency)"


def names_listed(page) -> list[str]:
    return page.locator("tbody th a").all_inner_texts()


def test_a_reviewer_filters_the_queue_and_a_rejection_keeps_its_reason(open_page, live_server, reference_data):
    personas = make_personas()
    AccessRequestFactory(full_name="Edna Exec")
    HrAccessRequestFactory(full_name="Harold Hr")
    page = open_page(personas.site_admin)
    page.goto(live_server.url + "/manage/requests/")
    assert sorted(names_listed(page)) == ["Edna Exec", "Harold Hr"]

    fill(page, {"Access asked for": "Human resources staff"})
    page.get_by_role("button", name="Filter").click()
    assert names_listed(page) == ["Harold Hr"]
    assert read(page, ["Access asked for", "Status"]) == {
        "Access asked for": "Human resources staff",
        "Status": "Waiting for review",
    }

    page.get_by_role("link", name="Harold Hr").click()
    fill(page, {"Reason for rejecting": REASON})
    page.get_by_role("button", name="Reject").click()
    assert "Rejected." in page.locator(".soars-messages").inner_text()

    fill(page, {"Status": "Rejected"})
    page.get_by_role("button", name="Filter").click()
    assert names_listed(page) == ["Harold Hr"]
    page.get_by_role("link", name="Harold Hr").click()
    assert REASON in page.locator("dl").inner_text()


def test_an_administrator_changes_an_accounts_agency_and_admin_flag(open_page, live_server, reference_data):
    personas = make_personas()
    page = open_page(personas.site_admin)
    page.goto(live_server.url + "/manage/accounts/")
    fill(page, {"Name or email contains": "carol", "Role": "HR staff"})
    page.get_by_role("button", name="Search").click()
    assert read(page, ["Name or email contains"]) == {"Name or email contains": "carol"}
    page.get_by_role("link", name="carol.hr@commerce.gov").click()

    fill(page, {"Agency": "Department of Energy"})
    page.locator("label", has_text=AGENCY_ADMIN).click()
    page.get_by_role("button", name="Save role and agency").click()
    assert "are saved" in page.locator(".soars-messages").inner_text()

    page.reload()
    assert read(page, ["Role", "Agency"]) == {"Role": "HR staff", "Agency": "Department of Energy"}
    assert page.get_by_label(AGENCY_ADMIN).is_checked()
    personas.hr_b.refresh_from_db()
    assert personas.hr_b.agency.code == "DN" and personas.hr_b.is_agency_admin


def test_an_administrator_adds_a_sub_element_then_renames_and_retires_it(open_page, live_server, reference_data):
    from soars.core.models import Agency

    personas = make_personas()
    department = Agency.objects.get(code="AG")
    page = open_page(personas.site_admin)
    page.goto(live_server.url + "/manage/agencies/new/")
    fill(
        page,
        {
            "Code": "AG77",
            "Name": "Office of Rural Broadband",
            "Abbreviation": "ORB",
            "Kind": "Sub-element",
            "Department or agency it belongs to": department.name,
        },
    )
    page.get_by_role("button", name="Add it").click()
    page.get_by_role("link", name="Office of Rural Broadband").click()
    assert read(page, ["Name", "Abbreviation", "Kind", "Department or agency it belongs to"]) == {
        "Name": "Office of Rural Broadband",
        "Abbreviation": "ORB",
        "Kind": "Sub-element",
        "Department or agency it belongs to": department.name,
    }
    fill(page, {"Name": "Office of Rural Connectivity"})
    page.locator("label", has_text="In use").click()  # untick: retire it
    page.get_by_role("button", name="Save changes").click()
    assert "Retired" in page.get_by_role("row", name="Office of Rural Connectivity").inner_text()
    agency = Agency.objects.get(code="AG77")
    assert (agency.name, agency.is_active, agency.parent_id) == ("Office of Rural Connectivity", False, department.pk)

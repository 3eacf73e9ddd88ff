"""The metrics filter form in Chromium: choose an agency, a type and a period, show, read back."""

import pytest

from soars.core.testing import make_personas
from soars.metrics.tests.data import small_program
from tests.forms_browser import fill, read

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHOICES = {"Agency": "Department of Agriculture", "Type of opportunity": "Detail", "Period": "The last 4 quarters"}


def test_the_program_office_filters_by_agency_type_and_period(open_page, live_server, reference_data):
    personas = make_personas()
    small_program(personas)
    page = open_page(personas.site_admin)
    page.goto(live_server.url + "/manage/metrics/")
    assert page.locator("#postings-caption + thead + tbody tr").count() == 8

    fill(page, CHOICES)
    page.get_by_role("button", name="Show").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Program metrics: Department of Agriculture"
    assert read(page, list(CHOICES)) == CHOICES
    postings = page.locator("#postings-caption + thead + tbody tr")
    assert postings.count() == 4
    assert postings.nth(2).locator("td").all_inner_texts() == ["2", "0", "0", "0", "2"]

    with page.expect_download() as download:
        page.get_by_role("link", name="CSV of Opportunities posted and how they ended").click()
    assert download.value.suggested_filename.startswith("soars-postings-ag-")


def test_hr_staff_filter_their_own_page(open_page, live_server, reference_data):
    personas = make_personas()
    small_program(personas)
    page = open_page(personas.hr_a)
    page.goto(live_server.url + "/hr/metrics/")
    assert page.get_by_label("Agency", exact=True).count() == 0
    fill(page, {"Type of opportunity": "Rotation", "Period": "The last 12 quarters"})
    page.get_by_role("button", name="Show").click()
    assert read(page, ["Type of opportunity", "Period"]) == {
        "Type of opportunity": "Rotation",
        "Period": "The last 12 quarters",
    }
    assert page.locator("#assignments-caption + thead + tbody tr").count() == 12

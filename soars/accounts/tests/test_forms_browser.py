"""Both access request forms filled in Chromium as a person fills them; the reviewer reads back every answer."""

import pytest

from soars.accounts.models import AccessRequest
from soars.core.testing import make_personas
from tests.forms_browser import fill, tick

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ACKNOWLEDGE = "I have read the Privacy Act statement and I confirm that what I have given here is true."

EXECUTIVE = {
    "Full name": "Rita Moreno",
    "Work email": "rita.moreno@hhs.gov",
    "Agency": "Department of Health and Human Services",
    "Sub-element (bureau or component)": "Department of Health and Human Services: Indian Health Service",
    "Current position title": "Deputy Assistant Secretary",
    "Date you left the SES": "2019-08-30",
    "Verifying official’s name": "Victor Vance",
    "Verifying official’s position title": "Director of Executive Resources",
    "Verifying official’s work email": "victor.vance@hhs.gov",
}
HR = {
    "Full name": "Hank Reyes",
    "Work email": "hank.reyes@usda.gov",
    "Agency": "Department of Agriculture",
    "Sub-element (bureau or component)": "Department of Agriculture: Forest Service",
    "Position title": "HR Specialist",
    "Supervisor’s name": "Sue Pervisor",
    "Supervisor’s position title": "HR Director",
    "Supervisor’s work email": "sue.pervisor@usda.gov",
}


def submitted(page) -> dict[str, str]:
    """The reviewer's "What was submitted" list, as {term: description}."""
    terms = page.locator("dl dt").all_inner_texts()
    return dict(zip(terms, page.locator("dl dd").all_inner_texts(), strict=True))


def test_both_request_forms_reach_the_reviewer_exactly_as_typed(open_page, live_server, reference_data):
    personas = make_personas()
    page = open_page()
    for path, values, eligibility in [
        ("/request-access/executive/", EXECUTIVE, "SES reinstatement eligible"),
        ("/request-access/hr/", HR, None),
    ]:
        page.goto(live_server.url + path)
        fill(page, values)
        if eligibility:
            tick(page, "Eligibility", eligibility)
        page.locator("label", has_text=ACKNOWLEDGE).click()
        page.get_by_role("button", name="Send my request").click()
        assert page.get_by_role("heading", level=1).inner_text().startswith("Thank you"), path

    reviewer = open_page(personas.site_admin)
    executive, hr = AccessRequest.objects.get(role="executive"), AccessRequest.objects.get(role="hr")
    reviewer.goto(f"{live_server.url}/manage/requests/{executive.pk}/")
    shown = submitted(reviewer)
    assert shown["Name"] == "Rita Moreno" and shown["Work email"] == "rita.moreno@hhs.gov"
    assert shown["Agency"] == "Department of Health and Human Services"
    assert shown["Sub-element"] == "Indian Health Service"
    assert shown["Position title"] == "Deputy Assistant Secretary"
    assert shown["Eligibility"] == "SES reinstatement eligible"
    assert shown["Left the SES on"] == "Aug. 30, 2019"
    assert "Victor Vance, Director of Executive Resources, victor.vance@hhs.gov" in shown.values()

    reviewer.goto(f"{live_server.url}/manage/requests/{hr.pk}/")
    shown = submitted(reviewer)
    assert (shown["Name"], shown["Agency"], shown["Sub-element"], shown["Position title"]) == (
        "Hank Reyes",
        "Department of Agriculture",
        "Forest Service",
        "HR Specialist",
    )
    assert "Sue Pervisor, HR Director, sue.pervisor@usda.gov" in shown.values()

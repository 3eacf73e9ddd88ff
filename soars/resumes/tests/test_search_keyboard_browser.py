"""On the search pages a keyboard reaches the filters right after the search box, and a link skips
past them to the results (issue 17, item 20: HR's resume search had its filters after 25 results
and the pagination, 33 tabs from the search box)."""

import pytest

from soars.core.testing import make_personas
from soars.opportunities.factories import OpenOpportunityFactory
from soars.resumes.factories import SharedResumeFactory
from tests.browser import signed_in_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FEW_TABS = 3
SKIP = "Skip the filters, go to the results"


def tabs_from_search_box_to_first_filter(page, first_filter: str) -> int:
    page.focus("#id_q")
    for tabs in range(1, 80):
        page.keyboard.press("Tab")
        if page.evaluate("(selector) => document.activeElement.matches(selector)", first_filter):
            return tabs
    raise AssertionError(f"{first_filter} is never reached")


def skip_to_the_results(page):
    """Follow the skip link, then tab once: where focus lands."""
    link = page.get_by_role("link", name=SKIP)
    assert page.locator(link.get_attribute("href")).count() == 1
    link.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")


def test_hr_resume_search_puts_its_filters_before_the_results(browser, live_server, reference_data):
    personas = make_personas()
    for number in range(30):
        SharedResumeFactory(headline=f"Chief Zeppelin Officer {number}")
    page = signed_in_context(browser, live_server.url, personas.hr_a).new_page()
    page.goto(live_server.url + "/hr/resumes/")

    assert tabs_from_search_box_to_first_filter(page, "fieldset input") <= FEW_TABS
    skip_to_the_results(page)
    assert page.evaluate("document.activeElement.closest('.usa-collection') !== null")
    page.context.close()


def test_opportunity_browse_puts_its_filters_before_the_results(browser, live_server, reference_data):
    personas = make_personas()
    for number in range(30):
        OpenOpportunityFactory(title=f"Regional Administrator {number}")
    page = signed_in_context(browser, live_server.url, personas.executive).new_page()
    page.goto(live_server.url + "/opportunities/")

    assert tabs_from_search_box_to_first_filter(page, "[name=type]") <= FEW_TABS
    skip_to_the_results(page)
    assert page.evaluate("document.activeElement.closest('.usa-card-group') !== null")
    page.context.close()

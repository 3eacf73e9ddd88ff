"""Searching the directory in Chromium, as an HR specialist does it: words, an agency, a sort."""

import pytest

from soars.accounts.factories import ExecutiveFactory
from soars.core.models import Agency
from soars.core.testing import make_personas
from soars.resumes.factories import SharedResumeFactory
from tests.forms_browser import fill, read

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_search_finds_the_executive_and_keeps_what_was_chosen(open_page, live_server, reference_data):
    personas = make_personas()
    agriculture, commerce = Agency.objects.get(code="AG"), Agency.objects.get(code="CM")
    for name, title, agency in [
        ("Ada Garcia", "Chief Financial Officer", agriculture),
        ("Bo Chen", "Chief Financial Officer", commerce),
        ("Cy Diaz", "Chief Information Officer", agriculture),
    ]:
        executive = ExecutiveFactory(full_name=name)
        SharedResumeFactory(executive=executive, current_title=title, current_agency=agency, directory_opt_in=True)
    page = open_page(personas.hr_a)
    page.goto(live_server.url + "/directory/")
    fill(page, {"Name, title or expertise": "financial officer", "Agency": agriculture.name, "Sort by": "Agency"})
    page.get_by_role("button", name="Search").click()

    assert page.get_by_role("heading", level=2).all_inner_texts() == ["Ada Garcia"]
    assert "1 executive matches your search" in page.locator("#directory-count").inner_text()
    assert read(page, ["Name, title or expertise", "Agency", "Sort by"]) == {
        "Name, title or expertise": "financial officer",
        "Agency": agriculture.name,
        "Sort by": "Agency",
    }
    page.get_by_role("link", name="Show everyone").click()
    assert len(page.get_by_role("heading", level=2).all_inner_texts()) == 3

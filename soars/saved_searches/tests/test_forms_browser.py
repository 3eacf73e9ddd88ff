"""Saving a search and changing it, in Chromium, as an executive does it."""

import re

import pytest

from soars.core.testing import make_personas
from soars.saved_searches.models import SavedSearch
from tests.forms_browser import fill, read, tick, ticked

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def change_link(page, name: str):
    return page.get_by_role("link", name=re.compile(rf"^Change name or emails\W+{re.escape(name)}$"))


def test_a_saved_search_keeps_its_name_and_emails_through_a_change(open_page, live_server, reference_data):
    personas = make_personas()
    page = open_page(personas.executive)
    page.goto(live_server.url + "/opportunities/?q=director")
    fill(page, {"Name (optional)": "Director posts", "Email me new results": "Daily"})
    page.get_by_role("button", name="Save this search").click()
    assert "Saved “Director posts”" in page.locator(".soars-messages").inner_text()

    change_link(page, "Director posts").click()
    assert read(page, ["Name"]) == {"Name": "Director posts"}
    assert ticked(page, "Email me new results") == ["Daily, when there are new results"]
    fill(page, {"Name": "Director posts, no emails"})
    tick(page, "Email me new results", "No emails: just keep the search")
    page.get_by_role("button", name="Save changes").click()

    change_link(page, "Director posts, no emails").click()
    assert read(page, ["Name"]) == {"Name": "Director posts, no emails"}
    assert ticked(page, "Email me new results") == ["No emails: just keep the search"]
    saved = SavedSearch.objects.get()
    assert (saved.name, saved.frequency, saved.params) == ("Director posts, no emails", "none", "q=director")

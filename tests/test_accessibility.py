"""Every page in the list (soars/<app>/pages.py) passes axe-core's WCAG 2.1 A and AA rules in Chromium."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from soars.core.testing import all_pages, make_personas
from tests.browser import signed_in_context

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE = Axe()

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("page_spec", all_pages(), ids=str)
def test_page_has_no_accessibility_violations(browser, live_server, reference_data, page_spec):
    personas = make_personas()
    path = page_spec.resolve(personas)
    user = personas.by_name(page_spec.user) if page_spec.user else None
    context = signed_in_context(browser, live_server.url, user)
    try:
        page = context.new_page()
        response = page.goto(live_server.url + path)
        assert response.status == 200, f"{path} answered {response.status}"
        results = AXE.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        assert results.violations_count == 0, results.generate_report()
    finally:
        context.close()


def test_the_checker_catches_a_broken_page(browser):
    page = browser.new_page()
    page.set_content('<html><body><img src="x.png"><input type="text"></body></html>')
    results = AXE.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    page.close()
    assert results.violations_count >= 2

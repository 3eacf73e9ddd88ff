"""Every page in the list (soars/<app>/pages.py) passes axe-core's WCAG 2.1 A and AA rules in Chromium,
in every state listed there (errors after a POST, 403 and 404, paged and filtered lists, each role),
and reflows at 320 CSS pixels without scrolling sideways (WCAG 1.4.10)."""

import pytest
from axe_playwright_python.base import AxeResults
from axe_playwright_python.sync_playwright import Axe

from soars.core.testing import all_pages
from tests.browser import show

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
AXE = Axe()
REFLOW_WIDTH = 320
DESKTOP = {"width": 1280, "height": 720}  # Playwright's default

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture(scope="module")
def browser_page(browser):
    """One page for every check: each shows one response, then the next. axe-core is loaded
    into every document the page opens."""
    page = browser.new_page()
    page.add_init_script(AXE.axe_script)
    yield page
    page.close()


@pytest.mark.parametrize("page_spec", all_pages(), ids=str)
def test_page_has_no_accessibility_violations(browser_page, client, personas, page_spec):
    response = page_spec.fetch(client, personas)
    assert response.status_code == page_spec.status, f"{page_spec} answered {response.status_code}"
    page = browser_page
    page.set_viewport_size(DESKTOP)
    show(page, client, response)
    results = AxeResults(page.evaluate("(options) => axe.run(document, options)", AXE_OPTIONS))
    assert results.violations_count == 0, results.generate_report()
    page.set_viewport_size({"width": REFLOW_WIDTH, "height": 800})
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= REFLOW_WIDTH, f"{page_spec} is {width} px wide at {REFLOW_WIDTH} px"


def test_the_checker_catches_a_broken_page(browser):
    page = browser.new_page()
    page.set_content('<html><body><img src="x.png"><input type="text"></body></html>')
    results = AXE.run(page, options=AXE_OPTIONS)
    page.close()
    assert results.violations_count >= 2

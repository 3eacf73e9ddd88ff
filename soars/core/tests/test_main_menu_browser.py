"""The main menu and Log out are reachable on a phone, with JavaScript and without it (issue 17, item 17)."""

import pytest

from soars.core.testing import make_personas
from tests.browser import signed_in_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 740}
MENU_LINKS = [
    "Main Page",
    "What’s New",
    "Request Access",
    "Contact Us",
    "About This Site",
    "Help",
    "Links",
    "My options",
]


def main_menu(page):
    return page.get_by_role("navigation", name="Main menu")


def test_without_javascript_a_phone_reaches_every_menu_link_and_log_out(browser, live_server, reference_data):
    personas = make_personas()
    context = signed_in_context(browser, live_server.url, personas.executive, java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(live_server.url + "/about/")
    menu = main_menu(page)
    for name in MENU_LINKS:
        link = menu.get_by_role("link", name=name, exact=True)
        assert link.is_visible(), f"{name} is hidden"
        link.click(trial=True, timeout=2000)  # visible, enabled and not covered by anything
    assert not page.get_by_role("button", name="Menu").is_visible()  # it could not open anything

    menu.get_by_role("link", name="Contact Us", exact=True).click()
    assert page.url == live_server.url + "/contact/"
    main_menu(page).get_by_role("button", name="Log out").click(timeout=2000)
    assert main_menu(page).get_by_role("link", name="Log in", exact=True).is_visible()
    context.close()


def test_with_javascript_the_menu_button_opens_the_menu_on_a_phone(browser, live_server, reference_data):
    personas = make_personas()
    context = signed_in_context(browser, live_server.url, personas.executive, viewport=PHONE)
    page = context.new_page()
    page.goto(live_server.url + "/about/")
    menu = main_menu(page)
    assert not menu.get_by_role("link", name="Help", exact=True).is_visible()  # folded away until asked for

    page.get_by_role("button", name="Menu").click()
    for name in MENU_LINKS:
        assert menu.get_by_role("link", name=name, exact=True).is_visible(), f"{name} is hidden"
    assert menu.get_by_role("button", name="Log out").is_visible()
    menu.get_by_role("link", name="Help", exact=True).click()
    assert page.url == live_server.url + "/help/"
    context.close()

"""The sign-in steps that no persona session can show (they need a half-finished sign-in)
pass the same checks as every listed page: one <h1> and no axe-core violations."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django_otp.plugins.otp_totp.models import TOTPDevice

from soars.accounts.factories import TEST_PASSWORD
from soars.accounts.tests.helpers import current_code
from soars.core.testing import make_personas

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE = Axe()


def check(page):
    assert page.locator("h1").count() == 1, page.url
    results = AXE.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert results.violations_count == 0, results.generate_report()


def sign_in(page, base, user, password=TEST_PASSWORD):
    page.goto(base + "/login/")
    page.fill("#id_username", user.email)
    page.fill("#id_password", password)
    submit(page, "Log in")


def submit(page, button: str):
    """Press the form's button and wait for the answer: the page it loads may have the same address."""
    with page.expect_navigation():
        page.get_by_role("button", name=button).click()


def test_mfa_setup_recovery_codes_and_verify_pages_are_accessible(browser, live_server, reference_data):
    base = live_server.url
    personas = make_personas()
    context = browser.new_context()
    page = context.new_page()
    sign_in(page, base, personas.hr_a)
    assert page.url.startswith(base + "/login/mfa/setup/")
    check(page)
    page.fill("#id_otp_token", "000000")
    submit(page, "Confirm and continue")
    check(page)  # with the error shown
    device = TOTPDevice.objects.get(user=personas.hr_a)
    page.wait_for_timeout(1500)  # django-otp slows down guessing after a wrong code
    page.fill("#id_otp_token", current_code(device))
    submit(page, "Confirm and continue")
    assert "/login/mfa/recovery-codes/" in page.url
    check(page)
    context.close()

    context = browser.new_context()
    page = context.new_page()
    TOTPDevice.objects.create(user=personas.hr_b, name="app", confirmed=True)
    sign_in(page, base, personas.hr_b)
    assert page.url.startswith(base + "/login/mfa/")
    check(page)
    context.close()


def test_the_lockout_page_is_accessible(browser, live_server, reference_data):
    base = live_server.url
    personas = make_personas()
    page = browser.new_page()
    for _ in range(5):
        sign_in(page, base, personas.executive, password="not the password at all")
    assert "paused" in page.content()
    check(page)
    page.close()

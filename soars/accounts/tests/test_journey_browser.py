"""The whole journey in a real browser: request → review → approve → email link → set password →
MFA enrolment → sign in → options page, for both roles; and the rejection path."""

import base64
import re

import pytest
from django.core import mail
from django_otp.oath import TOTP

from soars.core.testing import make_personas, run_tasks
from tests.browser import signed_in_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a sunny morning walk along the river"


def delivered_to(address: str) -> list:
    run_tasks()
    return [m for m in mail.outbox if address in m.to]


def fill_common(page, name, email, agency, position, verifier_email):
    page.fill("#id_full_name", name)
    page.fill("#id_email", email)
    page.select_option("#id_agency", label=agency)
    page.fill("#id_position_title", position)
    page.fill("#id_verifier_name", "Vera Fier")
    page.fill("#id_verifier_title", "Director")
    page.fill("#id_verifier_email", verifier_email)
    page.click("label[for=id_acknowledge]")  # USWDS styles the label; the box itself is off-screen


def request_access(page, base, role, name, email, agency):
    page.goto(base + "/request-access/")
    label = "Request access as an SES member" if role == "executive" else "Request access as HR staff"
    page.get_by_role("link", name=label).click()
    fill_common(page, name, email, agency, "Director of Things", "vera.fier@" + email.split("@")[1])
    if role == "executive":
        page.locator("label", has_text="QRB-certified CDP graduate").click()
        page.fill("#id_cdp_program", "OPM Federal CDP")
        page.fill("#id_cdp_certified_on", "2024-03-15")
    page.get_by_role("button", name="Send my request").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Thank you")


def review(browser, base, reviewer, name):
    context = signed_in_context(browser, base, reviewer)
    page = context.new_page()
    page.goto(base + "/manage/requests/")
    page.get_by_role("link", name=name).click()
    assert "Access request from" in page.get_by_role("heading", level=1).inner_text()
    return context, page


def link_path(body: str) -> str:
    """The path of the one-time link in an email (the email names the configured site address)."""
    return re.search(r"https?://[^/\s]+(/set-password/\S+/)", body).group(1)


def test_both_roles_go_from_request_to_their_options_page(browser, live_server, reference_data):
    base = live_server.url
    personas = make_personas()
    for role, name, email, agency, reviewer, home_heading in [
        ("executive", "Edna Exec", "edna.exec@hhs.gov", "Department of Health and Human Services",
         personas.site_admin, "Welcome, Edna Exec"),
        ("hr", "Harold Hr", "harold.hr@usda.gov", "Department of Agriculture",
         personas.agency_admin, "Welcome, Harold Hr"),
    ]:  # fmt: skip
        person = browser.new_context()
        page = person.new_page()
        request_access(page, base, role, name, email, agency)
        assert any("received" in m.subject for m in delivered_to(email))

        context, admin_page = review(browser, base, reviewer, name)
        admin_page.get_by_role("button", name="Approve").click()
        assert "Approved." in admin_page.content()
        context.close()

        [approval] = [m for m in delivered_to(email) if "approved" in m.subject]
        link = link_path(approval.body)
        page.goto(base + link)
        page.fill("#id_new_password1", PASSWORD)
        page.fill("#id_new_password2", PASSWORD)
        page.get_by_role("button", name="Set my password").click()
        assert "Your password is set" in page.content()

        page.fill("#id_username", email)
        page.fill("#id_password", PASSWORD)
        page.get_by_role("button", name="Log in").click()
        if role == "hr":
            assert page.get_by_role("heading", level=1).inner_text() == "Set up two-step sign-in"
            assert page.get_by_role("img", name=re.compile("QR code")).is_visible()
            key = page.get_by_label("Setup key").inner_text().replace(" ", "")
            secret = base64.b32decode(key + "=" * (-len(key) % 8))
            page.fill("#id_otp_token", f"{TOTP(secret).token():06d}")
            page.get_by_role("button", name="Confirm and continue").click()
            assert page.get_by_role("heading", level=1).inner_text() == "Save your recovery codes"
            page.get_by_role("link", name=re.compile("I have saved my codes")).click()
            assert page.url == base + "/hr/"
        else:
            assert page.url == base + "/executive/"
        assert page.get_by_role("heading", level=1).inner_text() == home_heading
        # The link is spent.
        page.goto(base + link)
        assert "already been used" in page.content()
        person.close()


def test_a_rejected_request_is_told_the_reason(browser, live_server, reference_data):
    base = live_server.url
    personas = make_personas()
    person = browser.new_context()
    request_access(person.new_page(), base, "hr", "Rita Reject", "rita.reject@usda.gov", "Department of Agriculture")
    context, page = review(browser, base, personas.agency_admin, "Rita Reject")
    page.fill("#id_reason", "Your supervisor told us you have moved to another office.")
    page.get_by_role("button", name="Reject").click()
    assert "Rejected." in page.content()
    context.close()
    person.close()
    [rejection] = [m for m in delivered_to("rita.reject@usda.gov") if "received" not in m.subject]
    assert "Your supervisor told us you have moved to another office." in rejection.body

"""Pages of this app checked site-wide (one <h1>, accessibility). See soars.core.testing.Page."""

from soars.core.testing import Page, also_as


def set_password_link(personas) -> str:
    """The password page as a person arriving from an approval email sees it."""
    from soars.accounts.factories import ExecutiveFactory
    from soars.accounts.models import OneTimeLink

    user = ExecutiveFactory(password=None)
    _, token = OneTimeLink.issue(user, OneTimeLink.Purpose.FIRST_PASSWORD)
    return f"/set-password/{token}/"


def mfa_setup(personas) -> str:
    """The first sign-in of HR staff, who have no authenticator yet."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.filter(user=personas.hr_a).delete()
    return "/login/mfa/setup/"


def mfa_verify(personas) -> str:
    """The sign-in code page of HR staff who set up an authenticator before."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.create(user=personas.hr_a, name="Authenticator app", confirmed=True)
    return "/login/mfa/"


def _request_fields(**fields) -> dict:
    """A request-access form as a person leaves it: every field sent, most of them empty."""
    empty = dict.fromkeys(
        ["full_name", "email", "agency", "sub_element", "position_title", "verifier_name", "verifier_title"], ""
    )
    return {**empty, "verifier_email": "", **fields}


def executive_request_invalid(personas) -> dict:
    """A personal address, a bureau of another department, a CDP graduate certified in the future."""
    from soars.core.models import Agency, EligibilityCategory

    return _request_fields(
        full_name="Pat Lee",
        email="pat@gmail.com",
        agency=personas.agency_a.pk,
        sub_element=Agency.objects.filter(parent=personas.agency_b).first().pk,
        eligibility=EligibilityCategory.objects.get(code="cdp_graduate").pk,
        cdp_certified_on="2999-01-01",
        verifier_email="pat@gmail.com",
    )


def hr_request_invalid(personas) -> dict:
    return _request_fields(full_name="Pat Lee", email="not an address", verifier_email="pat@example.com")


EMPTY_CODE = {"otp_token": ""}
WRONG_CODE = {"otp_token": "000000"}

PAGES = [
    Page("/login/"),
    Page("/request-access/"),
    Page("/request-access/executive/"),
    Page("/request-access/hr/"),
    Page("/request-access/sent/"),
    Page("/password-reset/"),
    Page("/password-reset/sent/"),
    Page("/set-password/not-a-real-token/"),
    Page(set_password_link),
    Page("/executive/", user="executive"),
    Page("/account/security/", user="executive"),
    Page("/account/security/", user="hr_a"),
    Page("/account/security/", user="agency_admin"),
    Page("/hr/", user="hr_a"),
    Page("/hr/", user="agency_admin"),
    Page("/manage/", user="site_admin"),
    # Forms with errors: sent empty, and with what a person may get wrong.
    Page("/login/", data={"username": "", "password": ""}),
    Page("/login/", data={"username": "pat@agency.gov", "password": "not the password at all"}),
    Page("/request-access/executive/", data=_request_fields()),
    Page("/request-access/executive/", data=executive_request_invalid),
    Page("/request-access/hr/", data=_request_fields()),
    Page("/request-access/hr/", data=hr_request_invalid),
    Page("/password-reset/", data={"email": ""}),
    Page("/password-reset/", data={"email": "not an address"}),
    Page(set_password_link, data={"new_password1": "", "new_password2": ""}, action="/set-password/"),
    Page(
        set_password_link,
        data={"new_password1": "passwordpassword", "new_password2": "something else entirely"},
        action="/set-password/",
    ),
    # The sign-in code steps, after the password.
    Page(mfa_setup, user="hr_a", password_only=True),
    Page(mfa_setup, user="hr_a", password_only=True, data=EMPTY_CODE),
    Page(mfa_setup, user="hr_a", password_only=True, data=WRONG_CODE),
    Page(mfa_verify, user="hr_a", password_only=True),
    Page(mfa_verify, user="hr_a", password_only=True, data=WRONG_CODE),
    # Refusals.
    Page("/hr/", user="executive", status=403),
    Page("/manage/", user="hr_a", status=403),
    Page("/no/such/page/", status=404),
    Page("/no/such/page/", user="executive", status=404),
    *also_as("agency_admin", [Page("/executive/", status=403)]),
]

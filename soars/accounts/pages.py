"""Pages of this app checked site-wide (one <h1>, accessibility). See soars.core.testing.Page."""

from soars.core.testing import Page


def set_password_link(personas) -> str:
    """The password page as a person arriving from an approval email sees it."""
    from soars.accounts.factories import ExecutiveFactory
    from soars.accounts.models import OneTimeLink

    user = ExecutiveFactory(password=None)
    _, token = OneTimeLink.issue(user, OneTimeLink.Purpose.FIRST_PASSWORD)
    return f"/set-password/{token}/"


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
    Page("/hr/", user="hr_a"),
    Page("/hr/", user="agency_admin"),
    Page("/manage/", user="site_admin"),
]

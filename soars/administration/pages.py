"""Pages of the administration console, checked site-wide (one <h1>, accessibility)."""

from soars.core.testing import Page


def request_detail(personas) -> str:
    from soars.accounts.factories import HrAccessRequestFactory

    return HrAccessRequestFactory(agency=personas.agency_a).get_absolute_url()


def account_detail(personas) -> str:
    return f"/manage/accounts/{personas.hr_a.pk}/"


PAGES = [
    Page("/manage/requests/", user="site_admin"),
    Page("/manage/requests/", user="agency_admin"),
    Page(request_detail, user="site_admin"),
    Page("/manage/accounts/", user="site_admin"),
    Page(account_detail, user="site_admin"),
    Page("/manage/audit/", user="site_admin"),
]

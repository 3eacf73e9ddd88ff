"""Pages of the administration console, checked site-wide (one <h1>, accessibility)."""

from soars.core.testing import Page, also_as


def request_detail(personas) -> str:
    from soars.accounts.factories import HrAccessRequestFactory

    return HrAccessRequestFactory(agency=personas.agency_a).get_absolute_url()


def account_detail(personas) -> str:
    return f"/manage/accounts/{personas.hr_a.pk}/"


def accounts_page_two(personas) -> str:
    from soars.accounts.factories import HrFactory

    HrFactory.create_batch(55, agency=personas.agency_a)
    return "/manage/accounts/?role=hr&active=yes&page=2"


def audit_page_two(personas) -> str:
    from soars.audit.models import AuditEvent

    AuditEvent.objects.bulk_create(
        AuditEvent(action="login", actor=personas.hr_a, actor_email=personas.hr_a.email, agency=personas.agency_a)
        for _ in range(60)
    )
    return f"/manage/audit/?action=login&agency={personas.agency_a.pk}&page=2"


def requests_of_every_status(personas) -> str:
    request_detail(personas)
    return "/manage/requests/?status=all&role=hr"


def diversity_report(personas):
    """Enough executives for shown and hidden counts: twelve who answered, three who did not."""
    from soars.accounts.factories import ExecutiveFactory
    from soars.diversity.models import SelfIdentification

    for index in range(15):
        executive = ExecutiveFactory(agency=personas.hr_a.agency)
        if index < 12:
            races = ["white"] if index < 8 else ["asian"]
            SelfIdentification.objects.create(person=executive, ethnicity="not_hispanic", races=races, sex="female")
    return "/manage/diversity/"


def agency_change(personas):
    from soars.core.models import Agency

    return f"/manage/agencies/{Agency.objects.get(code='AG').pk}/"


PAGES = [
    Page("/manage/requests/", user="site_admin"),
    Page(request_detail, user="site_admin"),
    Page("/manage/accounts/", user="site_admin"),
    Page(account_detail, user="site_admin"),
    Page("/manage/audit/", user="site_admin"),
    Page(requests_of_every_status, user="site_admin"),
    Page(accounts_page_two, user="site_admin"),
    Page(audit_page_two, user="site_admin"),
    Page("/manage/audit/?since=not-a-date&until=2020-13-45", user="site_admin"),
    Page("/manage/accounts/999999/", user="site_admin", status=404),
    Page("/manage/accounts/", user="agency_admin", status=403),
    # Forms with errors.
    Page(request_detail, user="site_admin", data={"reason": ""}, action="reject/"),
    Page(account_detail, user="site_admin", data={"role": "", "agency": ""}),
    # An agency administrator reviews the HR requests of the agency.
    *also_as(
        "agency_admin",
        [
            Page("/manage/requests/"),
            Page(request_detail),
            Page(requests_of_every_status),
            Page(request_detail, data={"reason": "No"}, action="reject/"),
        ],
    ),
    # Self-identification totals: the program office only.
    Page(diversity_report, user="site_admin"),
    Page("/manage/diversity/?characteristic=veteran&group=interest", user="site_admin"),
    Page("/manage/diversity/", user="agency_admin", status=403),
    # Agencies: the program office only.
    Page("/manage/agencies/", user="site_admin"),
    Page("/manage/agencies/new/", user="site_admin"),
    Page(agency_change, user="site_admin"),
    Page("/manage/agencies/new/", user="site_admin", data={"code": "a", "name": "", "kind": "sub_element"}),
    Page("/manage/agencies/", user="agency_admin", status=403),
]

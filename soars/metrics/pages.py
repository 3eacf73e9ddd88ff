"""The metrics pages, checked site-wide (one <h1>, accessibility), with data and without."""

from soars.core.testing import Page


def with_data(personas) -> str:
    """A little of everything, so that every chart is drawn."""
    from soars.metrics.tests.data import small_program

    small_program(personas)
    return "/manage/metrics/"


def agency_with_data(personas) -> str:
    with_data(personas)
    return "/hr/metrics/?period=12&type=detail"


PAGES = [
    Page("/manage/metrics/", user="site_admin"),
    Page(with_data, user="site_admin"),
    Page("/manage/metrics/?agency=AG&type=detail&period=4", user="site_admin"),
    Page("/manage/metrics/?agency=nowhere&period=99999999999", user="site_admin"),
    Page("/hr/metrics/", user="hr_a"),
    Page(agency_with_data, user="hr_a"),
    Page("/manage/metrics/", user="agency_admin", status=403),
    Page("/hr/metrics/", user="executive", status=403),
]

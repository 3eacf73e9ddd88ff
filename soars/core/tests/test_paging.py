"""The pagination bar's page numbers (core/templatetags/paging.py)."""

import pytest
from django.core.paginator import Paginator

from soars.core.templatetags.paging import page_numbers


def test_the_bar_links_the_first_and_last_pages_and_two_either_side_of_this_one():
    paginator = Paginator(range(47_000), 25)
    assert page_numbers(paginator.page(1)) == [1, 2, 3, 1880]
    assert page_numbers(paginator.page(10)) == [1, 8, 9, 10, 11, 12, 1880]
    assert page_numbers(paginator.page(1880)) == [1, 1878, 1879, 1880]


def test_a_few_pages_are_all_linked():
    assert page_numbers(Paginator(range(60), 25).page(2)) == [1, 2, 3]


# Page numbers from the address bar: every paginated list answers, whatever the number.

HOSTILE_NUMBERS = ["9223372036854775807", "9" * 30, "-1", "0", "abc", "1e9", "", "１"]
HUGE = {"9223372036854775807", "9" * 30}
# Every list with a pagination bar (core/includes/pagination.html), as someone who may see it.
LISTS = [
    ("/whats-new/", None),
    ("/opportunities/", "executive"),
    ("/opportunities/?q=director", "executive"),
    ("/executive/interests/", "executive"),
    ("/executive/resume/viewers/", "executive"),
    ("/hr/opportunities/", "hr_a"),
    ("/hr/resumes/", "hr_a"),
    ("/hr/resumes/?q=officer", "hr_a"),
    ("/manage/requests/", "agency_admin"),
    ("/manage/requests/", "site_admin"),
    ("/manage/accounts/", "site_admin"),
    ("/manage/audit/", "site_admin"),
    ("/manage/messages/", "site_admin"),
    ("/manage/whats-new/", "site_admin"),
]


@pytest.fixture
def listed(personas):
    """Something in the search lists, so that they have pages to read."""
    from soars.opportunities.factories import OpenOpportunityFactory
    from soars.resumes.factories import complete_resume

    complete_resume(personas.executive)
    OpenOpportunityFactory.create_batch(3)


@pytest.mark.django_db
@pytest.mark.parametrize("number", HOSTILE_NUMBERS)
@pytest.mark.parametrize(("path", "who"), LISTS)
def test_no_page_number_breaks_a_list(client, client_as, personas, listed, path, who, number):
    if who:
        client = client_as(personas.by_name(who))
    response = client.get(f"{path}{'&' if '?' in path else '?'}page={number}")
    assert response.status_code == 200
    page = response.context["page"]
    assert page.number == page.paginator.num_pages if number in HUGE else page.number in (1, page.paginator.num_pages)


@pytest.mark.django_db
@pytest.mark.parametrize("number", sorted(HUGE))
def test_a_search_past_its_end_shows_its_last_page(client_as, personas, listed, monkeypatch, number):
    from soars.opportunities import views_executive

    monkeypatch.setattr(views_executive, "PER_PAGE", 1)
    response = client_as(personas.executive).get(f"/opportunities/?q=director&page={number}")
    assert response.status_code == 200
    page = response.context["page"]
    assert page.paginator.num_pages == 3
    assert page.number == 3 and len(page.object_list) == 1

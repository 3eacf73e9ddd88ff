"""The pagination bar's page numbers (core/templatetags/paging.py)."""

from django.core.paginator import Paginator

from soars.core.templatetags.paging import page_numbers


def test_the_bar_links_the_first_and_last_pages_and_two_either_side_of_this_one():
    paginator = Paginator(range(47_000), 25)
    assert page_numbers(paginator.page(1)) == [1, 2, 3, 1880]
    assert page_numbers(paginator.page(10)) == [1, 8, 9, 10, 11, 12, 1880]
    assert page_numbers(paginator.page(1880)) == [1, 1878, 1879, 1880]


def test_a_few_pages_are_all_linked():
    assert page_numbers(Paginator(range(60), 25).page(2)) == [1, 2, 3]

"""Page numbers for the pagination bar (core/includes/pagination.html)."""

from __future__ import annotations

from django import template
from django.core.paginator import Page

register = template.Library()


@register.filter
def page_numbers(page: Page) -> list[int]:
    """The numbers the bar links to: the first and last pages and two either side of this one.

    Computed from the numbers around the current page, not by looking at every page: a broad
    search has thousands of pages.
    """
    return [
        number
        for number in page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
        if number != page.paginator.ELLIPSIS
    ]

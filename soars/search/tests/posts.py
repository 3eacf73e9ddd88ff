"""Searches over What's New posts, shared by the ranking tests (test_ranking, test_estimates)."""

from soars.core.models import WhatsNewPost
from soars.search.engine import page_records, search


def ranked(text: str):
    return search(WhatsNewPost.objects.published(), text, kind="post")


def whole_text_order(text: str) -> list[int]:
    """Every match ranked by its whole text: the order of a search reading every match."""
    results = ranked(text)
    return [post.pk for post in page_records(results, 0, results.count())]

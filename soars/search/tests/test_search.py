"""search(): matching, stemming, the query language, ranking, visibility and hostile input, on either database."""

import pytest
from django.core.paginator import Paginator
from django.db import connection, transaction

from soars.core.models import Agency, WhatsNewPost
from soars.search.engine import best, find, index_object, remove_object, search
from soars.search.models import SearchDocument

pytestmark = pytest.mark.django_db


def titles(queryset) -> list[str]:
    return [post.title for post in queryset]


def visible():
    return WhatsNewPost.objects.published()


def test_a_word_in_the_body_finds_the_record(make_post):
    make_post("Budget office", "We modernized the acquisition workflow.")
    make_post("Unrelated", "Nothing to see.")
    assert titles(search(visible(), "acquisition", kind="post")) == ["Budget office"]


def test_words_are_stemmed(make_post):
    make_post("Finance", "Managed budgets for three bureaus.")
    assert titles(search(visible(), "budget managing", kind="post")) == ["Finance"]


def test_leading_finds_a_resume_that_says_led(make_post):
    make_post("Change", "Led a team of 400 through a reorganization.")
    assert titles(search(visible(), "leading", kind="post")) == ["Change"]


def test_led_finds_a_resume_that_says_leading(make_post):
    make_post("Change", "Leading a team of 400 through a reorganization.")
    assert titles(search(visible(), "led", kind="post")) == ["Change"]


def test_every_word_must_match(make_post):
    make_post("Both", "cyber security audit")
    make_post("One", "cyber operations")
    assert titles(search(visible(), "cyber audit", kind="post")) == ["Both"]


def test_a_phrase_needs_its_words_together_and_in_order(make_post):
    make_post("Together", "led acquisition reform across the agency")
    make_post("Apart", "reform of the acquisition office")
    assert titles(search(visible(), '"acquisition reform"', kind="post")) == ["Together"]


def test_or_finds_either_word(make_post):
    make_post("Cyber", "cyber operations")
    make_post("Wildfire", "wildfire response")
    make_post("Neither", "grants management")
    assert set(titles(search(visible(), "cyber OR wildfire", kind="post"))) == {"Cyber", "Wildfire"}


def test_a_minus_word_excludes_records_that_have_it(make_post):
    make_post("Keep", "budget formulation")
    make_post("Drop", "budget formulation for contractors")
    assert titles(search(visible(), "budget -contractors", kind="post")) == ["Keep"]


def test_a_query_of_only_exclusions_returns_everything_else(make_post):
    make_post("Keep", "budget formulation")
    make_post("Drop", "contract oversight")
    assert titles(search(visible(), "-contract", kind="post")) == ["Keep"]


def test_an_empty_query_returns_the_queryset_unchanged(make_post):
    make_post("One", "a")
    make_post("Two", "b")
    assert search(visible(), "  ", kind="post").count() == 2


def test_a_match_in_the_title_ranks_above_a_match_in_the_body(make_post):
    make_post("Weather services", "Field offices across the country.")
    make_post("Field offices", "Coordinated weather services with the states and other partners.")
    ranked = best(visible(), "weather", kind="post", limit=10)
    assert [WhatsNewPost.objects.get(pk=key).title for key, _ in ranked] == ["Weather services", "Field offices"]
    assert ranked[0][1] > ranked[1][1]


def test_search_keeps_the_callers_visibility_filter(make_post):
    make_post("Published", "wildfire response")
    make_post("Not yet published", "wildfire response", hidden=True)
    result = search(visible(), "wildfire", kind="post")
    assert titles(result) == ["Published"]
    assert result.count() == 1


def test_search_only_matches_documents_of_its_kind(make_post):
    make_post("Agriculture news", "agriculture")
    index_object(Agency.objects.get(code="AG"))  # another kind: its id may be a post's too
    assert search(visible(), "agriculture", kind="post").count() == 1


def test_results_can_be_paginated(make_post):
    for number in range(25):
        make_post(f"Post {number}", "telework policy")
    page = Paginator(search(visible(), "telework", kind="post"), 10).page(3)
    assert len(page.object_list) == 5
    assert page.paginator.count == 25


def test_results_can_be_reordered_by_the_caller(make_post):
    first = make_post("Older", "telework")
    second = make_post("Newer", "telework")
    reordered = search(visible(), "telework", kind="post").order_by("-pk")
    assert [p.pk for p in reordered] == [second.pk, first.pk]


def test_a_removed_record_no_longer_matches(make_post):
    post = make_post("Gone", "wildfire")
    remove_object(post)
    assert search(visible(), "wildfire", kind="post").count() == 0


def test_reindexing_replaces_the_old_text(make_post):
    post = make_post("Topic", "wildfire")
    post.body = "hurricane"
    post.save()
    index_object(post)
    assert search(visible(), "wildfire", kind="post").count() == 0
    assert search(visible(), "hurricane", kind="post").count() == 1
    assert SearchDocument.objects.filter(kind="post", object_id=post.pk).count() == 1


def test_a_document_change_rolls_back_with_the_records_transaction(make_post):
    post = make_post("Topic", "wildfire")
    with pytest.raises(RuntimeError), transaction.atomic():
        post.body = "hurricane"
        post.save()
        index_object(post)
        raise RuntimeError("the request failed after saving")
    assert search(visible(), "wildfire", kind="post").count() == 1
    assert search(visible(), "hurricane", kind="post").count() == 0


def test_names_are_searchable_as_words(db):
    from soars.core.models import Agency

    agency = Agency.objects.get(code="AG")
    index_object(agency)
    assert list(search(Agency.objects.all(), "USDA", kind="agency")) == [agency]


HOSTILE = [
    '") OR 1=1 --',
    "'; DROP TABLE search_searchdocument; --",
    '"unbalanced',
    'un"balanced "quotes',
    "-",
    "- - -",
    "OR",
    "AND OR NOT",
    "NEAR(",
    "NEAR(budget reform, 2)",
    "*",
    "budget*",
    "title:budget",
    "^budget",
    "body : x",
    "!!budget & | ( ) <-> :*",
    "%_%",
    "\\",
    "\x00\x02\x03",
    "ＢＵＤＧＥＴ",
    "budg\u0301et",
    "ß ﬁ İ",
    "🙂 budget",
    "a" * 100_000,
    "budget " * 5_000,
    '"' * 1000,
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_queries_never_raise_a_database_error(make_post, text):
    from soars.search.engine import snippets

    post = make_post("Budget", "budget formulation and execution")
    result = search(visible(), text, kind="post")
    list(result[:10])
    result.count()
    snippets("post", [post.pk], text)


def test_a_results_page_carries_its_total(make_post):
    for number in range(25):
        make_post(f"Post {number}", "telework policy")
    make_post("Hidden", "telework", hidden=True)
    page, _ = find(visible(), "telework", kind="post", page=2, per_page=10).page, None
    assert page.paginator.count == 25
    assert len(page.object_list) == 10
    assert page.has_next() and page.has_previous()


def test_a_results_page_beyond_the_end_is_the_last_page(make_post):
    for number in range(12):
        make_post(f"Post {number}", "telework")
    page, _ = find(visible(), "telework", kind="post", page="99", per_page=10).page, None
    assert page.number == 2
    assert len(page.object_list) == 2


def test_a_results_page_of_no_results_is_empty(make_post):
    page, _ = find(visible(), "nothing", kind="post", page="not a number").page, None
    assert page.paginator.count == 0
    assert list(page.object_list) == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's storage of the vector")
def test_a_documents_vector_is_kept_in_its_row_compressed(make_post):
    # Ranking reads every match's vector: from the row, not from TOAST storage (migration 0003).
    make_post("Long", " ".join(f"word{number} budget" for number in range(3000)))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attname, attstorage FROM pg_attribute WHERE attrelid = 'search_searchdocument'::regclass"
            " AND attname IN ('search_vector', 'body')"
        )
        assert dict(cursor.fetchall()) == {"search_vector": "m", "body": "x"}
        cursor.execute("SELECT pg_column_compression(search_vector) FROM search_searchdocument WHERE title = 'Long'")
        assert cursor.fetchone()[0] == "lz4"  # this server has lz4 (see the migration)

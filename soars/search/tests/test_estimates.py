"""Broad searches (soars.search.facets._estimated): the total and facets counted over a sample of
the matching documents, the page picked from candidates (head matches, then the best of the
sample) ranked by their whole text; hidden records never sampled, listed or ranked."""

import math
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from soars.core.models import WhatsNewPost
from soars.search import facets
from soars.search.backends import backend_for
from soars.search.engine import results_with_facets
from soars.search.models import SearchDocument
from soars.search.tests.posts import ranked, whole_text_order

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        backend_for(connection.vendor).estimate_limit is None, reason="this backend always reads every match"
    ),
]


@pytest.fixture
def broad(monkeypatch):
    """broad(candidates, every=1, fewest=1): treat every search as broad."""

    def set_to(candidates: int, every: int = 1, fewest: int = 1) -> None:
        monkeypatch.setattr(type(backend_for(connection.vendor)), "estimate_limit", 0)
        monkeypatch.setattr(facets, "CANDIDATES", candidates)
        monkeypatch.setattr(facets, "EVERY", every)
        monkeypatch.setattr(facets, "FEWEST", fewest)

    return set_to


def test_the_page_lists_head_matches_then_the_best_of_the_sample_ranked_by_whole_text(wildfire_posts, broad):
    broad(candidates=3)  # the sample is every document (every=1)
    page, found = results_with_facets(ranked("wildfire"), [], 1, per_page=3)
    heads = {wildfire_posts["title_and_body"], wildfire_posts["title"]}
    best_of_the_rest = next(pk for pk in whole_text_order("wildfire") if pk not in heads)
    candidates = heads | {best_of_the_rest}
    assert set(found.ranks) == candidates  # only the candidates were ranked, by their whole text
    assert [post.pk for post in page] == [pk for pk in whole_text_order("wildfire") if pk in candidates]
    exact = dict(ranked("wildfire").filter(pk__in=candidates).values_list("pk", "rank"))
    assert found.ranks == pytest.approx(exact)


def test_head_matches_filling_the_candidates_leave_the_sample_to_counting(wildfire_posts, broad):
    broad(candidates=2)  # the two head matches are every candidate
    page, found = results_with_facets(ranked("wildfire"), [], 1, per_page=2)
    titled = {wildfire_posts["title_and_body"], wildfire_posts["title"]}
    heads = [pk for pk in whole_text_order("wildfire") if pk in titled]
    assert found.total_estimated and found.total == len(wildfire_posts)
    assert [post.pk for post in page] == heads and set(found.ranks) == set(heads)


def test_the_total_is_estimated_from_every_kth_document_and_says_about(make_post, broad):
    broad(candidates=2, every=2)
    posts = [make_post(f"Notes {n}", "wildfire").pk for n in range(9)]
    hidden = [make_post("Secret", "wildfire", hidden=True).pk for _ in range(4)]
    # SQLite samples by the document's key (its row in the full-text index), PostgreSQL by the record's.
    key = "object_id" if connection.vendor == "postgresql" else "id"
    even = SearchDocument.objects.filter(kind="post", object_id__in=posts).extra(where=[f"{key} %% 2 = 0"]).count()
    page, found = results_with_facets(ranked("wildfire"), [], 1, per_page=2)
    assert found.total_estimated and page.paginator.estimated
    assert found.total == 2 * even  # every second document sampled, hidden ones never counted
    assert not {post.pk for post in page} & set(hidden)


def test_hidden_records_are_never_sampled_listed_or_ranked(make_post, broad):
    broad(candidates=2)
    hidden = {make_post("Wildfire secret", "wildfire", hidden=True).pk for _ in range(3)}
    shown = {make_post("Wildfire notes", "a wildfire").pk, make_post("More notes", "wildfire again").pk}
    page, found = results_with_facets(ranked("wildfire"), [], 1, per_page=2)
    assert found.total_estimated and {post.pk for post in page} == shown
    assert found.total == 2 and not set(found.ranks) & hidden


def test_excluded_words_exclude_head_matches_that_have_them_anywhere(make_post, broad):
    broad(candidates=2)
    drill = make_post("Wildfire schedule", "the drill starts at noon").pk  # drill only in the body
    kept = {make_post("Wildfire plan", "the plan").pk, make_post("Notes", "wildfire").pk}
    page, found = results_with_facets(ranked("wildfire -drill"), [], 1, per_page=2)
    assert found.total_estimated and {post.pk for post in page} == kept and drill not in found.ranks


def test_too_few_sampled_records_are_counted_exactly(wildfire_posts, broad):
    broad(candidates=3, fewest=len(wildfire_posts) + 1)
    page, found = results_with_facets(ranked("wildfire"), [], 1, per_page=3)
    assert not found.total_estimated and not page.paginator.estimated
    assert found.total == len(wildfire_posts) and found.ranks is None
    assert [post.pk for post in page] == whole_text_order("wildfire")[:3]


def test_a_page_reaching_past_the_candidates_found_is_counted_exactly(wildfire_posts, broad):
    broad(candidates=10, every=2)  # the two head matches and the sampled half of the rest
    page, found = results_with_facets(ranked("wildfire"), [], 1, per_page=6)
    assert not found.total_estimated and found.total == len(wildfire_posts)
    assert [post.pk for post in page] == whole_text_order("wildfire")[:6]


def test_pages_past_the_candidates_are_counted_exactly_and_list_every_match_once(wildfire_posts, broad):
    broad(candidates=3)
    page, found = results_with_facets(ranked("wildfire"), [], 2, per_page=3)  # records 4 to 6
    assert not found.total_estimated and found.total == len(wildfire_posts)
    assert [post.pk for post in page] == whole_text_order("wildfire")[3:6]


def test_sorting_by_date_is_never_estimated(wildfire_posts, broad):
    broad(candidates=3)
    newest = ranked("wildfire").order_by("-published_at", "-pk")
    page, found = results_with_facets(newest, [], 1, per_page=3)
    assert not found.total_estimated
    assert [post.pk for post in page] == list(newest.values_list("pk", flat=True)[:3])


def test_a_search_under_the_limit_is_counted_exactly(wildfire_posts):
    _, found = results_with_facets(ranked("wildfire"), [], 1, per_page=3)
    assert not found.total_estimated and found.total == len(wildfire_posts)


def test_a_large_list_without_words_is_counted_over_every_kth_record(make_post, broad):
    broad(candidates=10, every=2)
    posts = [make_post(f"Notes {n}", "text").pk for n in range(9)]
    hidden = [make_post("Secret", "text", hidden=True).pk for _ in range(4)]
    newest = WhatsNewPost.objects.published().order_by("-published_at", "-pk")
    page, found = results_with_facets(newest, [], 1, per_page=3)
    assert found.total_estimated and page.paginator.estimated
    assert found.total == 2 * sum(1 for pk in posts if pk % 2 == 0)  # hidden posts never counted
    assert [post.pk for post in page] == list(newest.values_list("pk", flat=True)[:3])
    assert not {post.pk for post in page} & set(hidden)


def test_a_list_without_words_under_the_limit_is_counted_exactly(make_post, broad):
    broad(candidates=10, every=2, fewest=100)
    for n in range(5):
        make_post(f"Notes {n}", "text")
    _, found = results_with_facets(WhatsNewPost.objects.published().order_by("-pk"), [], 1, per_page=3)
    assert not found.total_estimated and found.total == 5


def test_a_kind_with_few_documents_is_never_estimated_for_other_kinds_matches(make_post, broad, monkeypatch):
    from soars.core.models import Agency
    from soars.search.engine import index_object

    broad(candidates=1)
    monkeypatch.setattr(type(backend_for(connection.vendor)), "estimate_limit", 2)
    for agency in Agency.objects.filter(parent__isnull=True)[:5]:  # five "department" documents of another kind
        index_object(agency)
    posts = [make_post("Notes", "the department plan").pk, make_post("More", "department budget").pk]
    page, found = results_with_facets(ranked("department"), [], 1, per_page=1)
    assert not found.total_estimated and found.total == 2 and page[0].pk in posts


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's partial index")
def test_the_sample_is_looked_for_with_the_partial_index_predicate(make_post, broad):
    from django.test.utils import CaptureQueriesContext

    broad(candidates=2, every=facets.EVERY)
    for n in range(3):
        make_post(f"Notes {n}", "wildfire")
    with CaptureQueriesContext(connection) as statements:
        results_with_facets(ranked("wildfire"), [], 1, per_page=2)
    predicate = f"object_id % {facets.EVERY} = 0"
    assert any(predicate in statement["sql"] for statement in statements.captured_queries)
    with connection.cursor() as cursor:  # the planner uses a partial index only for its own predicate
        index = "'search_document_sample'::regclass"
        cursor.execute(f"SELECT pg_get_expr(indpred, indrelid) FROM pg_index WHERE indexrelid = {index}")
        assert cursor.fetchone()[0] == f"((object_id % ({facets.EVERY})::bigint) = 0)"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL samples records by key")
def test_facets_of_a_sample_by_key_are_counted_over_about_sample_records(make_post, broad, monkeypatch):
    broad(candidates=2, every=4)
    monkeypatch.setattr(facets, "SAMPLE", 2)
    for n in range(64):
        make_post(f"Notes {n}", "wildfire")
    _, found = results_with_facets(ranked("wildfire"), ["created_by"], 1, per_page=2)
    assert found.total_estimated and found.total == 64  # every 4th of 64 consecutive keys, scaled up
    counted = found.total / found.scale
    assert counted <= 4  # every 8th of the 16 sampled, not every 8th key (half of those)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's partial index")
def test_a_large_limit_is_judged_from_the_documents_of_every_32nd_record():
    from soars.search.backends.postgres import INDEXED_EVERY, JUDGED_FROM
    from soars.search.engine import index_document
    from soars.search.query import parse

    backend, limit = backend_for(connection.vendor), INDEXED_EVERY * JUDGED_FROM  # 800
    for n in range(1, JUDGED_FROM + 2):  # 26 matching documents, all of sampled records: about 832
        index_document("probe", n * INDEXED_EVERY, title="", body="wildfire")
    for n in range(1, 60):  # more of unsampled records: not seen
        index_document("probe", n * INDEXED_EVERY + 1, title="", body="wildfire")
    assert backend.matches_more_than(limit, "probe", parse("wildfire"), connection)
    assert not backend.matches_more_than(limit + INDEXED_EVERY, "probe", parse("wildfire"), connection)
    assert not backend.matches_more_than(limit, "probe", parse("smoke"), connection)
    assert INDEXED_EVERY == facets.EVERY  # the index holds the sample that broad searches count


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL judges from its sample")
def test_a_narrow_search_is_judged_from_the_sample_once(wildfire_posts):
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as statements:
        page, found = results_with_facets(ranked("wildfire"), [], 1, per_page=3)
    judged = [q for q in statements.captured_queries if f"object_id % {facets.EVERY} = 0" in q["sql"]]
    assert len(judged) == 1  # not broad, so not past exact_limit either: no second count
    assert not found.total_estimated and [post.pk for post in page] == whole_text_order("wildfire")[:3]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL thins a large sample")
def test_a_large_sample_is_thinned_to_every_second_fourth_and_so_on_of_its_keys(make_post, broad, monkeypatch):
    from soars.search.backends import postgres

    broad(candidates=2, every=2)
    monkeypatch.setattr(postgres, "THINNED", 4)
    posts = [make_post(f"Notes {n}", "wildfire").pk for n in range(40)]
    hidden = [make_post("Secret", "wildfire", hidden=True).pk for _ in range(8)]
    documents = [pk for pk in posts + hidden if pk % 2 == 0]  # about 24 sampled documents: thinned 8-fold
    factor = 2 ** math.ceil(math.log2(len(documents) / 4))
    kept = [pk for pk in posts if pk % (2 * factor) == 0]
    page, found = results_with_facets(ranked("wildfire"), [], 1, per_page=2)
    assert found.total_estimated and found.total == 2 * factor * len(kept)  # hidden posts never counted
    assert found.scale == 2 * factor
    assert not {post.pk for post in page} & set(hidden)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL thins a large sample")
def test_a_thinned_sample_finding_too_few_is_counted_whole(make_post, broad, monkeypatch):
    from soars.search.backends import postgres

    posts = [make_post(f"Notes {n}", "wildfire").pk for n in range(40)]
    sampled = [pk for pk in posts if pk % 2 == 0]
    thinned = [pk for pk in sampled if pk % 4 == 0]
    broad(candidates=2, every=2, fewest=len(thinned) + 1)  # too few in the thinned sample, enough in all of it
    monkeypatch.setattr(postgres, "THINNED", len(sampled) - 1)  # thinned to every second
    _, found = results_with_facets(ranked("wildfire"), [], 1, per_page=2)
    assert found.total_estimated and found.total == 2 * len(sampled) and found.scale == 2


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL lists the best heads first")
def test_heads_of_the_same_rank_are_picked_most_recently_updated_first(make_post, broad):
    broad(candidates=1)
    older, newer = make_post("Wildfire notes", "crews").pk, make_post("Wildfire notes", "crews").pk
    SearchDocument.objects.filter(kind="post", object_id=newer).update(updated_at=timezone.now() + timedelta(hours=1))
    page, found = results_with_facets(ranked("wildfire"), [], 1, per_page=1)
    assert [post.pk for post in page] == [newer] and older < newer  # not the lower key
    assert set(found.ranks) == {newer}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL lists records without their documents")
def test_sampled_and_head_records_are_read_without_their_documents(make_post):
    from soars.search.backends.postgres import _records

    shown = [make_post("Wildfire notes", "crews").pk, make_post("Notes", "wildfire").pk]
    hidden = make_post("Wildfire secret", "crews", hidden=True).pk
    other = make_post("Budget", "money").pk  # its document does not match: listed by key, it is not checked again
    records = _records(ranked("wildfire"), [*shown, hidden, other])
    assert "search_searchdocument" not in str(records.query)  # neither joined nor matched again
    assert sorted(records.values_list("pk", flat=True)) == sorted([*shown, other])  # visibility still holds
    assert set(records.values_list("rank", flat=True)) == {0.0}

"""find(): the search page's page, total and facets in one statement, and the forgiving parts."""

import pytest
from django.db import connection

from soars.core.models import Agency, WhatsNewPost
from soars.search.backends import backend_for, base
from soars.search.engine import best, find, index_object
from soars.search.query import parse

pytestmark = pytest.mark.django_db


def visible():
    return WhatsNewPost.objects.published()


def keys(found) -> list[int]:
    return [post.pk for post in found.page]


def ranked_by_the_orm(text: str) -> list[int]:
    """Every match of the backend's own statement that the queryset holds, sorted here: best first."""
    sql, params = backend_for(connection.vendor).matches("post", parse(text))
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        ranks = dict(cursor.fetchall())
    shown = set(visible().values_list("pk", flat=True))
    return sorted((key for key in ranks if key in shown), key=lambda key: (-ranks[key], key))


def test_the_first_page_is_the_exact_top_of_the_ranking(wildfire_posts):
    found = find(visible(), "wildfire", kind="post", per_page=3)
    assert keys(found) == ranked_by_the_orm("wildfire")[:3]
    assert keys(found)[:2] == [wildfire_posts["title_and_body"], wildfire_posts["title"]]  # the title weighs most


def test_pages_follow_one_another_in_the_ranking(wildfire_posts):
    pages = [keys(find(visible(), "wildfire", kind="post", page=n, per_page=3)) for n in (1, 2, 3)]
    assert [key for page in pages for key in page] == ranked_by_the_orm("wildfire")


def test_best_gives_the_same_order_with_ranks(wildfire_posts):
    pairs = best(visible(), "wildfire", kind="post", limit=3)
    assert [key for key, _ in pairs] == ranked_by_the_orm("wildfire")[:3]
    assert pairs[0][1] >= pairs[1][1] >= pairs[2][1] > 0


def test_the_caller_may_sort_otherwise(make_post):
    older, newer = make_post("Older", "telework"), make_post("Newer", "telework telework")
    found = find(visible(), "telework", kind="post", order=["published_at"])
    assert keys(found) == [older.pk, newer.pk]


def test_the_total_is_exact_up_to_the_cap_then_more_than(make_post, monkeypatch):
    for number in range(6):
        make_post(f"Post {number}", "telework")
    assert find(visible(), "telework", kind="post").total == 6
    monkeypatch.setattr(base, "CAP", 4)
    found = find(visible(), "telework", kind="post", per_page=2)
    assert found.more_than and found.page.paginator.count == 4
    assert keys(found) == ranked_by_the_orm("telework")[:2]


def test_hidden_records_are_never_found_nor_counted(make_post):
    make_post("Shown", "telework")
    make_post("Hidden", "telework", hidden=True)
    found = find(visible(), "telework", kind="post", facets=["title"])
    assert found.total == 1 and found.facets == {"title": [("Shown", 1)]}


def test_facets_count_each_value_over_a_relation_once_per_record():
    departments = Agency.objects.filter(parent__isnull=True, sub_elements__isnull=False).distinct()
    found = find(departments, "", kind="agency", facets=["sub_elements__kind", "kind"], per_page=5)
    counts = dict(found.facets["sub_elements__kind"])
    assert counts and max(counts.values()) <= departments.count()
    assert dict(found.facets["kind"]) == {"department": departments.filter(kind="department").count()} | {
        kind: n for kind, n in dict(found.facets["kind"]).items() if kind != "department"
    }


def test_records_with_most_of_the_words_follow_when_few_have_all(make_post):
    both = make_post("Both", "wildfire aviation budget")
    one = make_post("One", "wildfire crews")
    make_post("None", "grants")
    found = find(visible(), "wildfire budget tankers", kind="post")
    assert found.with_all_words == 0
    assert keys(found) == [both.pk, one.pk]
    assert found.most_words_note("post", "posts") == "No post has all 3 words; showing those with most of them."


def test_a_page_of_records_with_every_word_is_not_widened(make_post):
    for number in range(3):
        make_post(f"Post {number}", "wildfire budget")
    make_post("One word", "wildfire")
    found = find(visible(), "wildfire budget", kind="post", per_page=2)
    assert found.with_all_words is None and found.total == 3


def test_the_start_of_a_word_finds_the_word(make_post):
    post = make_post("Office", "Led the cybersecurity program and acquisition reform.")
    assert keys(find(visible(), "cyber", kind="post")) == [post.pk]
    assert keys(find(visible(), "acquis", kind="post")) == [post.pk]


def test_a_word_that_documents_hold_whole_is_not_taken_as_a_words_start(make_post):
    grants = make_post("Grants", "Ran the grant program for rural clinics.")
    make_post("Payroll", "Senior programmer on the payroll system.")
    assert keys(find(visible(), "program", kind="post")) == [grants.pk]
    assert len(keys(find(visible(), "progr", kind="post"))) == 2  # no document holds "progr" whole


def test_a_word_also_searches_the_related_terms_and_says_so(make_post):
    post = make_post("Office", "Ran information security for the bureau.")
    found = find(visible(), "cybersecurity", kind="post")
    assert keys(found) == [post.pk]
    assert "information security" in found.also_searched


def test_a_misspelt_word_gets_a_suggestion_from_the_words_indexed(make_post):
    make_post("Office", "Led the wildfire response.")
    found = find(visible(), "wildfrie", kind="post")
    assert found.suggestion == "wildfire"
    assert find(visible(), "wildfire", kind="post").suggestion == ""


def test_an_exclusion_only_query_lists_the_rest(make_post):
    kept = make_post("Kept", "grants")
    make_post("Dropped", "wildfire")
    assert keys(find(visible(), "-wildfire", kind="post")) == [kept.pk]


def test_hostile_text_finds_nothing_and_breaks_nothing(make_post):
    make_post("Office", "wildfire")
    for text in ['"', "NEAR(a b)", "*", "') OR 1=1 --", "\x00\x02", "a" * 5000, "OR OR -"]:
        find(visible(), text, kind="post", facets=["title"])


def test_index_object_keeps_one_document_and_its_words(make_post):
    post = make_post("Office", "wildfire")
    post.body = "hurricane"
    post.save()
    index_object(post)
    assert keys(find(visible(), "hurricane", kind="post")) == [post.pk]
    assert not keys(find(visible(), "wildfire -hurricane", kind="post"))


def test_best_keeps_the_querysets_filters(wildfire_posts):
    results = visible().exclude(pk=wildfire_posts["title_and_body"])
    assert wildfire_posts["title_and_body"] not in [key for key, _ in best(results, "wildfire", kind="post", limit=10)]
    assert len(best(results, "wildfire", kind="post", limit=10)) == 6
    assert best(results, "-wildfire", kind="post", limit=10) == []


def test_with_most_words_those_with_every_word_keep_their_own_order(make_post):
    often = make_post("Wildfire budget", "wildfire budget wildfire budget")
    once = make_post("Notes", "one wildfire and a budget line")
    make_post("One word", "wildfire")
    found = find(visible(), "wildfire budget tankers", kind="post")
    assert found.with_all_words == 0
    both = find(visible(), "wildfire budget", kind="post")
    assert keys(both)[:2] == [often.pk, once.pk] == keys(found)[:2]

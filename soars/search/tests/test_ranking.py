"""Ranking in two tiers (soars.search.facets): head matches first, the best candidates by their
whole text. PostgreSQL ranks so past Backend.exact_limit matches; SQLite scores every match."""

import string

import pytest
from django.db import connection, transaction

from soars.search import facets
from soars.search.backends.postgres import PostgresBackend
from soars.search.backends.sqlite import SqliteBackend
from soars.search.engine import best, results_with_facets
from soars.search.tests.posts import ranked, whole_text_order

pytestmark = pytest.mark.django_db
postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="only PostgreSQL ranks in two tiers")


@pytest.fixture
def tiers(monkeypatch):
    """tiers(candidates, exact_limit=0): rank in two tiers past exact_limit text matches."""

    def set_to(candidates: int, exact_limit: int = 0) -> None:
        monkeypatch.setattr(facets, "CANDIDATES", candidates)
        monkeypatch.setattr(PostgresBackend, "exact_limit", exact_limit)

    return set_to


def every_page(text: str, per_page: int) -> list[int]:
    shown, number = [], 1
    while True:
        page, _ = results_with_facets(ranked(text), [], number, per_page)
        shown += [post.pk for post in page]
        if not page.has_next():
            return shown
        number += 1


def test_a_query_matching_no_more_than_the_exact_limit_is_ranked_by_whole_text(wildfire_posts, tiers):
    tiers(candidates=1, exact_limit=len(wildfire_posts))
    page, found = results_with_facets(ranked("wildfire"), [], 1, per_page=20)
    assert [post.pk for post in page] == whole_text_order("wildfire")
    assert found.ranks is None  # scored in the statement, every match


@postgres_only
def test_a_query_matching_no_more_than_the_candidates_is_ranked_by_whole_text_in_two_tiers(wildfire_posts, tiers):
    tiers(candidates=len(wildfire_posts))
    page, found = results_with_facets(ranked("wildfire"), [], 1, per_page=20)
    assert [post.pk for post in page] == whole_text_order("wildfire")
    assert set(found.ranks) == set(wildfire_posts.values())


@postgres_only
def test_past_the_candidates_head_matches_come_first_ranked_by_whole_text(wildfire_posts, tiers):
    tiers(candidates=3)
    page, found = results_with_facets(ranked("wildfire"), [], 1, per_page=2)
    # Both title matches are candidates and outrank the rest; the whole text orders them.
    exact = whole_text_order("wildfire")
    heads = [wildfire_posts["title_and_body"], wildfire_posts["title"]]
    assert [post.pk for post in page] == [pk for pk in exact if pk in heads]
    assert page.paginator.count == found.total == len(wildfire_posts)
    assert len(found.ranks) == 3  # only the candidates were ranked by their whole text


@postgres_only
def test_pages_past_the_candidates_list_every_match_once(wildfire_posts, tiers):
    tiers(candidates=3)
    shown = every_page("wildfire", per_page=2)
    assert sorted(shown) == sorted(wildfire_posts.values())
    assert len(shown) == len(set(shown))


@postgres_only
def test_two_tier_ranking_never_ranks_or_shows_hidden_records(make_post, tiers):
    tiers(candidates=1)
    hidden = {make_post("Wildfire secret", "wildfire", hidden=True).pk for _ in range(3)}
    shown = {make_post("Notes", "a wildfire").pk, make_post("More notes", "wildfire again").pk}
    page, found = results_with_facets(ranked("wildfire"), [], 1, per_page=10)
    assert {post.pk for post in page} == shown
    assert found.total == 2
    assert not set(found.ranks) & hidden


@postgres_only
def test_excluded_words_still_exclude_head_matches(make_post, tiers):
    tiers(candidates=1)
    drill = make_post("Wildfire drill", "wildfire drill schedule").pk
    kept = {make_post("Notes", "wildfire").pk, make_post("Wildfire plan", "the plan").pk}
    page, found = results_with_facets(ranked("wildfire -drill"), [], 1, per_page=10)
    assert {post.pk for post in page} == kept and drill not in found.ranks


@postgres_only
def test_irregular_forms_count_in_the_head(make_post, tiers):
    tiers(candidates=1)
    led = make_post("Led recovery teams", "teams").pk
    make_post("Notes", "leading recovery teams")
    make_post("More notes", "lead the recovery")
    page, _ = results_with_facets(ranked("leading recovery"), [], 1, per_page=10)
    assert page[0].pk == led  # "led" in the title matched "leading" in the query's head tier


@postgres_only
def test_best_gives_keys_and_whole_text_ranks_best_first(wildfire_posts, tiers):
    tiers(candidates=3)
    pairs = best(ranked("wildfire"), 3)
    assert [pk for pk, _ in pairs] == whole_text_order("wildfire")[:3]
    ranks = dict(ranked("wildfire").values_list("pk", "rank"))
    assert all(rank == pytest.approx(ranks[pk]) for pk, rank in pairs)
    assert [rank for _, rank in pairs] == sorted((rank for _, rank in pairs), reverse=True)


@postgres_only
def test_sorting_by_date_ignores_the_tiers(wildfire_posts, tiers):
    tiers(candidates=3)
    newest = ranked("wildfire").order_by("-published_at", "-pk")
    page, found = results_with_facets(newest, [], 1, per_page=3)
    assert [post.pk for post in page] == list(newest.values_list("pk", flat=True)[:3])
    assert found.ranks is None


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL planner settings")
def test_planner_settings_hold_for_the_search_statement_only(wildfire_posts, tiers):
    tiers(candidates=3)
    with transaction.atomic(), connection.cursor() as cursor:
        results_with_facets(ranked("wildfire"), [], 1, per_page=3)
        cursor.execute("SELECT current_setting('enable_seqscan'), current_setting('max_parallel_workers_per_gather')")
        assert cursor.fetchone() != ("off", "0")
        cursor.execute("SHOW enable_seqscan")
        assert cursor.fetchone() == ("on",)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL storage")
def test_documents_keep_their_head_in_the_row_and_their_text_out_of_it():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attname, attstorage FROM pg_attribute WHERE attrelid = 'search_searchdocument'::regclass "
            "AND attname IN ('search_vector', 'head_vector', 'title', 'names')"
        )
        assert dict(cursor.fetchall()) == {"search_vector": "e", "head_vector": "m", "title": "m", "names": "m"}
        cursor.execute("SELECT reloptions FROM pg_class WHERE relname = 'search_searchdocument'")
        assert "toast_tuple_target=128" in cursor.fetchone()[0]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL indexes")
def test_the_text_indexes_hold_the_kind_so_a_search_reads_its_own_kind_alone():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE tablename = 'search_searchdocument'")
        definitions = " ".join(row[0] for row in cursor.fetchall())
    assert "gin (kind, search_vector)" in definitions  # every statement that matches text names its kind
    assert "gin (search_vector)" not in definitions
    assert "gin (head_vector)" in definitions  # with the kind, the planner took it for a list of the kind
    # The heads of a kind are read from an index alone (an opportunity's row is wide).
    assert "btree (kind, object_id) INCLUDE (updated_at, head_vector)" in definitions


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's index of heads")
def test_a_head_is_the_first_200_bytes_of_title_and_names_so_hostile_text_is_still_saved():
    from soars.search.engine import index_document

    # Short distinct hyphenated words (three lexemes each) and CJK ones: the largest vectors
    # per byte of text. Unbounded, such a head is too large for a btree index entry.
    pairs = [a + b for a in string.ascii_lowercase for b in string.ascii_lowercase]
    hyphenated = " ".join(f"{pairs[i]}-{pairs[i + 1]}" for i in range(0, 600, 2))
    cjk = " ".join(f"{chr(0x4E00 + i)}-{chr(0x5E00 + i)}" for i in range(300))
    index_document("probe", 1, title=f"Wildfire {hyphenated}", names=cjk, body="crews")
    index_document("probe", 2, title=cjk, names=f"Wildfire {hyphenated} Smokejumper", body="")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT object_id, octet_length(search_head_text(title)), head_vector @@ plainto_tsquery('english', %s),"
            " head_vector @@ plainto_tsquery('english', %s), search_vector @@ plainto_tsquery('english', %s)"
            " FROM search_searchdocument WHERE kind = 'probe' ORDER BY object_id",
            ["wildfire", "smokejumper", "smokejumper"],
        )
        rows = cursor.fetchall()
    assert rows[0][2] and rows[1][2]  # the start of the title or the names is the head
    assert not rows[1][3] and rows[1][4]  # past 200 bytes: in the whole document only
    assert rows[0][1] <= 200 and rows[1][1] <= 200  # CJK: cut at a character, not inside one


@postgres_only
def test_only_documents_of_the_kind_count_towards_the_exact_limit(make_post, tiers):
    from soars.core.models import Agency
    from soars.search.engine import index_object

    tiers(candidates=1, exact_limit=2)
    for agency in Agency.objects.filter(parent__isnull=True)[:5]:  # five "department" documents of another kind
        index_object(agency)
    posts = [make_post("Notes", "the department plan").pk, make_post("More", "department budget").pk]
    page, found = results_with_facets(ranked("department"), [], 1, per_page=10)
    assert found.ranks is None and sorted(post.pk for post in page) == sorted(posts)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite")
def test_sqlite_scores_every_match_in_the_statement(wildfire_posts):
    assert SqliteBackend.exact_limit is None and not facets.two_tiers(ranked("wildfire"))
    page, found = results_with_facets(ranked("wildfire"), [], 1, per_page=20)
    assert [post.pk for post in page] == whole_text_order("wildfire") and found.ranks is None
    assert best(ranked("wildfire"), 2) == list(ranked("wildfire").values_list("pk", "rank")[:2])


@postgres_only
def test_best_in_two_tiers_never_returns_hidden_records(make_post, tiers):
    tiers(candidates=1)
    hidden = {make_post("Wildfire secret", "wildfire", hidden=True).pk for _ in range(3)}
    shown = {make_post("Notes", "a wildfire").pk, make_post("Wildfire plan", "wildfire again").pk}
    pairs = best(ranked("wildfire"), 10)
    assert {pk for pk, _ in pairs} == shown and not hidden & {pk for pk, _ in pairs}
    assert pairs[0][0] == max(shown)  # the title match first


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL planner settings")
@pytest.mark.django_db(transaction=True)
def test_planner_settings_end_with_the_search_statement_outside_a_transaction(wildfire_posts, tiers):
    tiers(candidates=3)
    results_with_facets(ranked("wildfire"), [], 1, per_page=3)
    assert not connection.in_atomic_block
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('enable_seqscan'), current_setting('max_parallel_workers_per_gather')")
        assert cursor.fetchone() != ("off", "0")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL planner settings")
def test_statements_that_match_text_are_never_jit_compiled():
    # A statement reading a small table whole is priced as disabled under enable_seqscan=off,
    # far past jit_above_cost: compiling it took 900 ms for a 7 ms statement.
    with PostgresBackend().matching_cursor(connection) as cursor:
        cursor.execute("SELECT current_setting('jit'), current_setting('enable_seqscan')")
        assert cursor.fetchone() == ("off", "off")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL planner settings")
@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_the_settings_go_with_each_statement_and_end_with_it():
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as statements, PostgresBackend().matching_cursor(connection) as cursor:
        cursor.execute("SELECT current_setting('jit'), current_setting('enable_seqscan'), %s", [7])
        assert cursor.fetchone() == ("off", "off", 7)
    assert len(statements.captured_queries) == 1  # no BEGIN or COMMIT: one message
    assert not connection.in_atomic_block
    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_seqscan")
        assert cursor.fetchone() == ("on",)

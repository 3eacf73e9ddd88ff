"""PostgreSQL full-text search on search_searchdocument.search_vector (GIN), trigrams on names.

The tsquery is assembled from plainto_tsquery/phraseto_tsquery calls with the
words as parameters, so no user text is ever parsed as tsquery syntax.
"""

from __future__ import annotations

from contextlib import contextmanager

from django.db import transaction
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from soars.search.backends.base import START, STOP, Backend, SearchRank, outer_pk
from soars.search.query import Query, Term

CONFIG = "english"
# ts_rank_cd normalization 32 scales each rank into 0..1 (rank / (rank + 1)).
RANK_NORMALIZATION = 32
RANK_SQL = f"ts_rank_cd(search_searchdocument.search_vector, {{}}, {RANK_NORMALIZATION})"
# Planner settings for statements that match text (see PostgresBackend.matching_cursor).
PLANNER = {"enable_seqscan": "off", "max_parallel_workers_per_gather": "0"}
SET_PLANNER = ", ".join(f"set_config('{name}', %s, true)" for name in PLANNER)
HEADLINE_OPTIONS = f"StartSel={START}, StopSel={STOP}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=…"


def tsquery_term(term: Term) -> tuple[str, list[str]]:
    function = "phraseto_tsquery" if term.is_phrase else "plainto_tsquery"
    return f"{function}('{CONFIG}', %s)", [" ".join(term.words)]


def tsquery_any(terms) -> tuple[str, list[str]]:
    parts = [tsquery_term(alt) for term in terms for alt in term.alternatives()]
    return "(" + " || ".join(sql for sql, _ in parts) + ")", [p for _, params in parts for p in params]


def tsquery(query: Query) -> tuple[str, list[str]]:
    sql_parts, params = [], []
    for group in query.groups:
        sql, group_params = tsquery_any(group)
        sql_parts.append(sql)
        params += group_params
    if query.excluded:
        sql, excluded_params = tsquery_any(query.excluded)
        sql_parts.append(f"!!{sql}")
        params += excluded_params
    return "(" + " && ".join(sql_parts) + ")", params


class PostgresBackend(Backend):
    exact_limit = 3000  # past this many text matches, rank in two tiers (facets.count)

    def restrict(self, queryset: QuerySet, query: Query, kind: str, connection) -> QuerySet:
        sql, params = tsquery(query)
        # "object_id + 0": the documents are found through the GIN index, never looked up one
        # by one from the caller's rows. A lookup would test each document's vector, read
        # from TOAST storage, which the planner does not cost (24,000 of them: 110 ms).
        return queryset.extra(
            tables=["search_searchdocument"],
            where=[
                "search_searchdocument.kind = %s",
                f"search_searchdocument.object_id + 0 = {outer_pk(queryset, connection)}",
                f"search_searchdocument.search_vector @@ {sql}",
            ],
            params=[kind, *params],
        ).annotate(rank=SearchRank(RANK_SQL.format(sql), params, kind=kind, query=query))

    def exclude(self, queryset: QuerySet, query: Query, kind: str, connection) -> QuerySet:
        sql, params = tsquery_any(query.excluded)
        matching = RawSQL(
            f"SELECT object_id FROM search_searchdocument WHERE kind = %s AND search_vector @@ {sql}",
            (kind, *params),
        )
        return queryset.exclude(pk__in=matching)

    def similar_names(self, queryset: QuerySet, text: str, kind: str, connection) -> QuerySet:
        # `<%` is word similarity above pg_trgm's threshold (0.6), typos included, served by the trigram index.
        return queryset.extra(
            tables=["search_searchdocument"],
            where=[
                "search_searchdocument.kind = %s",
                f"search_searchdocument.object_id = {outer_pk(queryset, connection)}",
                "%s <%% search_searchdocument.names",
            ],
            params=[kind, text],
        ).annotate(rank=RawSQL("word_similarity(%s, search_searchdocument.names)", (text,)))

    def snippets(self, kind: str, ids: list[int], query: Query, connection) -> dict[int, str]:
        if not query.groups:
            return {}
        sql, params = tsquery(query)
        column = f"ts_headline('{CONFIG}', concat_ws(' — ', nullif(title, ''), body), {sql}, %s)"
        found = self._by_ids(column, [*params, HEADLINE_OPTIONS], kind, ids, connection)
        return {object_id: text for object_id, text in found if START in text}

    def _by_ids(self, column: str, params: list, kind: str, ids: list[int], connection) -> list[tuple[int, object]]:
        """[(object_id, column)] for these ids' documents. No @@ in the WHERE: the ids already
        matched, and a full-text condition here would tempt the planner into scanning every
        match instead of the listed ids."""
        statement = f"SELECT object_id, {column} FROM search_searchdocument WHERE kind = %s AND object_id = ANY(%s)"
        with connection.cursor() as cursor:
            cursor.execute(statement, [*params, kind, list(ids)])
            return [(int(object_id), value) for object_id, value in cursor.fetchall()]

    def matches_more_than(self, limit: int, kind: str, query: Query, connection) -> bool:
        sql, params = tsquery(query)
        statement = f"SELECT 1 FROM search_searchdocument WHERE kind = %s AND search_vector @@ {sql} LIMIT %s"
        with self.matching_cursor(connection) as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM ({statement}) AS matches", [kind, *params, limit + 1])
            return cursor.fetchone()[0] > limit

    def head(self, kind: str, query: Query) -> tuple[str, list]:
        # The matched row holds its small head_vector (migration 0005); ts_rank costs a
        # fraction of ts_rank_cd.
        sql, params = tsquery(Query(groups=query.groups))
        vector = "search_searchdocument.head_vector"
        return f"CASE WHEN {vector} @@ {sql} THEN ts_rank({vector}, {sql}) ELSE 0 END", [*params, *params]

    def exact_ranks(self, kind: str, ids: list[int], query: Query, connection) -> dict[int, float]:
        if not ids or not query.groups:
            return {}
        sql, params = tsquery(query)
        return dict(self._by_ids(RANK_SQL.format(sql), params, kind, ids, connection))

    @contextmanager
    def matching_cursor(self, connection):
        # The whole-document vectors live out of line (migration 0005), which the planner does
        # not cost: for a query matching half the documents it would scan the table and read
        # every vector from TOAST storage (430 ms) instead of the GIN index's bitmap (20 ms).
        # Parallel workers would each repeat the bitmap scan of the matches (seen in EXPLAIN)
        # and cost more to start than they save. The settings hold for this statement only:
        # they are put back after it (or undone with its savepoint if it fails).
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute(f"SELECT {', '.join(f'current_setting({name!r})' for name in PLANNER)}")
            before = cursor.fetchone()
            cursor.execute(f"SELECT {SET_PLANNER}", list(PLANNER.values()))
            yield cursor
            cursor.execute(f"SELECT {SET_PLANNER}", list(before))

    def optimize(self, connection) -> None:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchdocument")

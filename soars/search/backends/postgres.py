"""PostgreSQL full-text search on search_searchdocument.search_vector (GIN), trigrams on names.

The tsquery is assembled from plainto_tsquery/phraseto_tsquery calls with the
words as parameters, so no user text is ever parsed as tsquery syntax.
"""

from __future__ import annotations

import math
from contextlib import contextmanager

import psycopg
from django.db import connections, transaction
from django.db.models import BooleanField, FloatField, QuerySet, Value
from django.db.models.expressions import RawSQL

from soars.search.backends.base import START, STOP, Backend, Sample, SearchRank, outer_pk
from soars.search.query import Query, Term

CONFIG = "english"
# ts_rank_cd normalization 32 scales each rank into 0..1 (rank / (rank + 1)).
RANK_NORMALIZATION = 32
RANK_SQL = f"ts_rank_cd(search_searchdocument.search_vector, {{}}, {RANK_NORMALIZATION})"
# Planner settings for statements that match text (see PostgresBackend.matching_cursor).
# JIT compiling is never worth it for these short statements, and a statement that must still
# read a table whole is priced as disabled, far past jit_above_cost (seen: 7 ms -> 900 ms).
PLANNER = {"enable_seqscan": "off", "max_parallel_workers_per_gather": "0", "jit": "off"}
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


# The partial index of documents (migration 0006) holds those of records whose key is a multiple
# of this (facets.EVERY); whether a query matches more than a limit is judged from it when the
# limit is at least this many times JUDGED_FROM (counting up to 20,000 matches: 5-20 ms; a
# 32nd of them: 1-6).
INDEXED_EVERY = 32
JUDGED_FROM = 25

# A broad search's head matches are picked from the best this many heads of its kind
# (PostgresBackend.head_matches): enough for CANDIDATES records after visibility and filters.
HEADS = 3000
HEAD_RECORDS = 1500  # facets.CANDIDATES and a margin: the share of a sample is an estimate

# A sample of more documents than this is thinned to every second, fourth... of them (by key)
# before its records are read: checking visibility and filters costs about 8 microseconds a
# record, and 600 documents give facets.SAMPLE records or so, as many as facets count.
THINNED = 600


class _Tuned:
    """A cursor sending the planner settings and each statement in one message (client-side
    binding). Outside a transaction the statements of one message run as one transaction, so
    the settings, set locally, hold for the statement and end with it: one round trip instead
    of four (BEGIN, the settings, the statement, COMMIT: 0.4 ms more for each statement)."""

    def __init__(self, cursor):
        self._cursor = cursor

    def execute(self, sql: str, params=()) -> None:
        self._cursor.execute(f"SELECT {SET_PLANNER}; {sql}", [*PLANNER.values(), *params])
        self._cursor.cursor.nextset()  # past the settings' row, to the statement's

    def __getattr__(self, name):
        return getattr(self._cursor, name)


class TextMatch(RawSQL):
    """restrict()'s condition: the record's document matches the query. A class of its own so
    that _records() can find it again and leave it out for records known to match."""

    def __init__(self, sql: str, params):
        super().__init__(sql, params, output_field=BooleanField())


def _sample_where(kind: str, query: Query, every: int) -> tuple[str, list]:
    """The documents of the kind that match, of records whose key is a multiple of `every`: the
    partial index's predicate, written out (for every = INDEXED_EVERY) so the planner uses it."""
    sql, params = tsquery(query)
    return f"kind = %s AND object_id %% {int(every)} = 0 AND search_vector @@ {sql}", [kind, *params]


def _array(keys) -> str:
    """Keys as one bigint[] literal: sent as one parameter, quicker to send and to plan than as
    many, and written here rather than by the driver, which quotes each element in Python
    (3,000 keys: about 2 ms)."""
    return "{" + ",".join(str(int(key)) for key in keys) + "}"


def _keyed(queryset: QuerySet, keys: list[int]) -> QuerySet:
    """queryset keeping the records with these keys."""
    where = f"{outer_pk(queryset, connections[queryset.db])} = ANY(%s::bigint[])"
    return queryset.extra(where=[where], params=[_array(keys)])


def _records(queryset: QuerySet, keys: list[int]) -> QuerySet:
    """restrict()'s queryset kept to the records with these keys, whose documents are known to
    match (found in the index beforehand), without the text match: the records alone, checked
    for visibility and filters, their documents neither joined nor matched again. A join would
    read every document of the kind in key order (20,000 opportunities: 10 ms) or probe records
    once per match of a misjudged text match. Their `rank` is 0: rank them by exact_ranks()."""
    records = queryset.all()
    query = records.query
    where = query.where
    kept = [child for child in where.children if not isinstance(getattr(child, "lhs", None), TextMatch)]
    if len(kept) == len(where.children) - 1 and where.connector == "AND" and not where.negated:
        where.children = kept  # else keep matching the text: still right, perhaps slower
        query.extra_tables = tuple(table for table in query.extra_tables if table != "search_searchdocument")
        query.annotations["rank"] = Value(0.0, output_field=FloatField())
    return _keyed(records, keys)


class PostgresBackend(Backend):
    exact_limit = 3000  # past this many text matches, rank in two tiers (facets.count)
    estimate_limit = 3000  # past this many text matches a ranked page estimates (facets.count)

    def restrict(self, queryset: QuerySet, query: Query, kind: str, connection) -> QuerySet:
        sql, params = tsquery(query)
        # "object_id + 0": the documents are found through the GIN index, never looked up one
        # by one from the caller's rows. A lookup would test each document's vector, read
        # from TOAST storage, which the planner does not cost (24,000 of them: 110 ms).
        matches = TextMatch(
            "search_searchdocument.kind = %s"
            f" AND search_searchdocument.object_id + 0 = {outer_pk(queryset, connection)}"
            f" AND search_searchdocument.search_vector @@ {sql}",
            [kind, *params],
        )
        return (
            queryset.extra(tables=["search_searchdocument"])
            .filter(matches)
            .annotate(rank=SearchRank(RANK_SQL.format(sql), params, kind=kind, query=query))
        )

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
        statement = (
            f"SELECT object_id, {column} FROM search_searchdocument WHERE kind = %s AND object_id = ANY(%s::bigint[])"
        )
        with connection.cursor() as cursor:
            cursor.execute(statement, [*params, kind, _array(ids)])
            return [(int(object_id), value) for object_id, value in cursor.fetchall()]

    def matches_more_than(self, limit: int, kind: str, query: Query, connection) -> bool:
        sql, params = tsquery(query)
        if limit >= INDEXED_EVERY * JUDGED_FROM:  # judged from the partial index of every 32nd record
            where, where_params = _sample_where(kind, query, INDEXED_EVERY)
            with self.matching_cursor(connection) as cursor:
                cursor.execute(f"SELECT COUNT(*) FROM search_searchdocument WHERE {where}", where_params)
                return cursor.fetchone()[0] * INDEXED_EVERY > limit
        # A LIMIT tempts the planner to scan the kind's documents, testing each vector from
        # TOAST storage, when it overestimates the matches (words that seldom meet): only
        # for limits too small to judge from the sample.
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

    def sampled(self, queryset: QuerySet, every: int, *, more_than: int) -> Sample | None:
        # The documents of records whose key is a multiple of `every` that match, found in the
        # partial index of those documents (migration 0006, for EVERY = 32: a 32nd of the
        # index); then those records alone. How many documents match is judged from the same
        # sample (a tenth of the cost of counting them up to the limit).
        rank = queryset.query.annotations["rank"]
        where, params = _sample_where(rank.kind, rank.query, every)
        keys = self._keys(f"SELECT object_id FROM search_searchdocument WHERE {where}", params, queryset.db)
        if len(keys) * every <= more_than:
            return None
        sample = Sample(_records(queryset, keys), every, documents=len(keys))
        if len(keys) <= THINNED:
            return sample
        # Every factor-th multiple of `every` (a power of two): an even sample still.
        factor = 2 ** math.ceil(math.log2(len(keys) / THINNED))
        thinned = [key for key in keys if key // every % factor == 0]
        return Sample(_records(queryset, thinned), every * factor, documents=len(thinned), fuller=sample)

    def sampled_records(self, queryset: QuerySet, every: int, largest: int) -> QuerySet:
        return _keyed(queryset, list(range(every, largest + 1, every)))

    def head_matches(self, queryset: QuerySet, limit: int, share: float | None = None) -> list[tuple[int, None]]:
        # The best heads of the kind by their head's rank, then the most recently updated, from
        # a covering index of heads (migration 0007: read without the table's rows; a head that
        # matches every group matches the whole document; an excluded word is looked for in the
        # whole document): enough for HEAD_RECORDS records at the share of them that are the
        # queryset's, at most HEADS. Then the records among them the queryset keeps, in that
        # order, ranked by their whole text later (exact_ranks).
        rank = queryset.query.annotations["rank"]
        sql, params = tsquery(Query(groups=rank.query.groups))
        statement = f"SELECT object_id FROM search_searchdocument WHERE kind = %s AND head_vector @@ {sql}"
        statement_params = [rank.kind, *params]
        if rank.query.excluded:
            excluded, excluded_params = tsquery_any(rank.query.excluded)
            statement += f" AND NOT search_vector @@ {excluded}"
            statement_params += excluded_params
        statement += f" ORDER BY ts_rank(head_vector, {sql}) DESC, updated_at DESC LIMIT %s"
        wanted = HEADS if not share else min(HEADS, math.ceil(HEAD_RECORDS / share))
        keys = self._keys(statement, [*statement_params, *params, wanted], queryset.db)
        kept = set(_records(queryset, keys).order_by().values_list("pk", flat=True))
        return [(key, None) for key in keys if key in kept][:limit]

    def _keys(self, statement: str, params: list, using: str) -> list[int]:
        with self.matching_cursor(connections[using]) as cursor:
            cursor.execute(statement, params)
            return [key for (key,) in cursor.fetchall()]

    @contextmanager
    def matching_cursor(self, connection):
        # The whole-document vectors live out of line (migration 0005), which the planner does
        # not cost: for a query matching half the documents it would scan the table and read
        # every vector from TOAST storage (430 ms) instead of the GIN index's bitmap (20 ms).
        # Parallel workers would each repeat the bitmap scan of the matches (seen in EXPLAIN)
        # and cost more to start than they save. The settings hold for this statement only:
        # set locally, they end with its transaction (outside a transaction, sent in one message
        # with each statement: _Tuned); inside the caller's transaction (a savepoint keeps them
        # when released) they are read as they were and put back after it, or undone with the
        # savepoint if it fails.
        outer = connection.in_atomic_block
        if not outer:
            with connection.cursor() as cursor:
                if isinstance(cursor.cursor, psycopg.ClientCursor):  # Django's default: one message
                    yield _Tuned(cursor)
                    return
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            if outer:
                # One statement: the subquery reads the settings before its row is projected
                # through set_config().
                read = ", ".join(f"current_setting({name!r})" for name in PLANNER)
                cursor.execute(
                    f"SELECT before.*, {SET_PLANNER} FROM (SELECT {read} OFFSET 0) AS before", list(PLANNER.values())
                )
                before = cursor.fetchone()[: len(PLANNER)]
            else:
                cursor.execute(f"SELECT {SET_PLANNER}", list(PLANNER.values()))
            yield cursor
            if outer:
                cursor.execute(f"SELECT {SET_PLANNER}", list(before))

    def optimize(self, connection) -> None:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchdocument")

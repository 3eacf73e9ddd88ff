"""SQLite FTS5: the search_fts table mirrors search_searchdocument (see migration 0002).

The caller's table is joined to the index in the same statement as the MATCH,
so SQLite walks the full-text matches and looks each record up by primary key
(see FROM and WHERE). A correlated subquery per record is thousands of times
slower: FTS5 re-runs the MATCH for every probe.
"""

from __future__ import annotations

from django.db import connections
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from soars.search.backends.base import START, STOP, Backend, Sample, SearchRank, head_first, outer_pk
from soars.search.query import Query, Term, parse

# bm25 weights per FTS5 column: title, names, body.
RANK_SQL = "-bm25(search_fts, 10.0, 5.0, 1.0)"
SNIPPET_WORDS = 24
# How the index joins: walk the full-text matches, look up each document row by
# primary key, then the caller's record by primary key. The unary + stops SQLite
# from probing search_fts by rowid instead (FTS5 re-runs the whole MATCH for
# every probe), and CROSS JOIN, where the SQL is ours alone, fixes the order.
FROM = "search_fts CROSS JOIN search_searchdocument"
WHERE = "search_fts MATCH %s AND +search_fts.rowid = search_searchdocument.id AND search_searchdocument.kind = %s"
HEAD = "{title names}"  # the columns of a document's head (see Backend.head_matches)
# A page's snippets are read one document at a time past this many matches: FTS5 seeks each
# id in 0.1-0.35 ms, while one pass over the matches costs about 0.2 microseconds a match
# (25 snippets of a 70,000-match search: 8 ms instead of 24; of a 5,000-match one, 6.5 vs 5).
SNIPPETS_ONE_BY_ONE_PAST = 20_000


def fts5_term(term: Term) -> str:
    # Words are letters and digits only (see query.py), so quoting cannot break out.
    return '"' + " ".join(term.words) + '"'


def fts5_any(terms) -> str:
    parts = [fts5_term(alt) for term in terms for alt in term.alternatives()]
    return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"


def fts5_expression(query: Query, *, head: bool = False) -> str:
    """The query in FTS5's syntax; head: its words must match the title or names (while excluded
    words exclude a document that has them anywhere)."""
    positive = " AND ".join(fts5_any(group) for group in query.groups)
    if head:
        positive = f"{HEAD} : ({positive})"
    if query.excluded:
        return f"({positive}) NOT {fts5_any(query.excluded)}"
    return positive


def _fts_matches_more_than(cursor, expression: str, limit: int) -> bool:
    """Whether more than `limit` documents of any kind match, counted in the full-text index alone."""
    statement = "SELECT 1 FROM search_fts WHERE search_fts MATCH %s LIMIT %s"
    cursor.execute(f"SELECT COUNT(*) FROM ({statement})", [expression, limit + 1])
    return cursor.fetchone()[0] > limit


class SqliteBackend(Backend):
    estimate_limit = 20_000  # past this many text matches a ranked page estimates (facets.count)

    def restrict(self, queryset: QuerySet, query: Query, kind: str, connection) -> QuerySet:
        rank = SearchRank(RANK_SQL, (), kind=kind, query=query)
        return self._joined(queryset, fts5_expression(query), kind, connection, rank)

    def exclude(self, queryset: QuerySet, query: Query, kind: str, connection) -> QuerySet:
        matching = RawSQL(
            f"SELECT search_searchdocument.object_id FROM {FROM} WHERE {WHERE}", (fts5_any(query.excluded), kind)
        )
        return queryset.exclude(pk__in=matching)

    def similar_names(self, queryset: QuerySet, text: str, kind: str, connection) -> QuerySet:
        # No trigrams in FTS5: match names by word prefixes instead ("garc" finds "Garcia").
        expression = " AND ".join(f'names : "{word}"*' for word in parse(text).words)
        return self._joined(queryset, expression, kind, connection, RawSQL(RANK_SQL, ()))

    def snippets(self, kind: str, ids: list[int], query: Query, connection) -> dict[int, str]:
        """The documents' row ids first; then the snippets of those rows alone. Past
        SNIPPETS_ONE_BY_ONE_PAST matches each row is read by its id (FTS5 seeks to it); below,
        one pass over the MATCH keeps the rows in the ids' range (the unary + stops SQLite from
        handing the list to FTS5)."""
        if not query.groups or not ids:
            return {}
        expression = fts5_expression(query)
        placeholders = ", ".join(["%s"] * len(ids))
        statement = f"SELECT rowid, snippet(search_fts, -1, %s, %s, '…', {SNIPPET_WORDS}) FROM search_fts "
        statement += "WHERE search_fts MATCH %s"
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT id, object_id FROM search_searchdocument WHERE kind = %s AND object_id IN ({placeholders})",
                [kind, *ids],
            )
            objects = dict(cursor.fetchall())
            if not objects:
                return {}
            found = []
            if _fts_matches_more_than(cursor, expression, SNIPPETS_ONE_BY_ONE_PAST):
                for rowid in objects:
                    cursor.execute(f"{statement} AND rowid = %s", [START, STOP, expression, rowid])
                    found += cursor.fetchall()
            else:
                rows = ", ".join(["%s"] * len(objects))
                cursor.execute(
                    f"{statement} AND rowid BETWEEN %s AND %s AND +rowid IN ({rows})",
                    [START, STOP, expression, min(objects), max(objects), *objects],
                )
                found = cursor.fetchall()
        return {int(objects[rowid]): text for rowid, text in found}

    def matches_more_than(self, limit: int, kind: str, query: Query, connection) -> bool:
        # Counted in the full-text index alone, documents of every kind: three times cheaper than
        # looking up each document's kind. So a kind with no more than `limit` documents in all
        # (counted in the index on kind) never counts as matching more; for the rest, the
        # documents of other kinds are few enough to ignore (facets._estimated checks the
        # kind's own matches in its sample).
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT COUNT(*) FROM (SELECT 1 FROM search_searchdocument WHERE kind = %s LIMIT %s)", [kind, limit + 1]
            )
            if cursor.fetchone()[0] <= limit:
                return False
            return _fts_matches_more_than(cursor, fts5_expression(query), limit)

    def sampled(self, queryset: QuerySet, every: int, *, more_than: int) -> Sample | None:
        rank = queryset.query.annotations["rank"]
        if not self.matches_more_than(more_than, rank.kind, rank.query, connections[queryset.db]):
            return None
        return Sample(queryset.extra(where=["search_fts.rowid %% %s = 0"], params=[every]), every)

    def sampled_records(self, queryset: QuerySet, every: int, largest: int) -> QuerySet:
        # The multiples of `every` up to the largest key, looked up one by one through the primary
        # key (a tenth of the time of reading every record and testing its key).
        keys = RawSQL(
            "WITH RECURSIVE k(n) AS (SELECT %s UNION ALL SELECT n + %s FROM k WHERE n + %s <= %s) SELECT n FROM k",
            (every, every, every, largest),
        )
        return queryset.filter(pk__in=keys)

    def head_matches(self, queryset: QuerySet, limit: int, share: float | None = None) -> list[tuple[int, float]]:
        # The documents whose head matches are listed once from the full-text index (a column
        # filter); the statement's own MATCH then keeps those, and ranks them by their whole
        # text, best first.
        rank = queryset.query.annotations["rank"]
        heads = "+search_fts.rowid IN (SELECT rowid FROM search_fts WHERE search_fts MATCH %s)"
        head = fts5_expression(Query(groups=rank.query.groups), head=True)
        matches = queryset.extra(where=[heads], params=[head]).annotate(search_head_rank=RawSQL(RANK_SQL, ()))
        return list(matches.order_by(*head_first(queryset)).values_list("pk", "rank")[:limit])

    def optimize(self, connection) -> None:
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")

    def _joined(self, queryset: QuerySet, expression: str, kind: str, connection, rank: RawSQL) -> QuerySet:
        return queryset.extra(
            tables=["search_fts", "search_searchdocument"],
            where=[WHERE, f"search_searchdocument.object_id = {outer_pk(queryset, connection)}"],
            params=[expression, kind],
        ).annotate(rank=rank)

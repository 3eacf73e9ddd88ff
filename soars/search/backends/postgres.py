"""PostgreSQL full-text search on search_searchdocument.search_vector (GIN), trigrams for suggestions.

The tsquery is assembled from plainto_tsquery / phraseto_tsquery / to_tsquery calls with the
words as parameters (letters and digits only, see query.py), so no user text is ever parsed
as tsquery syntax.
"""

from __future__ import annotations

from django.contrib.postgres.search import TrigramSimilarity

from soars.search.backends.base import START, STOP, Backend
from soars.search.models import SearchWord
from soars.search.query import Query, Term

CONFIG = "english"
RANK = "ts_rank_cd(search_vector, {}, 32)"  # normalization 32: rank / (rank + 1), from 0 to 1
MOST = 1000.0  # a record with one more group matched ranks above any with fewer
HEADLINE_OPTIONS = f"StartSel={START}, StopSel={STOP}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=…"


def tsquery_term(term: Term) -> tuple[str, list[str]]:
    if term.is_phrase:
        return f"phraseto_tsquery('{CONFIG}', %s)", [" ".join(term.words)]
    if term.is_prefix:
        return f"to_tsquery('{CONFIG}', %s)", [f"{term.words[0]}:*"]
    return f"plainto_tsquery('{CONFIG}', %s)", [term.words[0]]


def tsquery_any(terms) -> tuple[str, list[str]]:
    parts = [tsquery_term(alt) for term in terms for alt in term.alternatives()]
    return "(" + " || ".join(sql for sql, _ in parts) + ")", [p for _, params in parts for p in params]


def tsquery(query: Query, *, most: bool = False) -> tuple[str, list[str]]:
    parts = [tsquery_any(group) for group in query.groups]
    sql = (" || " if most else " && ").join(sql for sql, _ in parts)
    params = [p for _, group_params in parts for p in group_params]
    if query.excluded:
        excluded, excluded_params = tsquery_any(query.excluded)
        sql, params = f"({sql}) && !!{excluded}", [*params, *excluded_params]
    return f"({sql})", params


class PostgresBackend(Backend):
    def matches(self, kind: str, query: Query, *, most: bool = False) -> tuple[str, list]:
        sql, params = tsquery(query, most=most)
        rank, rank_params = RANK.format(sql), list(params)
        if most and len(query.groups) > 1:
            groups = [tsquery_any(group) for group in query.groups]
            has = " + ".join(f"(search_vector @@ {group})::int" for group, _ in groups)
            rank = f"{MOST} * ({has}) + {rank}"
            rank_params = [p for _, group_params in groups for p in group_params] + rank_params
        statement = f"SELECT object_id AS id, {rank} AS rank FROM search_searchdocument WHERE kind = %s"
        statement += f" AND search_vector @@ {sql}"
        return statement, [*rank_params, kind, *params]

    def snippets(self, kind: str, ids: list[int], query: Query, connection) -> dict[int, str]:
        if not query.groups or not ids:
            return {}
        sql, params = tsquery(query, most=True)
        headline = f"ts_headline('{CONFIG}', concat_ws(' — ', nullif(title, ''), body), {sql}, %s)"
        statement = f"SELECT object_id, {headline} FROM search_searchdocument WHERE kind = %s AND object_id = ANY(%s)"
        with connection.cursor() as cursor:
            cursor.execute(statement, [*params, HEADLINE_OPTIONS, kind, [int(i) for i in ids]])
            return {int(key): text for key, text in cursor.fetchall() if START in text}

    def suggest(self, word: str, using: str) -> str | None:
        found = (
            SearchWord.objects.using(using)
            .annotate(similarity=TrigramSimilarity("word", word))
            .filter(word__trigram_similar=word)  # pg_trgm's threshold: similarity 0.3 or more
            .order_by("-similarity", "word")
            .values_list("word", flat=True)
            .first()
        )
        return found

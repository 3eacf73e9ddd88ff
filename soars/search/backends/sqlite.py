"""SQLite FTS5: the search_fts table mirrors search_searchdocument (see the migrations).

The matches are walked in the full-text index and each document row looked up by its key
(CROSS JOIN fixes that order; the unary + stops SQLite from probing search_fts by rowid,
which re-runs the whole MATCH for every probe).
"""

from __future__ import annotations

import difflib

from django.db.models.functions import Length, Substr

from soars.search.backends.base import START, STOP, Backend
from soars.search.models import SearchDocument, SearchWord
from soars.search.query import Query, Term

RANK = "-bm25(search_fts, 10.0, 5.0, 1.0)"  # weights per column: title, names, body
SNIPPET_WORDS = 24
MATCHES = (
    "SELECT search_searchdocument.object_id AS id, {rank} AS rank FROM search_fts CROSS JOIN search_searchdocument"
    " WHERE search_fts MATCH %s AND search_searchdocument.id = +search_fts.rowid AND search_searchdocument.kind = %s"
)
GROUP = "SELECT rowid FROM search_fts WHERE search_fts MATCH %s"
MOST = 1000.0  # a record with one more group matched ranks above any with fewer


def fts5_term(term: Term) -> str:
    # Words are letters and digits only (see query.py), so quoting cannot break out.
    return '"' + " ".join(term.words) + '"' + ("*" if term.is_prefix else "")


def fts5_any(terms) -> str:
    parts = [fts5_term(alt) for term in terms for alt in term.alternatives()]
    return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"


def fts5_expression(query: Query, *, most: bool = False) -> str:
    positive = (" OR " if most else " AND ").join(fts5_any(group) for group in query.groups)
    if query.excluded:
        return f"({positive}) NOT {fts5_any(query.excluded)}"
    return positive


class SqliteBackend(Backend):
    def matches(self, kind: str, query: Query, *, most: bool = False) -> tuple[str, list]:
        if not most or len(query.groups) < 2:
            return MATCHES.format(rank=RANK), [fts5_expression(query, most=most), kind]
        has = " + ".join(
            ["(search_fts.rowid IN (SELECT rowid FROM search_fts WHERE search_fts MATCH %s))"] * len(query.groups)
        )
        rank = f"{MOST} * ({has}) + {RANK}"
        return MATCHES.format(rank=rank), [
            *(fts5_any(g) for g in query.groups),
            fts5_expression(query, most=True),
            kind,
        ]

    def snippets(self, kind: str, ids: list[int], query: Query, connection) -> dict[int, str]:
        if not query.groups or not ids:
            return {}
        documents = SearchDocument.objects.using(connection.alias).filter(kind=kind, object_id__in=ids)
        objects = dict(documents.values_list("id", "object_id"))
        if not objects:
            return {}
        with connection.cursor() as cursor:
            rows = ", ".join(["%s"] * len(objects))
            cursor.execute(
                f"SELECT rowid, snippet(search_fts, -1, %s, %s, '…', {SNIPPET_WORDS}) FROM search_fts"
                f" WHERE search_fts MATCH %s AND +rowid IN ({rows})",
                [START, STOP, fts5_expression(query, most=True), *objects],
            )
            return {int(objects[rowid]): text for rowid, text in cursor.fetchall()}

    def suggest(self, word: str, using: str) -> str | None:
        # No trigrams in SQLite: the words of about the same length that start alike, by difflib's ratio.
        near = (
            SearchWord.objects.using(using)
            .annotate(length=Length("word"), start=Substr("word", 1, 2))
            .filter(start=word[:2], length__gte=len(word) - 2, length__lte=len(word) + 2)
            .values_list("word", flat=True)
        )
        found = difflib.get_close_matches(word, list(near), n=1, cutoff=0.75)
        return found[0] if found else None

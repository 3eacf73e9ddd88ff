"""What every backend provides, and the one statement that lists a page, its total and its facets.

Backends receive a parsed Query, never the user's text. A backend turns it into a matches
statement, `SELECT id, rank` over the documents of one kind (id is the record's key), and
`Backend.gather` joins that to the caller's queryset (visibility and filters already applied),
ranks every match, keeps the best CAP + 1 and, in the same statement, counts them, lists the
page asked for and counts each facet over the best FACETS of them.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Count, QuerySet, TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from django.utils.safestring import SafeString, mark_safe

from soars.search.query import Query

# Snippet markers: control characters that indexing strips from every document, so after
# HTML-escaping a snippet they can only be our own marks.
START, STOP = "\x02", "\x03"
CAP = 5000  # counts are exact up to this many records, then "more than CAP"
FACETS = 1000  # facets count the best this many records (each costs about 3 microseconds a field)
RECORDS, MATCHES, CANDIDATES, COUNTED = "search_records", "search_matches", "search_candidates", "search_counted"
NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")  # what may be written into the SQL as a column name


def marked_html(raw: str) -> SafeString:
    escaped = html.escape(raw, quote=True)
    return mark_safe(escaped.replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308 (escaped above)


@dataclass
class Gathered:
    page: list[tuple[int, float]]  # (key, rank) of the page asked for, in order
    total: int  # how many records, counted up to CAP + 1
    facets: dict[str, list[tuple[str | None, int]]]  # over the best FACETS: {path: [(value as text, n)]}


class Backend:
    """A vendor's backend provides:

    matches(kind, query, most=False) -> (sql, params): SELECT id, rank for the kind's documents
        that match every group of the query (most: any group, ranked first by how many groups
        they match) and no excluded term; id is the record's key.
    snippets(kind, ids, query, connection) -> {id: text with START/STOP around matched words}.
    suggest(word, using) -> the indexed word (SearchWord) most like word, or None.
    """

    def ids(self, kind: str, query: Query, *, any_term: bool = False) -> RawSQL:
        """The keys of the kind's records that match (any_term: any positive term; for exclusions)."""
        sql, params = self.matches(kind, query, most=any_term)
        return RawSQL(f"SELECT id FROM ({sql}) AS matched", params)

    def run(self, connection, statement: str, params: list) -> list[tuple]:
        """The rows of a statement that matches text."""
        with connection.cursor() as cursor:
            cursor.execute(statement, params)
            return cursor.fetchall()

    def gather(
        self,
        queryset: QuerySet,
        matches: tuple[str, list] | None,
        order: list[str],
        page: tuple[int, int],
        facets: list[str],
        count: bool = True,
    ) -> Gathered:
        """The page (start, stop) of queryset joined to matches (None: every record, rank 0) in
        this order ("-rank", field names), the total up to CAP + 1 and the facets, in one statement."""
        connection = connections[queryset.db]
        pk_names = ("pk", queryset.model._meta.pk.name)
        names = list(dict.fromkeys(item.lstrip("-") for item in order if item.lstrip("-") not in (*pk_names, "rank")))
        if not all(NAME.fullmatch(name) for name in names):
            raise ValueError("Sort only by field names.")
        columns = ["id", *(f"c_{name}" for name in names)]
        try:
            records_sql, params = queryset.order_by().values("pk", *names).query.sql_with_params()
        except EmptyResultSet:  # queryset.none(), or keys from an empty list
            return Gathered(page=[], total=0, facets={path: [] for path in facets})
        params = list(params)

        def column(item: str, table: str = "") -> str:
            name = item.lstrip("-")
            name = f"{table}id" if name in pk_names else "rank" if name == "rank" else f"{table}c_{name}"
            return f"{name} {'DESC' if item.startswith('-') else 'ASC'}"

        ordering = ", ".join(column(item) for item in order) or "id ASC"
        ranking = ", ".join(column(item, "r.") for item in order) or "r.id ASC"
        ctes = [f"{RECORDS}({', '.join(columns)}) AS NOT MATERIALIZED ({records_sql})"]
        picked = ", ".join(f"r.{name}" for name in columns)
        if matches:
            ctes.append(f"{MATCHES}(id, rank) AS NOT MATERIALIZED ({matches[0]})")
            params += matches[1]
            source = f"{MATCHES} AS m CROSS JOIN {RECORDS} AS r WHERE r.id = m.id"  # the matches drive the join
            picked += ", m.rank AS rank"
        else:
            source, picked = f"{RECORDS} AS r", picked + ", 0.0 AS rank"
        limit = max(CAP + 1, page[1]) if count else page[1]
        ctes.append(
            f"{CANDIDATES} AS MATERIALIZED (SELECT {picked} FROM {source} ORDER BY {ranking} LIMIT {int(limit)})"
        )
        ctes.append(f"{COUNTED} AS MATERIALIZED (SELECT id FROM {CANDIDATES} ORDER BY {ordering} LIMIT {FACETS})")
        branches = [
            f"SELECT -2, NULL, COUNT(*) FROM {CANDIDATES}",
            "SELECT -1, CAST(id AS TEXT) || ' ' || CAST(rank AS TEXT), n FROM"
            f" (SELECT id, rank, ROW_NUMBER() OVER (ORDER BY {ordering}) AS n FROM {CANDIDATES}) AS p"
            f" WHERE n > {int(page[0])} AND n <= {int(page[1])}",
        ]
        listed = RawSQL(f"SELECT id FROM {COUNTED}", ())
        for index, path in enumerate(facets):
            counted = (
                queryset.model._default_manager.using(queryset.db)
                .order_by()
                .filter(pk__in=listed)
                .values(path)
                .annotate(facet_index=Value(index), facet_value=Cast(path, TextField()), n=Count("pk", distinct=True))
                .values_list("facet_index", "facet_value", "n")
            )
            sql, branch_params = counted.query.sql_with_params()
            branches.append(f"SELECT * FROM ({sql}) AS facet_{index}")
            params += branch_params
        statement = "WITH " + ", ".join(ctes) + " " + " UNION ALL ".join(branches)
        rows = self.run(connection, statement, params)
        found = Gathered(page=[], total=0, facets={path: [] for path in facets})
        listed_rows = []
        for index, value, number in rows:
            if index == -2:
                found.total = int(number)
            elif index == -1:
                key, _, rank = value.partition(" ")
                listed_rows.append((int(number), int(key), float(rank)))
            else:
                found.facets[facets[int(index)]].append((value, int(number)))
        found.page = [(key, rank) for _, key, rank in sorted(listed_rows)]
        return found

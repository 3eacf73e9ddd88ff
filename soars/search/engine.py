"""The one search interface. Views, forms and other apps call these functions; nothing else
in SOARS writes search SQL.

Writing:  index_object(record) / remove_object(record), or index_document(kind, id, ...)
          directly. Call them in the same transaction as the change to the record.
Reading:  search(queryset, text, kind=...) narrows a queryset the caller has already
          limited to what the user may see, so hidden records are never matched,
          counted or shown; snippets(...) explains each match; facet_counts(...)
          counts values over the same restricted queryset.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.core.paginator import Page, Paginator
from django.db import connections, models
from django.db.models import Count, FloatField, Value, Window
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from django.utils.html import escape

from soars.search import registry
from soars.search.backends import backend_for
from soars.search.backends.base import START, STOP, marked_html
from soars.search.models import SearchDocument
from soars.search.query import Query, parse

FALLBACK_SNIPPET_WORDS = 30
MATCHED = "search_matched"  # the common table expression facet_counts() groups over
TOTAL = "__total__"  # facet_counts(..., with_total=True) puts the number of records here


def clean_text(text: str) -> str:
    # The snippet markers must never come from a document (see backends.base).
    return (text or "").replace(START, " ").replace(STOP, " ").replace("\x00", "")


def index_document(
    kind: str, object_id: int, *, title: str, body: str, names: str = "", using: str = "default"
) -> None:
    """Create or replace the search document of one record."""
    SearchDocument.objects.using(using).update_or_create(
        kind=kind,
        object_id=object_id,
        defaults={"title": clean_text(title), "body": clean_text(body), "names": clean_text(names)},
    )


def remove_document(kind: str, object_id: int, *, using: str = "default") -> None:
    SearchDocument.objects.using(using).filter(kind=kind, object_id=object_id).delete()


def index_object(record: models.Model) -> None:
    """Index a record of a registered model, from its kind's document function."""
    kind = registry.kind_for(type(record))
    document = kind.document(record)
    index_document(kind.name, record.pk, title=document.title, body=document.body, names=document.names)


def remove_object(record: models.Model) -> None:
    remove_document(registry.kind_for(type(record)).name, record.pk)


def search(queryset: models.QuerySet, query: str | Query | None, *, kind: str) -> models.QuerySet:
    """The records of queryset that match the query, annotated with `rank` and best first.

    queryset must already hold only what the user may see; the match is added
    to the same SQL statement. An empty query returns queryset unchanged (rank 0).
    rank is higher for better matches; order_by() something else to sort differently.
    """
    parsed = query if isinstance(query, Query) else parse(query)
    if not parsed.groups:
        result = queryset.annotate(rank=Value(0.0, output_field=FloatField()))
        if parsed.excluded:
            result = _backend(queryset).exclude(result, parsed, kind, _connection(queryset))
        return result
    return _backend(queryset).restrict(queryset, parsed, kind, _connection(queryset)).order_by("-rank", "pk")


def search_names(queryset: models.QuerySet, text: str, *, kind: str) -> models.QuerySet:
    """Records whose names resemble text (trigram similarity on PostgreSQL, word prefixes on SQLite)."""
    if not parse(text).words:
        return queryset.none()
    text = " ".join(parse(text).words)
    return _backend(queryset).similar_names(queryset, text, kind, _connection(queryset)).order_by("-rank", "pk")


def results_page(
    results: models.QuerySet, number: int | str | None, per_page: int = 20, *, total: int | None = None
) -> Page:
    """One page of results and the total count, like Paginator.get_page(number).

    Pass total when it is already known (facet_counts(..., with_total=True) counts it
    in the same statement as the facets): then only the page's rows are read.
    Otherwise, on PostgreSQL one query: the total comes with the page's rows
    (COUNT(*) OVER ()), instead of a second query that repeats the whole match.
    SQLite cannot use FTS5's bm25 under a window function, so there the count is a
    second query.
    """
    try:
        number = max(1, int(number or 1))
    except (TypeError, ValueError):
        number = 1
    paginator = Paginator(results, per_page)
    if total is not None:
        paginator.count = total  # a cached_property: set, not computed
        return paginator.get_page(min(number, paginator.num_pages))
    if not _backend(results).counts_in_window:
        return paginator.get_page(number)
    counted = results.annotate(search_total=Window(Count("pk")))
    rows = list(counted[(number - 1) * per_page : number * per_page])
    if rows:
        paginator.count = rows[0].search_total  # Paginator.count is a cached_property: set, not computed
    elif number > 1:
        return results_page(results, paginator.num_pages, per_page)
    else:
        paginator.count = 0
    return Page(rows, number, paginator)


def snippets(kind: str, ids: Iterable[int], query: str | Query | None, *, using: str = "default") -> dict[int, str]:
    """{id: HTML} for each id: an excerpt with the matched words in <mark>, everything else escaped.

    Records that did not match the words (an exclusion-only query, say) get the
    start of their text instead.
    """
    ids = [int(i) for i in ids]
    if not ids:
        return {}
    parsed = query if isinstance(query, Query) else parse(query)
    connection = connections[using]
    found = {
        i: marked_html(raw) for i, raw in backend_for(connection.vendor).snippets(kind, ids, parsed, connection).items()
    }
    missing = [i for i in ids if i not in found]
    if missing:
        for object_id, title, body in (
            SearchDocument.objects.using(using)
            .filter(kind=kind, object_id__in=missing)
            .values_list("object_id", "title", "body")
        ):
            words = (body or title).split()
            excerpt = " ".join(words[:FALLBACK_SNIPPET_WORDS]) + (" …" if len(words) > FALLBACK_SNIPPET_WORDS else "")
            found[object_id] = escape(excerpt)
    return found


def facet_counts(
    queryset: models.QuerySet, fields: Sequence[str], *, with_total: bool = False
) -> dict[str, list[tuple[object, int]]]:
    """For each field, [(value, number of records)] over queryset, most common first.

    Pass the queryset already restricted by visibility, filters and search(),
    so the counts can only include records the user is allowed to see. A record
    counts once per value (distinct), which matters for many-to-many fields such
    as "ecq_statements__ecq__code". With with_total, counts[TOTAL] is [(None, n)],
    the number of records.

    One statement: the matching records are found once, in a materialized common
    table expression, and every field is grouped over that set (UNION ALL). A
    statement per field would repeat the full-text match and the visibility rules
    for each field.
    """
    model = queryset.model
    connection = _connection(queryset)
    matched_sql, matched_params = queryset.order_by().values("pk").query.sql_with_params()
    # Only constants and SQL compiled by Django are joined here; every value stays a parameter.
    in_matched = RawSQL(f"SELECT id FROM {MATCHED}", ())  # noqa: S608, S611
    branches, params, output_fields = [], [], []
    for index, field in enumerate(fields):
        grouped = (
            model._default_manager.using(queryset.db)
            .filter(pk__in=in_matched)
            .values(field)
            .annotate(facet_index=Value(index), facet_count=Count("pk", distinct=True))
        )
        output_fields.append(grouped.query.resolve_ref(field).output_field)
        grouped = grouped.annotate(facet_value=Cast(field, models.TextField()))
        sql, branch_params = grouped.values_list("facet_index", "facet_value", "facet_count").query.sql_with_params()
        branches.append(f"SELECT * FROM ({sql}) AS facet_{index}")  # noqa: S608
        params += branch_params
    if with_total:
        branches.append(f"SELECT {len(fields)}, NULL, COUNT(*) FROM {MATCHED}")  # noqa: S608
    sql = f"WITH {MATCHED}(id) AS MATERIALIZED ({matched_sql}) " + " UNION ALL ".join(branches)
    counts: dict[str, list[tuple[object, int]]] = {field: [] for field in fields}
    with connection.cursor() as cursor:
        cursor.execute(sql, (*matched_params, *params))
        rows = cursor.fetchall()
    for index, value, count in rows:
        if index == len(fields):
            counts[TOTAL] = [(None, count)]
        elif value is not None:
            counts[fields[index]].append((output_fields[index].to_python(value), count))
    for values in counts.values():
        values.sort(key=lambda pair: (-pair[1], str(pair[0])))
    return counts


def _connection(queryset: models.QuerySet):
    return connections[queryset.db]


def _backend(queryset: models.QuerySet):
    return backend_for(_connection(queryset).vendor)

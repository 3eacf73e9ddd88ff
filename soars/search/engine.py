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
from django.db.models import FloatField, Value
from django.utils.html import escape

from soars.search import facets, registry
from soars.search.backends import backend_for
from soars.search.backends.base import START, STOP, marked_html
from soars.search.facets import Facets
from soars.search.models import SearchDocument
from soars.search.query import Query, parse

FALLBACK_SNIPPET_WORDS = 30
TOTAL = "__total__"  # facet_counts(..., with_total=True) puts the number of records here
# The highest page number a search reads: past the end of any list SOARS holds, so a larger
# number shows the last page (as Paginator.get_page does), and its offset stays far inside
# the databases' integers (a page of 2**63 overflowed them: a 500).
MAX_PAGE = 1_000_000


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


def results_with_facets(
    results: models.QuerySet, fields: Sequence[str], number: int | str | None, per_page: int = 20
) -> tuple[Page, Facets]:
    """A page of results, the total and the facet counts, with the match made once.

    One statement finds every matching record, counts the facets and the total and
    picks the page's keys in the queryset's order (facets.count); a second reads the
    page's records by key. The search pages use this; bench/search.py times it.
    A broad search's total is estimated (facets.count): then the paginator counts about
    that many, rounded to two figures, and says so (paginator.estimated).
    """
    number = _page_number(number)
    start = (number - 1) * per_page
    found = facets.count(results, fields, page=(start, start + per_page))
    paginator = Paginator(results, per_page)
    paginator.count = facets.about(found.total) if found.total_estimated else found.total  # a cached_property
    paginator.estimated = found.total_estimated
    if number > paginator.num_pages:  # past the end: show the last page, as Paginator.get_page does
        number = paginator.num_pages
        return Page(page_records(results, (number - 1) * per_page, number * per_page), number, paginator), found
    if found.page_ids is None:
        return Page(page_records(results, start, start + per_page), number, paginator), found
    return Page(records_by_key(results, found.page_ids), number, paginator), found


def best(results: models.QuerySet, limit: int) -> list[tuple[int, float]]:
    """[(key, rank)] of the first `limit` records of a search() result, best first.

    Ranked as the search pages rank (facets.count): by the whole text, or past the
    backend's exact_limit in two tiers, where a record not ranked by its whole text has rank 0.
    """
    if not facets.two_tiers(results):  # every match scored in one statement
        return list(results.values_list("pk", "rank")[:limit])
    keys, ranks = facets.tiered_keys(results, limit)
    return [(key, ranks.get(key, 0.0)) for key in keys]


def page_records(results: models.QuerySet, start: int, stop: int) -> list[models.Model]:
    """results[start:stop], reading the full rows of those records only.

    The order (by rank, say) is found from the keys alone; then the page's records are
    loaded by key. Sorting the full rows of every match would read each matched
    record's wide text columns.
    """
    return records_by_key(results, list(results.values_list("pk", flat=True)[start:stop]))


def records_by_key(results: models.QuerySet, keys: list[int]) -> list[models.Model]:
    """The records of results with these keys, in this order, with results' related records and deferrals."""
    page = results.model._default_manager.using(results.db).filter(pk__in=keys)
    page.query.select_related = results.query.select_related
    page.query.deferred_loading = results.query.deferred_loading
    page._prefetch_related_lookups = results._prefetch_related_lookups
    records = {record.pk: record for record in page}
    return [records[key] for key in keys if key in records]


def _page_number(number) -> int:
    """The page number asked for, from 1 to MAX_PAGE; anything that is not a whole number is page 1."""
    try:
        return min(max(1, int(number or 1)), MAX_PAGE)
    except (TypeError, ValueError):
        return 1


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
    the number of records. Counts across relations are exact up to facets.SAMPLE
    records found and estimated above it; count_facets() says which.
    """
    found = count_facets(queryset, fields)
    return found.counts | ({TOTAL: [(None, found.total)]} if with_total else {})


def count_facets(queryset: models.QuerySet, fields: Sequence[str]) -> Facets:
    """The counts, the total and whether the counts across relations are estimates (one statement)."""
    return facets.count(queryset, fields)


def _connection(queryset: models.QuerySet):
    return connections[queryset.db]


def _backend(queryset: models.QuerySet):
    return backend_for(_connection(queryset).vendor)

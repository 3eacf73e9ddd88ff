"""What every backend provides. Backends receive a parsed Query, never the user's text."""

from __future__ import annotations

import html
from contextlib import contextmanager
from dataclasses import dataclass

from django.db.models import QuerySet
from django.db.models.expressions import RawSQL
from django.utils.safestring import SafeString, mark_safe

from soars.search.query import Query

# Snippet markers: control characters that index_document strips from every
# document, so after HTML-escaping a snippet they can only be our own marks.
START, STOP = "\x02", "\x03"


def outer_pk(queryset: QuerySet, connection) -> str:
    """The caller's primary-key column, quoted, for joining the index to it."""
    meta = queryset.model._meta
    return f"{connection.ops.quote_name(meta.db_table)}.{connection.ops.quote_name(meta.pk.column)}"


@dataclass
class Sample:
    """What Backend.sampled() found: the sampled records (restrict()'s queryset, narrowed; ranked
    only by a backend that scores matches cheaply, exact_limit None), those of every `every`-th
    matching document and, when the backend knows it, how many of the kind's
    documents in the sample match the text (before visibility and filters). A backend may thin a
    large sample (a larger `every`): then `fuller` is the sample it was thinned from, to count
    when the thinned one finds too few records after visibility and filters."""

    records: QuerySet
    every: int
    documents: int | None = None
    fuller: Sample | None = None


class SearchRank(RawSQL):
    """The `rank` a backend's restrict() annotates: its SQL, plus the kind and query it ranks,
    so that facets.count can rank a broad query's best candidates only (see there)."""

    def __init__(self, sql: str, params, *, kind: str, query: Query):
        super().__init__(sql, params)
        self.kind, self.query = kind, query


def head_first(queryset: QuerySet) -> list:
    """The queryset's order with the head's rank (search_head_rank) in place of the search's
    rank: the first tier's order (see facets.count)."""
    return ["-search_head_rank" if item == "-rank" else item for item in queryset.query.order_by]


def marked_html(raw: str) -> SafeString:
    escaped = html.escape(raw, quote=True)
    return mark_safe(escaped.replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308 (escaped above)


class Backend:
    def restrict(self, queryset: QuerySet, query: Query, kind: str, connection) -> QuerySet:
        """Keep the records of queryset whose document matches, annotated with rank (higher is better)."""
        raise NotImplementedError

    def exclude(self, queryset: QuerySet, query: Query, kind: str, connection) -> QuerySet:
        """Drop the records whose document matches any excluded term (a query with nothing else)."""
        raise NotImplementedError

    def similar_names(self, queryset: QuerySet, text: str, kind: str, connection) -> QuerySet:
        raise NotImplementedError

    def snippets(self, kind: str, ids: list[int], query: Query, connection) -> dict[int, str]:
        """Raw snippets with START/STOP around matched words, for the ids that matched."""
        raise NotImplementedError

    # Past this many text matches a ranked search ranks in two tiers (see facets.count); None:
    # always score every match by its whole text. Scoring costs ~1 microsecond a match in
    # SQLite's FTS5 (cheaper than two tiers at any size measured) and ~5 on PostgreSQL,
    # which reads each document's vector from TOAST storage.
    exact_limit: int | None = None

    def matches_more_than(self, limit: int, kind: str, query: Query, connection) -> bool:
        """Whether more than `limit` documents of the kind match the query's text (cheap: it
        stops counting past the limit and checks nothing else). A backend may count documents
        of every kind instead when that is much cheaper (SQLite), or judge a large limit from a
        sample of the documents (PostgreSQL: see there)."""
        raise NotImplementedError

    def head(self, kind: str, query: Query) -> tuple[str, list]:
        """SQL over restrict()'s tables (and its params): how well each matched document's head
        (title and names) matches every group of the query, 0 if it does not; the first tier
        of ranking (see facets.count)."""
        raise NotImplementedError

    def exact_ranks(self, kind: str, ids: list[int], query: Query, connection) -> dict[int, float]:
        """{object_id: rank} for these ids, as restrict() ranks them (ids that do not match are left out)."""
        raise NotImplementedError

    # Past this many text matches, a page of a search sorted by rank is picked from candidates and
    # its total and facets are estimated from a sample of the matching documents (see
    # facets.count); None: always read every match.
    estimate_limit: int | None = None

    def sampled(self, queryset: QuerySet, every: int, *, more_than: int) -> Sample | None:
        """A Sample: restrict()'s queryset keeping only the records of every `every`-th document
        (by the document's key or its record's: an even sample, whatever the records are); None
        when the query's text matches no more than about `more_than` documents of the kind (not
        broad)."""
        raise NotImplementedError

    def sampled_records(self, queryset: QuerySet, every: int, largest: int) -> QuerySet:
        """queryset (no words searched) keeping only the records whose key is a multiple of
        `every` (up to `largest`, the table's largest key), found by key rather than by reading
        every record."""
        raise NotImplementedError

    def head_matches(
        self, queryset: QuerySet, limit: int, share: float | None = None
    ) -> list[tuple[int, float | None]]:
        """[(key, rank)] of up to `limit` of restrict()'s records whose head (title and names)
        matches every group of the query, best first (the first tier's order: by their head or
        by their whole text), each with its whole-text rank as restrict() ranks it, or None when
        the backend leaves that to exact_ranks(). share: about which share of the kind's
        matching documents are of the queryset's records (visible and filtered), when the sample
        tells; a backend that lists only the best heads lists more of them for a smaller share."""
        raise NotImplementedError

    @contextmanager
    def matching_cursor(self, connection):
        """A cursor for a statement that matches text (PostgreSQL tunes the planner for it)."""
        with connection.cursor() as cursor:
            yield cursor

    def optimize(self, connection) -> None:
        """Tidy the index after a bulk rebuild."""

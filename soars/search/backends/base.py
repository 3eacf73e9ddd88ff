"""What every backend provides. Backends receive a parsed Query, never the user's text."""

from __future__ import annotations

import html

from django.db.models import QuerySet
from django.utils.safestring import SafeString, mark_safe

from soars.search.query import Query

# Snippet markers: control characters that index_document strips from every
# document, so after HTML-escaping a snippet they can only be our own marks.
START, STOP = "\x02", "\x03"


def outer_pk(queryset: QuerySet, connection) -> str:
    """The caller's primary-key column, quoted, for joining the index to it."""
    meta = queryset.model._meta
    return f"{connection.ops.quote_name(meta.db_table)}.{connection.ops.quote_name(meta.pk.column)}"


def marked_html(raw: str) -> SafeString:
    escaped = html.escape(raw, quote=True)
    return mark_safe(escaped.replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308 (escaped above)


class Backend:
    # Can a results page carry its total as COUNT(*) OVER () (see engine.results_page)?
    counts_in_window = True

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

    def optimize(self, connection) -> None:
        """Tidy the index after a bulk rebuild."""

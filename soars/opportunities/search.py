"""How an opportunity becomes a search document (kind "opportunity"; see docs/search.md)."""

from __future__ import annotations

from soars.search.registry import Document

KIND = "opportunity"


def opportunity_document(opportunity) -> Document:
    """Title weighs most, then the agency names, then everything else the posting says."""
    names = [getattr(opportunity.agency, "name", ""), getattr(opportunity.sub_element, "name", "") or ""]
    return Document(
        title=opportunity.title,
        names=" ".join(name for name in names if name),
        body=opportunity.build_search_text(),
    )


def indexed_records():
    """What rebuild_search_index reads, with what the document function follows."""
    from soars.opportunities.models import Opportunity

    return Opportunity.objects.select_related("agency", "sub_element", "type").prefetch_related("ecqs", "competencies")


def index_many(opportunities, *, batch_size: int = 1000) -> None:
    """Index records written without save() (bulk_create) in a few statements, in the caller's transaction.

    Replaces any documents the records already had.
    """
    from django.db import transaction

    from soars.search.engine import clean_text
    from soars.search.models import SearchDocument

    opportunities = list(opportunities)
    rows = []
    for opportunity in opportunities:
        document = opportunity_document(opportunity)
        rows.append(
            SearchDocument(
                kind=KIND,
                object_id=opportunity.pk,
                title=clean_text(document.title),
                names=clean_text(document.names),
                body=clean_text(document.body),
            )
        )
    with transaction.atomic():
        ids = [opportunity.pk for opportunity in opportunities]
        for start in range(0, len(ids), batch_size):
            SearchDocument.objects.filter(kind=KIND, object_id__in=ids[start : start + batch_size]).delete()
        SearchDocument.objects.bulk_create(rows, batch_size=batch_size)

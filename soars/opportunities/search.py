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

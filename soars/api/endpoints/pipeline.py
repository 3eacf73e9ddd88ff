"""An opportunity's interest pipeline, Best matches and shortlist, for HR staff of the owning agency."""

from __future__ import annotations

from typing import Literal

from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status

from soars.api import convert, pagination
from soars.api.access import allow
from soars.api.endpoints.opportunities import READ, WRITE, managed
from soars.api.schemas import Id, InterestOut, InterestPage, MatchPage, MoveIn, ShortlistEntryOut, ShortlistIn
from soars.audit.log import record
from soars.opportunities.match_list import match_list, page_of
from soars.opportunities.models import ShortlistEntry
from soars.opportunities.views_shortlist import _entries, _with_interests
from soars.resumes.models import Resume

router = Router(tags=["Pipeline, matches and shortlist"])
INTERESTS_PER_PAGE = 50


class Cursor(Schema):
    cursor: str | None = Field(None, max_length=200)


class MatchFilters(Cursor):
    """The filters of the Best matches tab."""

    show: Literal["all", "meets", "near"] = "all"
    sort: Literal["score", "updated", "name"] = "score"
    interested: bool = Field(False, description="Only executives who expressed interest.")


def _interest(interest) -> dict:
    executive = interest.executive
    resume = getattr(executive, "resume", None)
    return {
        "id": interest.pk,
        "executive": executive.pk,
        "name": executive.full_name or executive.email,
        "email": executive.email,
        "resume": resume.pk if resume else None,
        "status": interest.status,
        "note": interest.note,
        "created_at": interest.created_at,
        "updated_at": interest.updated_at,
        "allowed_moves": [value for value, _ in interest.hr_choices()],
        "history": [
            {"from_status": e.from_status, "to_status": e.to_status, "at": e.at} for e in interest.events.all()
        ],
    }


@router.get("/{id}/interests", response={200: InterestPage, **READ}, auth=allow("hr"))
def interests(request, id: Id, params: Query[Cursor]):
    """The executives who expressed interest, oldest first, with their place in the pipeline and its history."""
    opportunity = managed(request, id)
    wanted = pagination.decode(params.cursor)
    qs = (
        opportunity.interests.select_related("executive__resume")
        .prefetch_related("events")
        .order_by("created_at", "pk")
    )
    page = Paginator(qs, INTERESTS_PER_PAGE).get_page(wanted)
    record("opportunity.candidates_viewed", request=request, obj=opportunity, agency=opportunity.agency, via="api")
    if pagination.past_the_end(page, wanted):
        return {"items": [], "next_cursor": None, "total": page.paginator.count}
    items = [_interest(interest) for interest in page.object_list]
    return {"items": items, "next_cursor": pagination.next_cursor(page), "total": page.paginator.count}


@router.post("/{id}/interests/{interest_id}/move", response={200: InterestOut, **WRITE}, auth=allow("hr", write=True))
def move(request, id: Id, interest_id: Id, payload: MoveIn):
    """Move a candidate to another pipeline status (the moves allowed are listed on each interest)."""
    with transaction.atomic():
        opportunity = managed(request, id)
        interest = get_object_or_404(opportunity.interests.select_related("executive", "opportunity"), pk=interest_id)
        interest.move_to(payload.status, by=request.user)  # a move not allowed is a 409
        record(
            "interest.moved",
            request=request,
            obj=interest,
            agency=opportunity.agency,
            status=interest.status,
            via="api",
        )
    fresh = opportunity.interests.select_related("executive__resume").prefetch_related("events").get(pk=interest.pk)
    return _interest(fresh)


@router.get("/{id}/matches", response={200: MatchPage, **READ}, auth=allow("hr"))
def matches(request, id: Id, filters: Query[MatchFilters]):
    """Best matches, as on the Best matches tab: those who meet every requirement first, then near misses,
    each with a 0–100 score, the reasons for it and the requirements missed."""
    opportunity = managed(request, id)
    wanted = pagination.decode(filters.cursor)
    listing = match_list(opportunity, request.user.agency, convert.query_dict(filters.dict(exclude={"cursor"})))
    record("opportunity.matches_viewed", request=request, obj=opportunity, agency=opportunity.agency, via="api")
    shown = page_of(listing, wanted)
    page = shown["page"]
    total = len(listing.entries)
    base = {"counts": listing.counts, "computed_at": listing.computed_at, "total": total}
    if pagination.past_the_end(page, wanted):
        return base | {"items": [], "next_cursor": None}
    items = []
    for entry in shown["page_meets"] + shown["page_near"]:
        resume, match = entry.record, entry.match
        items.append(
            {
                "resume": resume.pk,
                "executive": resume.executive_id,
                "name": resume.executive.full_name or resume.executive.email,
                "score": match.score,
                "meets_all": match.meets_all,
                "reasons": [{"text": r.text, "points": r.points} for r in match.reasons],
                "missed": [{"code": miss.code, "text": miss.text} for miss in match.missed],
                "interested": bool(getattr(entry, "interested", False)),
            }
        )
    return base | {"items": items, "next_cursor": pagination.next_cursor(page)}


def _entry(entry) -> dict:
    executive = entry.resume.executive
    return {
        "id": entry.pk,
        "resume": entry.resume_id,
        "executive": executive.pk,
        "name": executive.full_name or executive.email,
        "email": executive.email,
        "note": entry.note,
        "added_at": entry.created_at,
        "invited_at": entry.invited_at,
        "interest_status": entry.interest.status if getattr(entry, "interest", None) else None,
    }


@router.get("/{id}/shortlist", response={200: list[ShortlistEntryOut], **READ}, auth=allow("hr"))
def shortlist(request, id: Id):
    """Export the shortlist (entries of resumes the agency may still see), recorded like a download."""
    opportunity = managed(request, id)
    entries = _with_interests(opportunity, _entries(request, opportunity))
    record(
        "opportunity.shortlist_exported",
        request=request,
        obj=opportunity,
        agency=opportunity.agency,
        format="json",
        count=len(entries),
    )
    return [_entry(entry) for entry in entries]


@router.post("/{id}/shortlist", response={201: ShortlistEntryOut, 200: ShortlistEntryOut, **WRITE},
             auth=allow("hr", write=True))  # fmt: skip
def shortlist_add(request, id: Id, payload: ShortlistIn):
    """Put an executive whose resume the agency may see on the shortlist (200 if already there)."""
    opportunity = managed(request, id)
    resume = get_object_or_404(Resume.objects.visible_to_agency(request.user.agency), pk=payload.resume)
    with transaction.atomic():
        entry, created = ShortlistEntry.add(opportunity, resume, by=request.user, note=payload.note)
        if created:
            record("shortlist.added", request=request, obj=entry, agency=opportunity.agency, resume=resume.pk)
    entry = _with_interests(opportunity, _entries(request, opportunity).filter(pk=entry.pk))[0]
    return Status(201 if created else 200, _entry(entry))

"""Opportunities: browsing open postings (anyone signed in), and the agency's own postings (HR staff).

Every rule is the site's: the querysets (browsable_by, managed_by), the form's checks
(OpportunityForm) and the model's transitions (publish, close, cancel, mark_filled).
"""

from __future__ import annotations

from typing import Literal

from django.db import transaction
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status

from soars.api import convert, pagination
from soars.api.access import allow
from soars.api.problems import Problem, ProblemOut, form_errors
from soars.api.schemas import FillIn, Id, OpportunityIn, OpportunityOut, OpportunityPage, OpportunityPatch
from soars.api.schemas import Status as PostingStatus
from soars.audit.log import record
from soars.opportunities.filters import search_opportunities
from soars.opportunities.forms import FillForm, OpportunityForm
from soars.opportunities.models import Opportunity
from soars.opportunities.views_executive import PER_PAGE
from soars.opportunities.views_executive import search_page as browse_page

router = Router(tags=["Opportunities"])
agency_router = Router(tags=["Agency opportunities"])

REFUSED = {401: ProblemOut, 403: ProblemOut, 429: ProblemOut}
READ = {**REFUSED, 400: ProblemOut, 404: ProblemOut, 422: ProblemOut}
WRITE = {**READ, 409: ProblemOut, 413: ProblemOut, 415: ProblemOut, 422: ProblemOut}
DETAIL_RELATED = ("type", "agency", "sub_element", "clearance")


class BrowseFilters(Schema):
    """The filters of the /opportunities/ page."""

    q: str = Field("", max_length=500, description="Words to find; quotes for a phrase, OR, -word.")
    type: str = Field("", max_length=40, description="An opportunity type code.")
    agency: str = Field("", max_length=8, description="A top-level agency code (includes its sub-elements).")
    location: str = Field("", max_length=100)
    remote: bool = Field(False, description="Hybrid or fully remote only.")
    ecq: int | None = Field(None, ge=1, le=2_147_483_647, description="An ECQ id the posting emphasises.")
    clearance: str = Field("", max_length=20, description="Only postings needing this clearance or less.")
    closing_soon: bool = False
    sort: Literal["", "relevance", "newest", "closing"] = ""
    cursor: str | None = Field(None, max_length=200)


class AgencyFilters(BrowseFilters):
    status: PostingStatus | None = None


def _page_out(page, wanted: int) -> dict:
    if pagination.past_the_end(page, wanted):
        return {"items": [], "next_cursor": None, "total": page.paginator.count}
    return {
        "items": [convert.summary(o) for o in page.object_list],
        "next_cursor": pagination.next_cursor(page),
        "total": page.paginator.count,
    }


@router.get("", response={200: OpportunityPage, **READ}, auth=allow("executive", "hr", "admin"))
def browse(request, filters: Query[BrowseFilters]):
    """Open opportunities as the caller may see them at /opportunities/, with the same search and filters."""
    wanted = pagination.decode(filters.cursor)
    params = convert.query_dict(filters.dict(exclude={"cursor"}))
    context = browse_page(request.user, params, wanted)
    return _page_out(context["page"], wanted)


@router.get("/{id}", response={200: OpportunityOut, **READ}, auth=allow("executive", "hr", "admin"))
def opportunity(request, id: Id):
    """One opportunity the caller may open at /opportunities/<id>/."""
    qs = Opportunity.objects.visible_to(request.user).select_related(*DETAIL_RELATED)
    return convert.detail(get_object_or_404(qs, pk=id))


# -- the agency's postings -------------------------------------------------------


def managed(request, id: int) -> Opportunity:
    """The opportunity, if the caller's agency owns it; otherwise 404 (its existence is not disclosed)."""
    return get_object_or_404(Opportunity.objects.managed_by(request.user).select_related(*DETAIL_RELATED), pk=id)


@agency_router.get("", response={200: OpportunityPage, **READ}, auth=allow("hr"))
def agency_list(request, filters: Query[AgencyFilters]):
    """The agency's opportunities in every status, searched and filtered like the browse page."""
    wanted = pagination.decode(filters.cursor)
    mine = Opportunity.objects.managed_by(request.user)
    if filters.status:
        mine = mine.filter(status=filters.status)
    results = search_opportunities(mine, convert.query_dict(filters.dict(exclude={"cursor", "status"})))
    return _page_out(results.page(wanted, PER_PAGE), wanted)


def _bound_form(request, data: dict, instance: Opportunity | None) -> OpportunityForm:
    agency = instance.agency if instance else request.user.agency
    form = OpportunityForm(convert.as_form_input(data), instance=instance, agency=agency)
    if not form.is_valid():
        raise Problem(422, "The posting breaks some rules; see errors.", form_errors(form))
    return form


def _save(request, form: OpportunityForm, *, created: bool) -> Opportunity:
    opportunity = form.save(commit=False)
    if created:
        opportunity.agency = request.user.agency
        opportunity.created_by = request.user
        opportunity.status = Opportunity.Status.DRAFT
    opportunity.save()
    form.save_m2m()
    opportunity.reindex()  # now that its ECQs and competencies are set, as the HR page does
    action = "opportunity.created" if created else "opportunity.edited"
    record(action, request=request, obj=opportunity, agency=opportunity.agency, via="api")
    return opportunity


@agency_router.post("", response={201: OpportunityOut, **WRITE}, auth=allow("hr", write=True))
def create(request, payload: OpportunityIn):
    """Post a new opportunity for the caller's agency, as a draft; with publish=true, publish it too."""
    values = payload.dict(exclude={"publish"})
    with transaction.atomic():
        form = _bound_form(request, convert.opportunity_form_data(values, request.user.agency), None)
        opportunity = _save(request, form, created=True)
        if payload.publish:
            opportunity.publish(request.user)  # a TransitionError rolls the posting back: 409
            record("opportunity.published", request=request, obj=opportunity, agency=opportunity.agency, via="api")
    return Status(201, convert.detail(managed(request, opportunity.pk)))


@agency_router.get("/{id}", response={200: OpportunityOut, **READ}, auth=allow("hr"))
def agency_detail(request, id: Id):
    return convert.detail(managed(request, id))


@agency_router.patch("/{id}", response={200: OpportunityOut, **WRITE}, auth=allow("hr", write=True))
def update(request, id: Id, payload: OpportunityPatch):
    """Change a draft or open posting; only the fields sent change, and the whole is checked again."""
    with transaction.atomic():
        opportunity = managed(request, id)
        if not opportunity.is_editable:
            raise Problem(409, f"A {opportunity.get_status_display().lower()} opportunity cannot be edited.")
        data = convert.current_form_data(opportunity)
        data |= convert.opportunity_form_data(payload.dict(exclude_unset=True), opportunity.agency)
        _save(request, _bound_form(request, data, opportunity), created=False)
    return convert.detail(managed(request, id))


def _transition(request, id: int, action: str) -> dict:
    with transaction.atomic():
        opportunity = managed(request, id)
        if action == "publish":
            opportunity.publish(request.user)
        elif action == "close":
            opportunity.close()
        else:
            opportunity.cancel()
        done = {"publish": "published", "close": "closed", "cancel": "cancelled"}[action]
        record(f"opportunity.{done}", request=request, obj=opportunity, agency=opportunity.agency, via="api")
    return convert.detail(managed(request, id))


@agency_router.post("/{id}/publish", response={200: OpportunityOut, **WRITE}, auth=allow("hr", write=True))
def publish(request, id: Id):
    """Publish a draft (409 with the reasons when it breaks a rule)."""
    return _transition(request, id, "publish")


@agency_router.post("/{id}/close", response={200: OpportunityOut, **WRITE}, auth=allow("hr", write=True))
def close(request, id: Id):
    return _transition(request, id, "close")


@agency_router.post("/{id}/cancel", response={200: OpportunityOut, **WRITE}, auth=allow("hr", write=True))
def cancel(request, id: Id):
    return _transition(request, id, "cancel")


@agency_router.post("/{id}/fill", response={200: OpportunityOut, **WRITE}, auth=allow("hr", write=True))
def fill(request, id: Id, payload: FillIn):
    """Mark an open or closed posting filled, naming the executive selected if they came through SOARS."""
    with transaction.atomic():
        opportunity = managed(request, id)
        selected = "" if payload.selected_executive is None else str(payload.selected_executive)
        form = FillForm({"selected": selected}, opportunity=opportunity)
        if not form.is_valid():
            errors = [{"field": "selected_executive", "message": "Name an executive who expressed interest."}]
            raise Problem(422, "The selected executive did not express interest.", errors)
        opportunity.mark_filled(request.user, selected=form.cleaned_data["selected"])
        record("opportunity.filled", request=request, obj=opportunity, agency=opportunity.agency, via="api")
    return convert.detail(managed(request, id))

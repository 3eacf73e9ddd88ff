"""Resumes: HR staff search and read those visible to their agency (each read is recorded, as on the
site); an executive reads and replaces their own as JSON Resume."""

from __future__ import annotations

from typing import Any, Literal

from django.shortcuts import get_object_or_404
from django.utils.html import strip_tags
from ninja import Body, Field, Query, Router, Schema

from soars.api import convert, pagination
from soars.api.access import allow
from soars.api.endpoints.opportunities import READ, WRITE
from soars.api.problems import Problem
from soars.api.schemas import Id, ResumePage
from soars.resumes import viewing
from soars.resumes.jsonresume import apply_plan, build_plan, export_resume
from soars.resumes.models import Resume
from soars.resumes.views.hr import search_page

router = Router(tags=["Resumes"])
me_router = Router(tags=["My resume"])

JsonResume = dict[str, Any]


class ResumeFilters(Schema):
    """The filters of the /hr/resumes/ page (repeat a list filter for several values)."""

    q: str = Field("", max_length=500)
    ecq: list[int] = Field([], max_length=20, description="ECQ ids: a statement for each.")
    competency: list[str] = Field([], max_length=50, description="Competency codes: claims each.")
    served_in: list[str] = Field([], max_length=50, description="Agency codes (with their sub-elements).")
    eligibility: list[str] = Field([], max_length=20)
    clearance: str = Field("", max_length=20, description="A clearance code: holds at least this.")
    location: str = Field("", max_length=100)
    remote: bool = False
    type: list[str] = Field([], max_length=20, description="Opportunity type codes wanted.")
    available_by: str = Field("", max_length=10, description="YYYY-MM-DD")
    sort: Literal["", "relevance", "updated"] = ""
    cursor: str | None = Field(None, max_length=200)


@router.get("", response={200: ResumePage, **READ}, auth=allow("hr"))
def search(request, filters: Query[ResumeFilters]):
    """Search the resumes visible to the caller's agency, with the filters of the search page."""
    wanted = pagination.decode(filters.cursor)
    context = search_page(request.user.agency, convert.query_dict(filters.dict(exclude={"cursor"})), wanted)
    page = context["page"]
    if pagination.past_the_end(page, wanted):
        return {"items": [], "next_cursor": None, "total": page.paginator.count}
    items = [
        {
            "id": resume.pk,
            "executive": resume.executive_id,
            "name": resume.executive.full_name or resume.executive.email,
            "headline": resume.headline,
            "current_agency": resume.current_agency.code if resume.current_agency_id else None,
            "clearance": resume.clearance.code if resume.clearance_id else None,
            "eligibility": resume.eligibility.code if resume.eligibility_id else None,
            "updated_at": resume.updated_at,
            "snippet": strip_tags(snippet),
        }
        for resume, snippet in context["rows"]
    ]
    return {"items": items, "next_cursor": pagination.next_cursor(page), "total": page.paginator.count}


@router.get("/{id}", response={200: JsonResume, **READ}, auth=allow("hr"))
def read(request, id: Id):
    """One resume as JSON Resume (federal fields under x-federal). Recorded like a view of the page:
    in the audit trail and in the executive's "who viewed my resume"."""
    resume = get_object_or_404(Resume.objects.visible_to_agency(request.user.agency), pk=id)
    viewing.record_reading(viewing.VIEWED, request, resume)
    return export_resume(resume)


@me_router.get("/resume", response={200: JsonResume, **READ}, auth=allow("executive", tokens=False))
def my_resume(request):
    """The caller's own resume as JSON Resume."""
    return export_resume(Resume.objects.for_executive(request.user))


@me_router.put("/resume", response={200: JsonResume, **WRITE}, auth=allow("executive", write=True, tokens=False))
def replace_my_resume(request, data: JsonResume = Body(...)):  # noqa: B008 (how ninja marks a body)
    """Replace the caller's resume with a JSON Resume, checked as the import on the resume page checks it
    (sharing settings stay as they are). Nothing is saved unless all of it is valid."""
    resume = Resume.objects.for_executive(request.user)
    plan = build_plan(data, resume)
    if not plan.ok:
        errors = [{"field": _field_of(message), "message": message} for message in plan.errors[:200]]
        raise Problem(422, "The JSON Resume has errors; nothing was saved.", errors)
    apply_plan(plan, resume)
    return export_resume(Resume.objects.get(pk=resume.pk))


def _field_of(message: str) -> str:
    head, sep, _ = message.partition(":")
    return head if sep and " " not in head else ""

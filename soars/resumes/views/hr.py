"""HR staff reading resumes shared with their agency. Every read is recorded."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache

from soars.core.access import roles
from soars.core.placed_messages import placed_messages
from soars.resumes import filters, viewing
from soars.resumes.models import Resume
from soars.resumes.views.editor import resume_context
from soars.resumes.views.exports import pdf_response
from soars.resumes.views.files import file_response
from soars.search.engine import snippets

PER_PAGE = 25


def _visible(request):
    return Resume.objects.visible_to_agency(request.user.agency).select_related(
        "executive", "current_agency", "ecq_framework", "clearance", "eligibility"
    )


def _visible_resume(request, resume_id: int) -> Resume:
    """404, not 403, for a resume the agency may not see: its existence is not disclosed."""
    return get_object_or_404(_visible(request), pk=resume_id)


def search_page(agency, params, page_number=None) -> dict:
    """Everything the search page shows, computed: the results page, snippets and facet counts.

    The view renders it; bench/search.py times it. Only resumes visible to `agency` are read.
    """
    form = filters.ResumeSearchForm(params or None)
    criteria = form.criteria()
    visible = (
        Resume.objects.visible_to_agency(agency)
        .select_related("executive", "current_agency", "ecq_framework", "clearance", "eligibility")
        .defer("file_text", "summary")
    )
    found = filters.find_resumes(visible, criteria, page_number, PER_PAGE)
    page = found.page
    query = criteria.get("q", "")
    why = snippets(filters.KIND, [resume.pk for resume in page], found.query) if query else {}
    return {
        "found": found,
        "most_words_note": found.most_words_note("resume", "resumes"),
        "form": form,
        "page": page,
        "rows": [(resume, why.get(resume.pk, "")) for resume in page],
        "query": query,
        "searching": bool(criteria.keys() - {"sort"}),
        "facets": filters.facets(form, found),
    }


@roles("hr")
@never_cache
def resume_list(request):
    """Search resumes visible to the agency; with no query and no filters, newest first."""
    context = search_page(request.user.agency, request.GET, request.GET.get("page"))
    query_string = request.GET.copy()
    query_string.pop("page", None)
    context["query_string"] = query_string.urlencode()
    query_string["q"] = context["found"].suggestion
    context["suggestion_query"] = query_string.urlencode()
    return render(request, "resumes/hr_list.html", context)


@roles("hr")
@never_cache
def resume_detail(request, resume_id: int):
    resume = _visible_resume(request, resume_id)
    viewing.record_reading(viewing.VIEWED, request, resume)
    # The shortlist panel shows the outcome of adding from it (opportunities/views_shortlist.py).
    context = resume_context(resume) | placed_messages(request, ["shortlist"])
    return render(request, "resumes/hr_detail.html", context)


@roles("hr")
@never_cache
def resume_file(request, resume_id: int):
    resume = _visible_resume(request, resume_id)
    response = file_response(resume)
    viewing.record_reading(viewing.FILE_DOWNLOADED, request, resume)
    return response


@roles("hr")
@never_cache
def resume_pdf(request, resume_id: int):
    resume = _visible_resume(request, resume_id)
    response = pdf_response(resume)
    viewing.record_reading(viewing.EXPORTED, request, resume)
    return response

"""The executive directory (/directory/): current executives who chose to be listed, for signed-in
executives and HR staff. It shows and searches only what the executive chose to list (name,
headline, current title, agency, skills and contact details), never the rest of the resume."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import render
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache

from soars.core.access import roles
from soars.directory.forms import DirectoryForm
from soars.resumes.models import Resume

PER_PAGE = 25
SEARCHED = ("executive__full_name", "headline", "current_title", "skills")  # what a listing shows
ORDER = {"name": ("executive__full_name", "pk"), "agency": ("current_agency__name", "executive__full_name", "pk")}


def listed(words: str = "", agency=None, sort: str = "name"):
    """The executives in the directory, narrowed by every word (in a listed field) and an agency."""
    people = Resume.objects.in_directory().select_related("executive", "current_agency")
    for word in words.split():
        match = Q()
        for field in SEARCHED:
            match |= Q(**{f"{field}__icontains": word})
        people = people.filter(match)
    if agency is not None:
        people = people.filter(Q(current_agency=agency) | Q(current_agency__parent=agency))  # or a sub-element
    return people.order_by(*ORDER.get(sort, ORDER["name"]))


@roles("executive", "hr", "admin")
@never_cache
def directory(request):
    form = DirectoryForm(request.GET or None)
    if form.is_valid():
        criteria = form.cleaned_data
        people = listed(criteria["q"], criteria["agency"], criteria["sort"] or "name")
        chosen = {
            "q": criteria["q"],
            "agency": criteria["agency"].pk if criteria["agency"] else "",
            "sort": criteria["sort"] if criteria["sort"] not in ("", "name") else "",
        }
    else:  # nothing asked yet, or a bad value: everyone, and the form says what is wrong
        people = listed() if not form.is_bound else Resume.objects.none()
        chosen = {}
    page = Paginator(people, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "directory/directory.html",
        {
            "form": form,
            "page": page,
            "searched": form.is_bound and form.is_valid() and any(chosen.get(k) for k in ("q", "agency")),
            "query_string": urlencode({key: value for key, value in chosen.items() if value}),
        },
    )

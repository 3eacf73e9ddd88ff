"""Executive pages: browse and open opportunities, express and withdraw interest, follow interests."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from soars.audit.log import record
from soars.core.access import roles
from soars.opportunities.filters import FilterForm, search_opportunities
from soars.opportunities.forms import InterestForm
from soars.opportunities.models import Interest, Opportunity, TransitionError
from soars.opportunities.rules import interest_problem

PER_PAGE = 20


@roles("executive", "hr", "admin")
def browse(request):
    context = search_page(request.user, request.GET, request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context |= {"query_string": query.urlencode(), "filtered": bool(query)}
    query["q"] = context["found"].suggestion
    context["suggestion_query"] = query.urlencode()
    return render(request, "opportunities/browse.html", context)


def search_page(user, params, page_number=None) -> dict:
    """What the browse page shows, computed: results page, snippets and counts (bench/search.py times it)."""
    form = FilterForm(params or None)  # cleaned once, for the search and the page alike
    results = search_opportunities(Opportunity.objects.browsable_by(user), form)
    page = results.page(page_number, PER_PAGE)
    form.show_counts(results.counts)
    why = results.snippets_for(page.object_list)
    for opportunity in page.object_list:
        opportunity.snippet = why.get(opportunity.pk)
    return {
        "form": form,
        "page": page,
        "searched": bool(results.query),
        "found": results.found,
        "most_words_note": results.found.most_words_note("opportunity", "opportunities"),
        "can_save": bool(form.values().keys() - {"sort"}),  # a query or a filter to save
    }


def _visible(request, pk: int) -> Opportunity:
    qs = Opportunity.objects.visible_to(request.user).select_related("type", "agency", "sub_element", "clearance")
    return get_object_or_404(qs, pk=pk)


@roles("executive", "hr", "admin")
def detail(request, pk: int):
    opportunity = _visible(request, pk)
    interest = None
    if request.user.has_role("executive"):
        interest = Interest.objects.filter(executive=request.user, opportunity=opportunity).first()
    context = {
        "opportunity": opportunity,
        "interest": interest,
        "form": InterestForm(),
        "problem": interest_problem(request.user, opportunity) if request.user.has_role("executive") else None,
    }
    return render(request, "opportunities/detail.html", context)


@roles("executive")
@require_POST
def express_interest(request, pk: int):
    opportunity = _visible(request, pk)
    form = InterestForm(request.POST)
    if not form.is_valid():
        interest = Interest.objects.filter(executive=request.user, opportunity=opportunity).first()
        context = {"opportunity": opportunity, "interest": interest, "form": form, "problem": None}
        return render(request, "opportunities/detail.html", context, status=400)
    try:
        with transaction.atomic():
            interest = Interest.express(request.user, opportunity, form.cleaned_data["note"])
            record("interest.expressed", request=request, obj=interest, agency=opportunity.agency)
    except TransitionError as exc:
        messages.error(request, str(exc))
        return redirect(opportunity)
    messages.success(request, "Your interest is sent. The agency's HR staff will see it with your resume.")
    return redirect(opportunity)


@roles("executive")
@require_POST
def withdraw_interest(request, pk: int):
    opportunity = _visible(request, pk)
    interest = get_object_or_404(Interest, executive=request.user, opportunity=opportunity)
    try:
        with transaction.atomic():
            interest.move_to(Interest.Status.WITHDRAWN, by=request.user)
            record("interest.withdrawn", request=request, obj=interest, agency=opportunity.agency)
    except TransitionError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "You have withdrawn your interest.")
    return redirect(opportunity)


@roles("executive")
@never_cache
def my_interests(request):
    interests = (
        Interest.objects.filter(executive=request.user)
        .select_related("opportunity__agency", "opportunity__type")
        .prefetch_related("events")
        .order_by("-updated_at")
    )
    page = Paginator(interests, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "opportunities/my_interests.html", {"page": page})

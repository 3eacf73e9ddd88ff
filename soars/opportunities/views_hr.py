"""HR staff pages: post, edit, publish, close and fill opportunities; work the candidate pipeline."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from soars.audit.log import record
from soars.core.access import roles
from soars.core.placed_messages import placed_messages
from soars.opportunities import exports
from soars.opportunities.forms import FillForm, MoveForm, NoteForm, OpportunityForm
from soars.opportunities.hooks import candidate_title
from soars.opportunities.match_list import SHOWS, SORTS, interest_matches, match_list, page_of
from soars.opportunities.models import Interest, Opportunity, ShortlistEntry, TransitionError


def managed(request, pk: int) -> Opportunity:
    """The opportunity, if the user's agency owns it; otherwise 404 (not 403: do not confirm it exists)."""
    return get_object_or_404(Opportunity.objects.managed_by(request.user).select_related("type", "agency"), pk=pk)


@roles("hr")
def opportunity_list(request):
    qs = (
        Opportunity.objects.managed_by(request.user)
        .select_related("type", "sub_element")
        .annotate(
            interest_count=Count("interests", distinct=True),
            new_count=Count("interests", filter=Q(interests__status="interested"), distinct=True),
        )
        .order_by("-created_at")
    )
    status = request.GET.get("status", "")
    if status in Opportunity.Status.values:
        qs = qs.filter(status=status)
    page = Paginator(qs, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "opportunities/hr/list.html",
        {"page": page, "status": status, "statuses": Opportunity.Status.choices},
    )


def _save_from_form(request, form: OpportunityForm, *, created: bool):
    with transaction.atomic():
        opportunity = form.save(commit=False)
        if created:
            opportunity.agency = request.user.agency
            opportunity.created_by = request.user
            opportunity.status = Opportunity.Status.DRAFT
        opportunity.save()
        form.save_m2m()
        opportunity.reindex()
        record(
            "opportunity.created" if created else "opportunity.edited",
            request=request,
            obj=opportunity,
            agency=opportunity.agency,
        )
        if "publish" in request.POST and opportunity.status == Opportunity.Status.DRAFT:
            try:
                opportunity.publish(request.user)
            except TransitionError as exc:
                messages.error(request, f"Saved as a draft but not published: {exc}")
                return redirect("opportunities:hr_preview", opportunity.pk)
            record("opportunity.published", request=request, obj=opportunity, agency=opportunity.agency)
            messages.success(request, f"“{opportunity.title}” is published.")
            return redirect("opportunities:hr_list")
    messages.success(request, f"“{opportunity.title}” is saved.")
    return redirect("opportunities:hr_preview", opportunity.pk)


@roles("hr")
def opportunity_new(request):
    initial = {"contact_name": request.user.full_name, "contact_email": request.user.email}
    form = OpportunityForm(request.POST or None, agency=request.user.agency, initial=initial)
    if request.method == "POST" and form.is_valid():
        return _save_from_form(request, form, created=True)
    return render(request, "opportunities/hr/form.html", {"form": form, "opportunity": None})


@roles("hr")
def opportunity_edit(request, pk: int):
    opportunity = managed(request, pk)
    if not opportunity.is_editable:
        messages.error(request, f"A {opportunity.get_status_display().lower()} opportunity cannot be edited.")
        return redirect("opportunities:hr_preview", opportunity.pk)
    form = OpportunityForm(request.POST or None, instance=opportunity, agency=opportunity.agency)
    if request.method == "POST" and form.is_valid():
        return _save_from_form(request, form, created=False)
    return render(request, "opportunities/hr/form.html", {"form": form, "opportunity": opportunity})


@roles("hr")
def opportunity_preview(request, pk: int):
    opportunity = managed(request, pk)
    return render(request, "opportunities/hr/preview.html", {"opportunity": opportunity})


ACTIONS = {"publish", "close", "cancel", "duplicate"}


@roles("hr")
@require_POST
def opportunity_action(request, pk: int, action: str):
    if action not in ACTIONS:
        raise Http404
    with transaction.atomic():
        opportunity = managed(request, pk)
        try:
            if action == "publish":
                opportunity.publish(request.user)
            elif action == "close":
                opportunity.close()
            elif action == "cancel":
                opportunity.cancel()
            else:
                copy = opportunity.duplicate(request.user)
                record("opportunity.duplicated", request=request, obj=copy, agency=copy.agency, source=opportunity.pk)
                messages.success(request, "This is a copy. Check it, then publish it.")
                return redirect("opportunities:hr_edit", copy.pk)
        except TransitionError as exc:
            messages.error(request, str(exc))
            return redirect("opportunities:hr_preview", opportunity.pk)
        done = {"publish": "published", "close": "closed", "cancel": "cancelled"}[action]
        record(f"opportunity.{done}", request=request, obj=opportunity, agency=opportunity.agency)
    messages.success(request, f"“{opportunity.title}” is {done}.")
    return redirect("opportunities:hr_preview", opportunity.pk)


@roles("hr")
def opportunity_fill(request, pk: int):
    opportunity = managed(request, pk)
    form = FillForm(request.POST or None, opportunity=opportunity)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                opportunity.mark_filled(request.user, selected=form.cleaned_data["selected"])
                record("opportunity.filled", request=request, obj=opportunity, agency=opportunity.agency)
        except TransitionError as exc:
            messages.error(request, str(exc))
            return redirect("opportunities:hr_preview", opportunity.pk)
        messages.success(request, f"“{opportunity.title}” is filled after {opportunity.days_to_fill} days.")
        return redirect("opportunities:candidates", opportunity.pk)
    return render(request, "opportunities/hr/fill.html", {"opportunity": opportunity, "form": form})


def _interests(opportunity):
    return opportunity.interests.select_related("executive__resume").prefetch_related("events__by", "notes__author")


@roles("hr")
@never_cache
def candidates(request, pk: int):
    opportunity = managed(request, pk)
    interests = list(_interests(opportunity))
    scored = interest_matches(opportunity, interests)
    rows = [
        {
            "interest": interest,
            "title": candidate_title(interest.executive),
            "entry": scored.get(interest.executive_id),
            "move_form": MoveForm(interest=interest) if interest.hr_choices() else None,
        }
        for interest in interests
    ]
    record("opportunity.candidates_viewed", request=request, obj=opportunity, agency=opportunity.agency)
    return render(request, "opportunities/hr/candidates.html", {"opportunity": opportunity, "rows": rows})


@roles("hr")
@never_cache
def matches(request, pk: int):
    opportunity = managed(request, pk)
    listing = match_list(opportunity, request.user.agency, request.GET)
    shown = page_of(listing, request.GET.get("page"))
    ranked = shown["page_meets"] + shown["page_near"]
    record("opportunity.matches_viewed", request=request, obj=opportunity, agency=opportunity.agency)
    shortlisted = dict(opportunity.shortlist.values_list("resume_id", "pk"))
    for entry in ranked:
        entry.shortlist_entry_id = shortlisted.get(entry.record.pk)
    context = {
        "opportunity": opportunity,
        "listing": listing,
        **shown,
        "ranked": ranked,  # this page's entries, in the order shown
        "query_string": listing.query(),
        "shows": SHOWS,
        "sorts": SORTS,
        "can_shortlist": opportunity.status in ShortlistEntry.OPEN_STATUSES,
        **placed_messages(request, [f"match-{entry.record.pk}" for entry in ranked]),  # views_shortlist._add
    }
    # Back from the shortlist to a near miss: open the near misses so the page lands on it.
    near_spots = {f"match-{entry.record.pk}" for entry in shown["page_near"]}
    context["near_open"] = any(message.extra_tags in near_spots for message in context["messages_here"])
    return render(request, "opportunities/hr/matches.html", context)


@roles("hr")
@never_cache
def matches_export(request, pk: int, fmt: str):
    """The filtered best matches (every page) with each score and its reasons, as CSV or XLSX."""
    opportunity = managed(request, pk)
    listing = match_list(opportunity, request.user.agency, request.GET)
    record(
        "opportunity.matches_exported",
        request=request,
        obj=opportunity,
        agency=opportunity.agency,
        format=fmt,
        count=len(listing.entries),
        filters=listing.query(),
    )
    name = f"opportunity-{opportunity.pk}-matches"
    rows = exports.match_rows(listing.read(listing.entries))
    return exports.attachment(exports.MATCH_HEADERS, rows, fmt, name, "Best matches")


def _managed_interest(request, pk: int, interest_pk: int) -> Interest:
    opportunity = managed(request, pk)
    return get_object_or_404(opportunity.interests.select_related("executive", "opportunity"), pk=interest_pk)


def _back_to(interest: Interest):
    return redirect(reverse("opportunities:candidates", args=[interest.opportunity_id]) + f"#candidate-{interest.pk}")


@roles("hr")
@require_POST
def candidate_move(request, pk: int, interest_pk: int):
    interest = _managed_interest(request, pk, interest_pk)
    form = MoveForm(request.POST, interest=interest)
    if not form.is_valid():
        messages.error(request, "Choose one of the statuses offered for this candidate.")
    else:
        try:
            interest.move_to(form.cleaned_data["status"], by=request.user)
        except TransitionError as exc:
            messages.error(request, str(exc))
        else:
            record(
                "interest.moved",
                request=request,
                obj=interest,
                agency=interest.opportunity.agency,
                status=interest.status,
            )
            name = interest.executive.full_name or interest.executive.email
            messages.success(request, f"{name} is now “{interest.get_status_display()}”.")
    return _back_to(interest)


@roles("hr")
@require_POST
def candidate_note(request, pk: int, interest_pk: int):
    interest = _managed_interest(request, pk, interest_pk)
    form = NoteForm(request.POST)
    if form.is_valid() and form.cleaned_data["text"].strip():
        note = form.save(commit=False)
        note.interest, note.author = interest, request.user
        note.save()
        messages.success(request, "Note added.")
    else:
        messages.error(request, "Write a note of up to 4,000 characters before adding it.")
    return _back_to(interest)


@roles("hr")
@never_cache
def candidates_export(request, pk: int, fmt: str):
    opportunity = managed(request, pk)
    interests = list(_interests(opportunity))
    record(
        "opportunity.candidates_exported",
        request=request,
        obj=opportunity,
        agency=opportunity.agency,
        format=fmt,
        count=len(interests),
    )
    name = f"opportunity-{opportunity.pk}-candidates"
    return exports.attachment(exports.HEADERS, exports.rows(interests), fmt, name, "Candidates")

"""/hr/development/: the Executive Resources Board's view of its agency's executives.

ERB reviewers (HR staff the agency administrator granted the permission) and agency administrators
see their agency's executives, record yearly reviews and confirm assignments. The program office
(site administrators) reads every record. Every read of a record is audited.
"""

from __future__ import annotations

from collections import defaultdict

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from soars.accounts.models import User
from soars.audit.log import record
from soars.core.access import roles
from soars.development import viewing
from soars.development.access import can_read_plan, can_review, executives_for, reviewing_agency
from soars.development.broadening import broadening, review_status
from soars.development.context import plan_context
from soars.development.forms import ReviewForm
from soars.development.models import AgencyPolicy, Assignment, Plan, Review
from soars.development.models.assignment import TransitionError
from soars.development.models.policy import DEFAULT_BROADENING_YEARS as DEFAULT_YEARS

PER_PAGE = 25


def _require_board(request):
    if not (request.user.has_role("admin") or reviewing_agency(request.user)):
        raise PermissionDenied("Only your agency's Executive Resources Board reviewers can open this page.")


def _executive(request, user_id: int) -> User:
    """404 for an executive whose records this user may not read: their existence is not disclosed."""
    executive = get_object_or_404(User.objects.select_related("agency__parent"), pk=user_id, role=User.Role.EXECUTIVE)
    if not can_read_plan(request.user, executive):
        raise Http404("No such development record.")
    return executive


@roles("hr", "admin")
@never_cache
def board(request):
    _require_board(request)
    executives = (
        executives_for(request.user)
        .select_related("agency__parent", "development", "pilot")
        .annotate(
            open_goals=Count("development__goals", filter=Q(development__goals__status="open"), distinct=True),
            unconfirmed=Count("assignments", filter=Q(assignments__confirmed_at__isnull=True), distinct=True),
        )
        .order_by("full_name", "pk")
    )
    page = Paginator(executives, PER_PAGE).get_page(request.GET.get("page"))
    rows = _board_rows(list(page))
    context = {
        "page": page,
        "rows": rows,
        "agency": reviewing_agency(request.user),
        "is_agency_admin": request.user.has_role("agency_admin"),
    }
    return render(request, "development/board.html", context)


def _board_rows(executives: list[User]) -> list[dict]:
    """One page's rows in a fixed number of queries: assignments, signed reviews and policies are
    read once for the page and grouped here."""
    ids = [e.pk for e in executives]
    assignments, reviews = defaultdict(list), defaultdict(list)
    for assignment in Assignment.objects.filter(executive_id__in=ids).select_related("type"):
        assignments[assignment.executive_id].append(assignment)
    for review in Review.objects.filter(executive_id__in=ids, signed_at__isnull=False):
        reviews[review.executive_id].append(review)
    tops = {e.agency.top.pk for e in executives if e.agency_id}
    years = {p.agency_id: p.broadening_years for p in AgencyPolicy.objects.filter(agency__in=tops)}
    today = timezone.localdate()
    rows = []
    for executive in executives:
        plan = getattr(executive, "development", None)
        interval = years.get(executive.agency.top.pk) if executive.agency_id else None
        rows.append(
            {
                "executive": executive,
                "plan": plan,
                "open_goals": executive.open_goals,
                "review": review_status(executive, today, reviews[executive.pk]),
                "broadening": broadening(executive, assignments[executive.pk], today, interval or DEFAULT_YEARS),
                "unconfirmed": executive.unconfirmed,
                "nsp": bool(plan and plan.is_national_security_professional),
                "pilot": getattr(executive, "pilot", None) is not None,
            }
        )
    return rows


def _detail_context(request, executive: User, form=None) -> dict:
    plan = Plan.of(executive)
    context = plan_context(plan, viewer=request.user)
    reviewer = can_review(request.user, executive)
    context |= {"can_review": reviewer, "review_form": form or (ReviewForm() if reviewer else None)}
    return context


@roles("hr", "admin")
@never_cache
def record_detail(request, user_id: int):
    executive = _executive(request, user_id)
    context = _detail_context(request, executive)
    viewing.record_reading(viewing.VIEWED, request, context["plan"])
    return render(request, "development/record.html", context)


@roles("hr")
@never_cache
@require_POST
def record_review(request, user_id: int):
    executive = _executive(request, user_id)
    if not can_review(request.user, executive):
        raise Http404("No such development record.")
    form = ReviewForm(request.POST)
    if form.is_valid():
        with transaction.atomic():
            review = form.save(commit=False)
            review.executive = executive
            review.agency = executive.agency.top
            review.created_by = request.user
            review.save()
            form.save_m2m()
            review.sign(request.user)
            record("development_review_signed", request=request, obj=review, agency=review.agency)
        messages.success(request, f"Recorded and signed the review of {executive.full_name}. They have been told.")
        return redirect("development:record", user_id=executive.pk)
    context = _detail_context(request, executive, form)
    viewing.record_reading(viewing.VIEWED, request, context["plan"])
    return render(request, "development/record.html", context, status=400)


@roles("hr")
@never_cache
@require_POST
def confirm_assignment(request, pk: int):
    assignment = get_object_or_404(Assignment.objects.select_related("executive__agency"), pk=pk)
    if not can_review(request.user, assignment.executive):
        raise Http404("No such assignment.")
    try:
        assignment.confirm(request.user)
    except TransitionError as error:
        messages.error(request, str(error))
    else:
        record("assignment_confirmed", request=request, obj=assignment, agency=request.user.agency)
        messages.success(request, f"Confirmed “{assignment.title}”.")
    return redirect("development:record", user_id=assignment.executive_id)


@roles("hr", "admin")
@never_cache
def record_pdf(request, user_id: int):
    from soars.development.pdf import pdf_response

    executive = _executive(request, user_id)
    plan = Plan.of(executive)
    viewing.record_reading(viewing.EXPORTED, request, plan)
    return pdf_response(plan)

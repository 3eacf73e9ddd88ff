"""/executive/development/: the executive's plan, assignments, reviews, agreement and onboarding."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from soars.audit.log import record
from soars.core.access import roles
from soars.development import viewing
from soars.development.context import plan_context
from soars.development.forms import ActivityForm, AssignmentForm, GoalForm, ShareForm
from soars.development.models import (
    Activity,
    AgencyPolicy,
    Assignment,
    Goal,
    MobilityAgreement,
    OnboardingDone,
    OnboardingItem,
    Plan,
    Review,
)
from soars.development.models.assignment import TransitionError

HOME = "/executive/development/"


@dataclass(frozen=True)
class Kind:
    model: type
    form: type[forms.ModelForm]
    singular: str
    title: str
    anchor: str


KINDS = {
    "goals": Kind(Goal, GoalForm, "goal", "Development goal", "goals"),
    "activities": Kind(Activity, ActivityForm, "activity", "Planned activity", "activities"),
    "assignments": Kind(Assignment, AssignmentForm, "assignment", "Assignment held", "assignments"),
}


def _kind(name: str) -> Kind:
    if name not in KINDS:
        raise Http404("No such section.")
    return KINDS[name]


def _owned(spec: Kind, plan: Plan, pk: int):
    """404 for another person's entry: its existence is not disclosed."""
    if spec.model is Assignment:
        return get_object_or_404(Assignment, pk=pk, executive=plan.executive)
    return get_object_or_404(spec.model, pk=pk, plan=plan)


def _form(spec: Kind, plan: Plan, data=None, instance=None):
    if spec.model is Assignment:
        return spec.form(data, instance=instance)
    return spec.form(data, instance=instance, plan=plan)


@roles("executive")
@never_cache
def home(request):
    plan = Plan.of(request.user)
    context = plan_context(plan, viewer=request.user)
    context["share_form"] = ShareForm(instance=plan)
    return render(request, "development/home.html", context)


@roles("executive")
@never_cache
def entry_form(request, kind: str, pk: int | None = None):
    spec = _kind(kind)
    plan = Plan.of(request.user)
    entry = _owned(spec, plan, pk) if pk else None
    if isinstance(entry, Assignment) and entry.is_confirmed:
        messages.error(request, "A confirmed assignment cannot be changed. Ask your agency's HR to correct it.")
        return redirect(f"{HOME}#{spec.anchor}")
    form = _form(spec, plan, request.POST or None, entry)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved = form.save(commit=False)
            if isinstance(saved, Assignment):
                saved.executive = request.user
            saved.save()
            form.save_m2m()
            plan.touch()
        messages.success(request, f"Saved the {spec.singular}.")
        return redirect(f"{HOME}#{spec.anchor}")
    context = {"form": form, "spec": spec, "kind": kind, "entry": entry}
    return render(request, "development/entry_form.html", context, status=400 if form.errors else 200)


@roles("executive")
@never_cache
@require_POST
def entry_delete(request, kind: str, pk: int):
    spec = _kind(kind)
    plan = Plan.of(request.user)
    entry = _owned(spec, plan, pk)
    if isinstance(entry, Assignment) and entry.is_confirmed:
        messages.error(request, "A confirmed assignment cannot be removed. Ask your agency's HR to correct it.")
    else:
        entry.delete()
        plan.touch()
        messages.success(request, f"Removed the {spec.singular}.")
    return redirect(f"{HOME}#{spec.anchor}")


@roles("executive")
@never_cache
@require_POST
def share(request):
    plan = Plan.of(request.user)
    form = ShareForm(request.POST, instance=plan)
    if form.is_valid():
        form.save()
        names = ", ".join(str(a) for a in plan.shared_with.all()) or "no other agency"
        record("development_shared", request=request, obj=plan, agencies=[a.code for a in plan.shared_with.all()])
        messages.success(request, f"Your plan is now shared with {names} besides your own agency.")
        return redirect(f"{HOME}#sharing")
    context = plan_context(plan, viewer=request.user) | {"share_form": form}
    return render(request, "development/home.html", context, status=400)


@roles("executive")
@never_cache
@require_POST
def acknowledge_review(request, pk: int):
    review = get_object_or_404(Review, pk=pk, executive=request.user, signed_at__isnull=False)
    try:
        review.acknowledge(request.user)
    except TransitionError as error:
        messages.error(request, str(error))
    else:
        record("development_review_acknowledged", request=request, obj=review, agency=review.agency)
        messages.success(request, f"You acknowledged the review of {review.held_on:%B %-d, %Y}.")
    return redirect(f"{HOME}#reviews")


@roles("executive")
@never_cache
@require_POST
def sign_agreement(request):
    agency = request.user.agency.top if request.user.agency_id else None
    policy = AgencyPolicy.for_agency(agency)
    if agency is None or not policy.mobility_agreement:
        messages.error(request, "Your agency has no mobility agreement for you to acknowledge.")
    elif request.POST.get("agree") != "yes":
        messages.error(request, "Tick the box to say you have read and accept the agreement.")
    elif MobilityAgreement.objects.filter(
        executive=request.user, agency=agency, text=policy.mobility_agreement
    ).exists():
        messages.info(request, "You have already acknowledged this agreement.")
    else:
        agreement = MobilityAgreement.objects.create(
            executive=request.user, agency=agency, text=policy.mobility_agreement
        )
        record("mobility_agreement_acknowledged", request=request, obj=agreement, agency=agency)
        messages.success(request, "You acknowledged your agency's mobility agreement.")
    return redirect(f"{HOME}#agreement")


@roles("executive")
@never_cache
@require_POST
def onboarding_step(request, pk: int):
    if not request.user.agency_id:
        raise Http404("No onboarding checklist.")
    item = get_object_or_404(OnboardingItem, pk=pk, agency=request.user.agency.top)
    if request.POST.get("done") == "yes":
        OnboardingDone.objects.get_or_create(executive=request.user, item=item)
        messages.success(request, f"Marked “{item.text}” done.")
    else:
        OnboardingDone.objects.filter(executive=request.user, item=item).delete()
        messages.success(request, f"Marked “{item.text}” not done.")
    return redirect(f"{HOME}#onboarding")


@roles("executive")
@never_cache
def viewers(request):
    plan = Plan.of(request.user)
    page = Paginator(viewing.readings_of(plan), 25).get_page(request.GET.get("page"))
    return render(request, "development/viewers.html", {"page": page, "actions": viewing.ACTIONS})


@roles("executive")
@never_cache
def plan_pdf(request):
    from soars.development.pdf import pdf_response

    return pdf_response(Plan.of(request.user))

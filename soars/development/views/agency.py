"""The agency administrator's settings: who sits on the ERB, the development policy, pilot nominees."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from soars.accounts.models import User
from soars.audit.log import record
from soars.core.access import roles
from soars.development.access import executives_of
from soars.development.forms import GrantForm, NominationForm, PolicyForm
from soars.development.models import AgencyPolicy, ErbReviewer, OnboardingItem, PilotParticipant, Plan
from soars.development.models.pilot import nominate


def _agency(request):
    return request.user.agency.top


def _staff(agency):
    """HR staff of the agency who are not yet reviewers (administrators review already)."""
    return User.objects.filter(
        role=User.Role.HR, is_active=True, is_agency_admin=False, agency__in=[agency, *agency.sub_elements.all()]
    ).exclude(erb_reviewer__agency=agency)


@roles("agency_admin")
@never_cache
def reviewers(request):
    agency = _agency(request)
    form = GrantForm(request.POST or None, staff=_staff(agency))
    if request.method == "POST" and form.is_valid():
        user = form.cleaned_data["user"]
        with transaction.atomic():
            ErbReviewer.objects.filter(user=user).delete()  # a grant for a former agency lapses
            grant = ErbReviewer.objects.create(user=user, agency=agency, granted_by=request.user)
            record("erb_reviewer_granted", request=request, obj=grant, agency=agency, user=user.email)
        messages.success(request, f"{user.full_name or user.email} is now an ERB reviewer for {agency}.")
        return redirect("development:reviewers")
    grants = ErbReviewer.objects.filter(agency=agency).select_related("user", "granted_by").order_by("user__full_name")
    context = {"form": form, "grants": grants, "agency": agency}
    return render(request, "development/reviewers.html", context, status=400 if form.errors else 200)


@roles("agency_admin")
@never_cache
@require_POST
def revoke_reviewer(request, pk: int):
    agency = _agency(request)
    grant = get_object_or_404(ErbReviewer.objects.select_related("user"), pk=pk, agency=agency)
    record("erb_reviewer_revoked", request=request, obj=grant, agency=agency, user=grant.user.email)
    grant.delete()
    messages.success(request, f"{grant.user.full_name or grant.user.email} is no longer an ERB reviewer.")
    return redirect("development:reviewers")


@roles("agency_admin")
@never_cache
def policy(request):
    agency = _agency(request)
    current = AgencyPolicy.for_agency(agency)
    executives = executives_of(agency).order_by("full_name", "pk")
    designated = list(executives.filter(development__is_national_security_professional=True))
    initial = {
        "onboarding": "\n".join(OnboardingItem.objects.filter(agency=agency).values_list("text", flat=True)),
        "national_security": designated,
    }
    form = PolicyForm(request.POST or None, instance=current, initial=initial, executives=executives)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved = form.save(commit=False)
            saved.agency, saved.updated_by, saved.updated_at = agency, request.user, timezone.now()
            saved.save()
            _save_checklist(agency, form.cleaned_data["onboarding"])
            chosen = {u.pk for u in form.cleaned_data["national_security"]}
            for executive in executives:
                plan = (
                    Plan.of(executive) if executive.pk in chosen else Plan.objects.filter(executive=executive).first()
                )
                if plan and plan.is_national_security_professional != (executive.pk in chosen):
                    plan.is_national_security_professional = executive.pk in chosen
                    plan.save(update_fields=["is_national_security_professional"])
            record(
                "development_policy_changed",
                request=request,
                obj=saved,
                agency=agency,
                broadening_years=saved.broadening_years,
                onboarding_steps=len(form.cleaned_data["onboarding"]),
                national_security=sorted(chosen),
            )
        messages.success(request, f"Saved {agency}'s development policy.")
        return redirect("development:policy")
    context = {"form": form, "agency": agency}
    return render(request, "development/policy.html", context, status=400 if form.errors else 200)


def _save_checklist(agency, lines: list[str]) -> None:
    """Keep steps whose text is unchanged (and who has done them); add new ones; remove the rest."""
    existing = {item.text: item for item in OnboardingItem.objects.filter(agency=agency)}
    keep = []
    for order, text in enumerate(lines):
        item = existing.pop(text, None)
        if item is None:
            item = OnboardingItem.objects.create(agency=agency, text=text, order=order)
        elif item.order != order:
            item.order = order
            item.save(update_fields=["order"])
        keep.append(item.pk)
    OnboardingItem.objects.filter(agency=agency).exclude(pk__in=keep).delete()


@roles("agency_admin")
@never_cache
def pilot(request):
    """Nominate high-potential GS-15 employees for the rotational pilot; list the agency's participants."""
    agency = _agency(request)
    form = NominationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            participant = nominate(**form.cleaned_data, by=request.user, request=request)
        except ValidationError as error:
            form.add_error("email", error)
        else:
            messages.success(
                request, f"Nominated {participant.user.full_name}; we emailed them a link to set a password."
            )
            return redirect("development:pilot")
    participants = PilotParticipant.objects.filter(agency=agency).select_related("user", "nominated_by")
    context = {"form": form, "participants": participants, "agency": agency}
    return render(request, "development/pilot.html", context, status=400 if form.errors else 200)

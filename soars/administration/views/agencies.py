"""Agencies and their sub-elements, for the program office: add, rename, retire (kept on old records)."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache

from soars.administration.forms import AgencyForm
from soars.audit.log import record
from soars.core.access import roles
from soars.core.models import Agency

FIELDS = ("code", "name", "abbreviation", "kind", "parent_id", "is_active")


def _state(agency: Agency) -> dict:
    return {field: getattr(agency, field) for field in FIELDS}


@roles("admin")
@never_cache
def agency_list(request):
    sub_elements = Agency.objects.order_by("name").annotate(people=Count("staff", distinct=True))
    departments = (
        Agency.objects.top_level()
        .order_by("name")
        .annotate(people=Count("staff", distinct=True))
        .prefetch_related(Prefetch("sub_elements", queryset=sub_elements))
    )
    return render(request, "administration/agency_list.html", {"departments": departments})


@roles("admin")
@never_cache
def agency_edit(request, pk: int | None = None):
    agency = get_object_or_404(Agency, pk=pk) if pk else Agency(kind=Agency.Kind.SUB_ELEMENT)
    before = _state(agency) if pk else None
    form = AgencyForm(request.POST if request.method == "POST" else None, instance=agency)
    if request.method == "POST" and form.is_valid():
        agency = form.save()
        after = _state(agency)
        if before is None:
            record("agency.added", request=request, obj=agency, after=after)
        elif after != before:
            changed = {field: [before[field], after[field]] for field in FIELDS if before[field] != after[field]}
            action = "agency.retired" if changed.get("is_active") == [True, False] else "agency.changed"
            record(action, request=request, obj=agency, changed=changed)
        messages.success(request, f"“{agency.name}” is saved.")
        return redirect("administration:agencies")
    return render(request, "administration/agency_form.html", {"form": form, "agency": agency if pk else None})

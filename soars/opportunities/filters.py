"""Filtering and sorting the browse list. Kept out of the views so search can replace it."""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone

from soars.core.models import Agency, ClearanceLevel, Ecq, OpportunityType

CLOSING_SOON_DAYS = 14
SORTS = {"newest": ("-published_at", "-pk"), "closing": ("closes_on", "pk")}


class FilterForm(forms.Form):
    """The browse filters, as a GET form. Unknown or malformed values are ignored, not errors."""

    type = forms.ModelChoiceField(
        OpportunityType.objects.all(), required=False, to_field_name="code", empty_label="Any type"
    )
    agency = forms.ModelChoiceField(
        Agency.objects.top_level(), required=False, to_field_name="code", empty_label="Any agency"
    )
    location = forms.CharField(required=False, max_length=100, label="Location contains")
    remote = forms.BooleanField(required=False, label="Remote or telework only")
    ecq = forms.ModelChoiceField(
        Ecq.objects.select_related("framework"), required=False, label="ECQ emphasised", empty_label="Any ECQ"
    )
    clearance = forms.ModelChoiceField(
        ClearanceLevel.objects.all(),
        required=False,
        to_field_name="code",
        label="My clearance",
        empty_label="Show all",
        help_text="Shows only opportunities that need this clearance or less.",
    )
    closing_soon = forms.BooleanField(required=False, label=f"Closing within {CLOSING_SOON_DAYS} days")
    sort = forms.ChoiceField(
        choices=[("newest", "Newest first"), ("closing", "Closing soonest")], required=False, label="Sort by"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ecq"].label_from_instance = lambda e: f"{e.name} ({e.framework.year})"


def clean_params(params) -> dict:
    """The valid filter values of a query dict; invalid ones are dropped."""
    form = FilterForm(params)
    form.is_valid()
    return {k: v for k, v in form.cleaned_data.items() if v not in (None, "", False)}


def filter_opportunities(qs: QuerySet, params) -> QuerySet:
    """Apply the browse filters given as query parameters (request.GET) and the sort order."""
    values = clean_params(params)
    if t := values.get("type"):
        qs = qs.filter(type=t)
    if agency := values.get("agency"):
        qs = qs.filter(agency__in=[agency, *agency.sub_elements.all()])
    if location := values.get("location"):
        qs = qs.filter(locations__icontains=location.strip())
    if values.get("remote"):
        qs = qs.exclude(remote="on_site")
    if ecq := values.get("ecq"):
        qs = qs.filter(ecqs=ecq)
    if clearance := values.get("clearance"):
        qs = qs.filter(Q(clearance__isnull=True) | Q(clearance__rank__lte=clearance.rank))
    if values.get("closing_soon"):
        today = timezone.localdate()
        qs = qs.filter(closes_on__gte=today, closes_on__lte=today + timedelta(days=CLOSING_SOON_DAYS))
    return qs.order_by(*SORTS.get(values.get("sort") or "newest", SORTS["newest"]))

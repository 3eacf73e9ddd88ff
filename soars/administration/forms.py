"""Filters and decisions of the administration console."""

from __future__ import annotations

from django import forms

from soars.accounts.models import AccessRequest, User
from soars.core.models import Agency

ANY = [("", "Any")]


def top_agencies():
    return Agency.objects.top_level()


class RequestFilterForm(forms.Form):
    status = forms.ChoiceField(
        choices=[*AccessRequest.Status.choices, ("all", "Any status")], required=False, initial="pending"
    )
    role = forms.ChoiceField(label="Access asked for", choices=ANY + AccessRequest.Role.choices, required=False)
    agency = forms.ModelChoiceField(queryset=Agency.objects.none(), required=False, empty_label="Any")

    def __init__(self, *args, show_agency: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if show_agency:
            self.fields["agency"].queryset = top_agencies()
        else:
            del self.fields["agency"]
            del self.fields["role"]

    def filter(self, queryset):
        if not self.is_valid():
            return queryset.pending()
        data = self.cleaned_data
        status = data.get("status") or "pending"
        if status != "all":
            queryset = queryset.filter(status=status)
        if data.get("role"):
            queryset = queryset.filter(role=data["role"])
        if data.get("agency"):
            queryset = queryset.filter(agency=data["agency"])
        return queryset


class RejectForm(forms.Form):
    reason = forms.CharField(
        label="Reason for rejecting",
        help_text="Required. It is emailed to the person who asked, so write it for them.",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if len(reason) < 5:
            raise forms.ValidationError("Write a reason the person can act on.")
        return reason


class AccountSearchForm(forms.Form):
    q = forms.CharField(label="Name or email contains", required=False, max_length=100)
    role = forms.ChoiceField(choices=ANY + User.Role.choices, required=False)
    active = forms.ChoiceField(
        label="Status", choices=[("", "Any"), ("yes", "Active"), ("no", "Deactivated")], required=False
    )

    def filter(self, queryset):
        if not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data.get("q"):
            from django.db.models import Q

            queryset = queryset.filter(Q(email__icontains=data["q"]) | Q(full_name__icontains=data["q"]))
        if data.get("role"):
            queryset = queryset.filter(role=data["role"])
        if data.get("active"):
            queryset = queryset.filter(is_active=data["active"] == "yes")
        return queryset


class AccountRoleForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["role", "agency", "is_agency_admin"]
        labels = {"is_agency_admin": "Agency administrator (may approve HR access requests of the agency)"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = top_agencies()
        self.fields["agency"].help_text = (
            "HR staff: required, the agency whose opportunities and resumes they work with. Executives: the "
            "agency they work in now, which opens its “own agency only” postings to them (empty: none). "
            "Site administrators: left empty."
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("role") == User.Role.ADMIN:
            cleaned["agency"] = None
        if cleaned.get("role") != User.Role.HR:
            cleaned["is_agency_admin"] = False
        return cleaned


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(required=False)
    actor = forms.CharField(label="Actor email contains", required=False, max_length=100)
    agency = forms.ModelChoiceField(queryset=Agency.objects.none(), required=False, empty_label="Any")
    since = forms.DateField(label="From (YYYY-MM-DD)", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label="To (YYYY-MM-DD)", required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, actions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = ANY + [(a, a.replace("_", " ")) for a in actions]
        self.fields["agency"].queryset = top_agencies()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("since") and cleaned.get("until") and cleaned["since"] > cleaned["until"]:
            self.add_error("until", "The end date must be on or after the start date.")
        return cleaned

    def filter(self, queryset):
        if not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data.get("action"):
            queryset = queryset.filter(action=data["action"])
        if data.get("actor"):
            queryset = queryset.filter(actor_email__icontains=data["actor"])
        if data.get("agency"):
            queryset = queryset.filter(agency=data["agency"])
        if data.get("since"):
            queryset = queryset.filter(created_at__date__gte=data["since"])
        if data.get("until"):
            queryset = queryset.filter(created_at__date__lte=data["until"])
        return queryset

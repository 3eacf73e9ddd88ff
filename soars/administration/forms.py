"""Filters and decisions of the administration console."""

from __future__ import annotations

import re

from django import forms
from django.db.models import Q

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
        # A retired agency cannot be given, but an account that has one keeps it.
        kept = Q(pk=self.instance.agency_id) if self.instance.agency_id else Q(pk__in=[])
        self.fields["agency"].queryset = top_agencies().filter(Q(is_active=True) | kept)
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


class AgencyForm(forms.ModelForm):
    """Add or change an agency or sub-element. Codes never change once made: records keep them."""

    class Meta:
        model = Agency
        fields = ["code", "name", "abbreviation", "kind", "parent", "is_active"]
        labels = {
            "code": "Code",
            "parent": "Department or agency it belongs to",
            "is_active": "In use (untick to retire it: it stays on old records but cannot be chosen)",
        }
        help_texts = {
            "code": "Two to eight capital letters or digits, for example “AG” or “AG01”. It cannot be changed later.",
            "parent": "Only for a sub-element.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = Agency.objects.top_level().order_by("name")
        self.fields["parent"].empty_label = "None: it is a department or independent agency"
        if self.instance.pk:
            self.fields["code"].disabled = True
            self.fields["parent"].queryset = self.fields["parent"].queryset.exclude(pk=self.instance.pk)

    def clean_code(self):
        code = self.cleaned_data["code"].strip().upper()
        if not re.fullmatch(r"[A-Z0-9]{2,8}", code):
            raise forms.ValidationError("Use two to eight capital letters or digits.")
        return code

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean(self):
        cleaned = super().clean()
        kind, parent = cleaned.get("kind"), cleaned.get("parent")
        if kind == Agency.Kind.SUB_ELEMENT and parent is None:
            self.add_error("parent", "Choose the department or agency this sub-element belongs to.")
        if kind and kind != Agency.Kind.SUB_ELEMENT and parent is not None:
            self.add_error("parent", "Only a sub-element belongs to another agency; choose none.")
        if kind == Agency.Kind.SUB_ELEMENT and self.instance.pk and self.instance.sub_elements.exists():
            self.add_error("kind", "This agency has sub-elements of its own, so it cannot become a sub-element.")
        return cleaned

"""Forms of the development app. Owners, agencies and states never come from the form."""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.utils import timezone

from soars.accounts.models import User
from soars.core.models import Agency, Competency, Ecq, OpportunityType
from soars.development.broadening import add_years
from soars.development.models import Activity, AgencyPolicy, Assignment, Goal, Plan, Review

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
FAR_PAST_YEARS = 60
FAR_FUTURE_YEARS = 10


def _in_range(day, field_name: str, form: forms.Form, *, future: bool = True) -> None:
    today = timezone.localdate()
    if day and day.year < today.year - FAR_PAST_YEARS:
        form.add_error(field_name, "Choose a date within the last 60 years.")
    if day and future and day > today + timedelta(days=365 * FAR_FUTURE_YEARS):
        form.add_error(field_name, "Choose a date within the next ten years.")


class GoalForm(forms.ModelForm):
    class Meta:
        model = Goal
        fields = ["text", "ecq", "competency", "status"]
        labels = {"text": "Development goal", "ecq": "ECQ", "competency": "Competency"}
        help_texts = {
            "text": "What you want to get better at, in a sentence. For example “Lead an interagency project”.",
            "ecq": "The Executive Core Qualification this goal develops. Choose an ECQ, a competency, or both.",
        }

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.plan = plan
        self.fields["ecq"].queryset = Ecq.objects.filter(framework__is_current=True)
        self.fields["ecq"].empty_label = "No particular ECQ"
        self.fields["competency"].queryset = Competency.objects.filter(framework__is_current=True).select_related("ecq")
        self.fields["competency"].empty_label = "No particular competency"
        self.fields["competency"].label_from_instance = lambda c: f"{c.name} ({c.ecq or 'fundamental'})"

    def clean_text(self) -> str:
        text = " ".join(self.cleaned_data["text"].split())
        if not text:
            raise forms.ValidationError("Enter your goal.")
        return text


class ActivityForm(forms.ModelForm):
    class Meta:
        model = Activity
        fields = ["title", "kind", "opportunity_type", "goal", "target_date", "status"]
        labels = {"title": "Activity", "kind": "Kind of activity", "opportunity_type": "Kind of assignment"}
        help_texts = {"title": "For example “Detail to the Department of Homeland Security” or “FEI course”."}
        widgets = {"target_date": DATE, "kind": forms.RadioSelect, "status": forms.RadioSelect}

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.plan = plan
        self.fields["goal"].queryset = plan.goals.all()
        self.fields["goal"].empty_label = "No particular goal"
        self.fields["opportunity_type"].queryset = OpportunityType.objects.filter(is_permanent=False)
        self.fields["opportunity_type"].empty_label = "Choose for a developmental assignment"

    def clean_title(self) -> str:
        title = " ".join(self.cleaned_data["title"].split())
        if not title:
            raise forms.ValidationError("Enter the activity.")
        return title

    def clean(self):
        cleaned = super().clean()
        _in_range(cleaned.get("target_date"), "target_date", self)
        return cleaned


class AssignmentForm(forms.ModelForm):
    class Meta:
        model = Assignment
        fields = ["type", "agency", "sub_element", "title", "start_date", "end_date", "is_interagency"]
        labels = {"type": "Kind of assignment", "sub_element": "Sub-element (bureau or component)"}
        widgets = {"start_date": DATE, "end_date": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.top_level().active()
        self.fields["sub_element"].queryset = Agency.objects.filter(parent__isnull=False).active()
        self.fields["sub_element"].empty_label = "None, or the whole agency"
        self.fields["type"].empty_label = "Choose a kind"
        self.fields["agency"].empty_label = "Choose an agency"

    def clean_title(self) -> str:
        title = " ".join(self.cleaned_data["title"].split())
        if not title:
            raise forms.ValidationError("Enter the title of the position or project.")
        return title

    def clean(self):
        cleaned = super().clean()
        start, end, today = cleaned.get("start_date"), cleaned.get("end_date"), timezone.localdate()
        _in_range(start, "start_date", self, future=False)
        if start and start > today:
            self.add_error("start_date", "Record assignments that have begun; plan future ones as activities.")
        if start and end and end < start:
            self.add_error("end_date", "The end date must be on or after the start date.")
        agency, sub = cleaned.get("agency"), cleaned.get("sub_element")
        if agency and sub and sub.parent_id != agency.pk:
            self.add_error("sub_element", f"Choose a sub-element of {agency}, or none.")
        return cleaned


class ShareForm(forms.ModelForm):
    class Meta:
        model = Plan
        fields = ["shared_with"]
        widgets = {"shared_with": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        own = getattr(self.instance.executive.agency, "top", None)
        agencies = Agency.objects.top_level().active()
        self.fields["shared_with"].queryset = agencies.exclude(pk=own.pk) if own else agencies


class ReviewForm(forms.ModelForm):
    class Meta:
        model = Review
        fields = ["held_on", "comments", "approved_types", "approved_notes", "next_review_on"]
        labels = {"comments": "The Board's comments"}
        widgets = {
            "held_on": DATE,
            "next_review_on": DATE,
            "approved_types": forms.CheckboxSelectMultiple,
            "comments": forms.Textarea(attrs={"rows": 6}),
            "approved_notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["approved_types"].queryset = OpportunityType.objects.filter(is_permanent=False)
        if not self.is_bound:
            today = timezone.localdate()
            self.initial.setdefault("held_on", today)
            self.initial.setdefault("next_review_on", add_years(today, 1))

    def clean_comments(self) -> str:
        text = self.cleaned_data["comments"].strip()
        if not text:
            raise forms.ValidationError("Enter the Board's comments.")
        return text

    def clean(self):
        cleaned = super().clean()
        held, following = cleaned.get("held_on"), cleaned.get("next_review_on")
        if held and held > timezone.localdate():
            self.add_error("held_on", "The review date cannot be in the future.")
        _in_range(held, "held_on", self)
        if held and following and following <= held:
            self.add_error("next_review_on", "The next review must come after this one.")
        elif following and following > timezone.localdate() + timedelta(days=2 * 366):
            self.add_error("next_review_on", "Reviews are yearly: choose a date within the next two years.")
        return cleaned


class PolicyForm(forms.ModelForm):
    onboarding = forms.CharField(
        label="First-year onboarding checklist",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=6000,
        help_text="One step per line, in order. New executives tick each step as they complete it.",
    )

    class Meta:
        model = AgencyPolicy
        fields = ["broadening_years", "mobility_agreement"]
        widgets = {"mobility_agreement": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, executives, **kwargs):
        super().__init__(*args, **kwargs)
        # Built here, not on the class: its choices are one agency's executives.
        self.fields["national_security"] = forms.ModelMultipleChoiceField(
            executives,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            label="Designated National Security Professionals",
            help_text="The guidelines ask agencies to give particular weight to these executives' rotations.",
        )
        self.fields["national_security"].label_from_instance = lambda u: u.full_name or u.email

    def clean_onboarding(self) -> list[str]:
        lines = [" ".join(line.split()) for line in self.cleaned_data["onboarding"].splitlines()]
        lines = [line for line in lines if line]
        if len(lines) > 40:
            raise forms.ValidationError("Keep the checklist to 40 steps or fewer.")
        too_long = [i for i, line in enumerate(lines, 1) if len(line) > 300]
        if too_long:
            raise forms.ValidationError(f"Step {too_long[0]} is longer than 300 characters; shorten it.")
        return lines


class GrantForm(forms.Form):
    user = forms.ModelChoiceField(
        User.objects.none(),
        label="HR staff member",
        empty_label="Choose a person",
        help_text="They will see your agency's executives' development records and record ERB reviews.",
    )

    def __init__(self, *args, staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = staff
        self.fields["user"].label_from_instance = lambda u: f"{u.full_name or u.email} ({u.email})"


class NominationForm(forms.Form):
    full_name = forms.CharField(label="Full name", max_length=150)
    email = forms.EmailField(label="Work email", max_length=254, help_text="The nominee signs in with this address.")

    def clean_full_name(self) -> str:
        name = " ".join(self.cleaned_data["full_name"].split())
        if not name:
            raise forms.ValidationError("Enter the nominee's full name.")
        return name

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError("An account with this email address already exists.")
        return email

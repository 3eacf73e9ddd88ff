"""The two access request forms. Role comes from the page, never from the form."""

from __future__ import annotations

from datetime import date

from django import forms
from django.conf import settings

from soars.accounts.models import AccessRequest
from soars.core.models import Agency, EligibilityCategory

# The eligibility claims that can ask for an executive account (DESIGN §1).
EXECUTIVE_ELIGIBILITY = ("career_ses", "reinstatement", "cdp_graduate")
EARLIEST_DATE = date(1979, 7, 13)  # the SES began with the Civil Service Reform Act of 1978


def email_domain_allowed(email: str) -> bool:
    domain = email.rsplit("@", 1)[-1].lower()
    for allowed in settings.ALLOWED_EMAIL_DOMAINS:
        if allowed.startswith("."):
            if domain.endswith(allowed):
                return True
        elif domain == allowed or domain.endswith("." + allowed):
            return True
    return False


def domain_error() -> forms.ValidationError:
    domains = ", ".join(settings.ALLOWED_EMAIL_DOMAINS)
    return forms.ValidationError(f"Use your government work email address (one ending in {domains}).")


class SubElementChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.parent.name}: {obj.name}"


class AccessRequestForm(forms.ModelForm):
    acknowledge = forms.BooleanField(
        label="I have read the Privacy Act statement and I confirm that what I have given here is true.",
        required=True,
        error_messages={"required": "Please confirm that you have read the Privacy Act statement."},
    )

    class Meta:
        model = AccessRequest
        fields = [
            "full_name",
            "email",
            "agency",
            "sub_element",
            "position_title",
            "verifier_name",
            "verifier_title",
            "verifier_email",
        ]
        help_texts = {"email": "Your government work address. We send the decision here."}
        widgets = {
            "full_name": forms.TextInput(attrs={"autocomplete": "name", "maxlength": 150}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "position_title": forms.TextInput(attrs={"autocomplete": "organization-title"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"] = forms.ModelChoiceField(
            queryset=Agency.objects.top_level().active(),
            label="Agency",
            empty_label="- Select your department or agency -",
        )
        self.fields["sub_element"] = SubElementChoiceField(
            queryset=Agency.objects.active().filter(parent__isnull=False).select_related("parent"),
            label="Sub-element (bureau or component)",
            required=False,
            empty_label="- None, or not listed -",
        )
        self.order_fields(self.Meta.fields)

    def clean_full_name(self):
        return " ".join(self.cleaned_data["full_name"].split())

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if not email_domain_allowed(email):
            raise domain_error()
        return email

    def clean_verifier_email(self):
        email = self.cleaned_data["verifier_email"].strip().lower()
        if not email_domain_allowed(email):
            raise domain_error()
        return email

    def clean(self):
        cleaned = super().clean()
        agency, sub = cleaned.get("agency"), cleaned.get("sub_element")
        if agency and sub and sub.parent_id != agency.pk:
            self.add_error("sub_element", f"This sub-element is not part of {agency.name}.")
        if cleaned.get("email") and cleaned.get("email") == cleaned.get("verifier_email"):
            self.add_error("verifier_email", "Someone other than you must confirm your request.")
        return cleaned


class HrAccessRequestForm(AccessRequestForm):
    class Meta(AccessRequestForm.Meta):
        labels = {
            "position_title": "Position title",
            "verifier_name": "Supervisor’s name",
            "verifier_title": "Supervisor’s position title",
            "verifier_email": "Supervisor’s work email",
        }
        help_texts = {
            **AccessRequestForm.Meta.help_texts,
            "agency": "HR staff work with one agency’s opportunities and resumes.",
            "verifier_name": "Someone who can confirm that you work in your agency’s human resources office.",
        }


class ExecutiveAccessRequestForm(AccessRequestForm):
    class Meta(AccessRequestForm.Meta):
        fields = [
            *AccessRequestForm.Meta.fields[:5],
            "eligibility",
            "cdp_program",
            "cdp_certified_on",
            "left_ses_on",
            *AccessRequestForm.Meta.fields[5:],
        ]
        labels = {
            "position_title": "Current position title",
            "verifier_name": "Verifying official’s name",
            "verifier_title": "Verifying official’s position title",
            "verifier_email": "Verifying official’s work email",
        }
        help_texts = {
            **AccessRequestForm.Meta.help_texts,
            "agency": "The agency you work for now (or last worked for, if you left the SES).",
            "cdp_program": "Only for CDP graduates: the program you completed, for example the agency that ran it.",
            "cdp_certified_on": "Only for CDP graduates. Format: YYYY-MM-DD.",
            "left_ses_on": "Only for reinstatement eligibles. Format: YYYY-MM-DD.",
            "verifier_name": "An executive resources official or supervisor who can confirm your eligibility.",
        }
        widgets = {
            **AccessRequestForm.Meta.widgets,
            "cdp_certified_on": forms.DateInput(attrs={"type": "date"}),
            "left_ses_on": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["eligibility"] = forms.ModelChoiceField(
            queryset=EligibilityCategory.objects.filter(code__in=EXECUTIVE_ELIGIBILITY),
            label="Eligibility",
            widget=forms.RadioSelect,
            empty_label=None,
            error_messages={"required": "Choose what makes you eligible."},
        )
        self.order_fields(self.Meta.fields)

    def _check_date(self, name: str, what: str) -> None:
        value = self.cleaned_data.get(name)
        if value is None:
            self.add_error(name, f"Enter {what}.")
        elif value > date.today():
            self.add_error(name, f"Enter {what}; it cannot be in the future.")
        elif value < EARLIEST_DATE:
            self.add_error(name, f"Enter {what}; it cannot be before the SES began in 1979.")

    def clean(self):
        cleaned = super().clean()
        eligibility = cleaned.get("eligibility")
        code = eligibility.code if eligibility else None
        if code == "cdp_graduate":
            if not cleaned.get("cdp_program", "").strip() and "cdp_program" not in self.errors:
                self.add_error("cdp_program", "Enter the Candidate Development Program you completed.")
            if "cdp_certified_on" not in self.errors:
                self._check_date("cdp_certified_on", "the date the QRB certified you")
        else:
            cleaned["cdp_program"], cleaned["cdp_certified_on"] = "", None
        if code == "reinstatement":
            if "left_ses_on" not in self.errors:
                self._check_date("left_ses_on", "the date you left the SES")
        else:
            cleaned["left_ses_on"] = None
        return cleaned

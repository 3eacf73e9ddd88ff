"""The form that makes a personal token. The owner never comes from the form."""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.utils import timezone

from soars.api.models import MAX_LIFETIME_DAYS, ApiToken

DEFAULT_DAYS = 90


class TokenForm(forms.ModelForm):
    ACCESS = [("read", "Read only: list, search and read"), ("write", "Read and write: also create and change")]

    access = forms.ChoiceField(
        label="What it may do",
        choices=ACCESS,
        initial="read",
        widget=forms.RadioSelect,
        help_text="Give a system only what it needs; read only is safer.",
    )
    expires_on = forms.DateField(
        label="Expires on",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=f"At most a year from today. For example {(timezone.localdate() + timedelta(days=90)):%Y-%m-%d}.",
        input_formats=["%Y-%m-%d"],
    )

    class Meta:
        model = ApiToken
        fields = ["name"]
        labels = {"name": "Name"}
        help_texts = {"name": "What uses it, for example “Applicant tracker (production)”. Up to 100 characters."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["expires_on"] = timezone.localdate() + timedelta(days=DEFAULT_DAYS)

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError("Enter a name, so you can tell your tokens apart.")
        return name

    def clean_expires_on(self):
        day = self.cleaned_data["expires_on"]
        today = timezone.localdate()
        if day <= today:
            raise forms.ValidationError("Choose a day after today.")
        if day > today + timedelta(days=MAX_LIFETIME_DAYS):
            latest = today + timedelta(days=MAX_LIFETIME_DAYS)
            raise forms.ValidationError(f"A token may last at most a year: choose {latest:%Y-%m-%d} or earlier.")
        return day

"""The self-identification form: every question optional, each with "I choose not to answer"."""

from __future__ import annotations

from django import forms

from soars.diversity.models import DECLINE_LABEL, DECLINED, Race, SelfIdentification


class SelfIdentificationForm(forms.ModelForm):
    races = forms.MultipleChoiceField(
        label="Race (choose one or more)",
        choices=[*Race.choices, (DECLINED, DECLINE_LABEL)],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = SelfIdentification
        fields = ["ethnicity", "races", "sex", "disability", "veteran"]
        labels = {
            "ethnicity": "Ethnicity",
            "sex": "Sex",
            "disability": "Disability",
            "veteran": "Veteran status",
        }
        widgets = {
            "ethnicity": forms.RadioSelect,
            "sex": forms.RadioSelect,
            "disability": forms.RadioSelect,
            "veteran": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("ethnicity", "sex", "disability", "veteran"):
            field = self.fields[name]
            field.required = False
            field.choices = [choice for choice in field.choices if choice[0]]  # no blank radio: leave all unticked

    def clean_races(self):
        races = self.cleaned_data["races"]
        if DECLINED in races and len(races) > 1:
            raise forms.ValidationError(f"Choose one or more races, or “{DECLINE_LABEL}”, not both.")
        return [code for code in Race.values if code in races] or ([DECLINED] if races else [])

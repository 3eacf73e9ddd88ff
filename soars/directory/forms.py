"""The directory's search form: words and an agency, read from the page address."""

from __future__ import annotations

from django import forms

from soars.core.models import Agency

SORTS = {"name": "Name", "agency": "Agency"}
MAX_WORDS = 10


class DirectoryForm(forms.Form):
    q = forms.CharField(
        label="Name, title or expertise",
        required=False,
        max_length=200,
        help_text="For example “Garcia”, “chief financial officer” or “cybersecurity”. Every word must match.",
    )
    agency = forms.ModelChoiceField(
        label="Agency", queryset=Agency.objects.none(), required=False, empty_label="Any agency"
    )
    sort = forms.ChoiceField(label="Sort by", choices=list(SORTS.items()), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.top_level().active()

    def clean_q(self):
        words = self.cleaned_data["q"].split()
        if len(words) > MAX_WORDS:
            raise forms.ValidationError(f"Use at most {MAX_WORDS} words.")
        return " ".join(words)

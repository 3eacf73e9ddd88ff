"""Forms for saving a search and changing a saved one. Owner and kind never come from the form."""

from __future__ import annotations

from django import forms
from django.http import QueryDict

from soars.saved_searches.kinds import MAX_RAW_PARAMS, Kind
from soars.saved_searches.models import MAX_PER_USER, SavedSearch

NAME_MAX = SavedSearch._meta.get_field("name").max_length
PARAMS_MAX = SavedSearch._meta.get_field("params").max_length


class SavedSearchForm(forms.ModelForm):
    class Meta:
        model = SavedSearch
        fields = ["name", "frequency"]
        labels = {"name": "Name", "frequency": "Email me new results"}
        help_texts = {"name": f"Up to {NAME_MAX} characters, so you can tell your searches apart."}
        widgets = {"frequency": forms.RadioSelect}

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())  # no line breaks or runs of spaces
        if not name:
            raise forms.ValidationError("Enter a name.")
        return name


class SaveSearchForm(SavedSearchForm):
    """Saving the search on screen: its query string comes along in a hidden field."""

    params = forms.CharField(widget=forms.HiddenInput, required=False, max_length=MAX_RAW_PARAMS)

    class Meta(SavedSearchForm.Meta):
        help_texts = {"name": "Leave it empty to name the search after what it looks for."}

    def __init__(self, *args, owner, kind: Kind, **kwargs):
        self.owner, self.kind = owner, kind
        super().__init__(*args, **kwargs)
        self.fields["name"].required = False
        self.fields["frequency"].initial = SavedSearch.Frequency.WEEKLY

    def clean_name(self) -> str:
        return " ".join(self.cleaned_data["name"].split())

    def clean(self):
        cleaned = super().clean()
        raw = self.data.get("params", "")
        if len(raw) > MAX_RAW_PARAMS:
            raise forms.ValidationError("This search is too long to save. Use fewer words or filters.")
        params = self.kind.normalise(raw)
        if not params:
            raise forms.ValidationError(
                "There is no search to save. Type words to look for or choose a filter, then save."
            )
        if len(params) > PARAMS_MAX:
            raise forms.ValidationError("This search is too long to save. Use fewer words or filters.")
        mine = SavedSearch.objects.owned_by(self.owner, self.kind.code)
        if SavedSearch.objects.filter(owner=self.owner).count() >= MAX_PER_USER:
            raise forms.ValidationError(
                f"You already have {MAX_PER_USER} saved searches, the most you can keep. "
                "Delete one you no longer use, then save this one."
            )
        if same := mine.filter(params=params).first():
            raise forms.ValidationError(f"You have already saved this search as “{same.name}”.")
        cleaned["params"] = self.instance.params = params
        if not cleaned.get("name") and "name" not in self.errors:
            cleaned["name"] = self.kind.summary(QueryDict(params))[:NAME_MAX]
        return cleaned

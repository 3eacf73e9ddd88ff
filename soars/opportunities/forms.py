"""Forms. Agency, status and owner are never form fields: views set them from the signed-in user."""

from __future__ import annotations

from django import forms
from django.db.models import Q

from soars.core.models import Agency, Competency, Ecq, EligibilityCategory
from soars.opportunities.models import Interest, InterestNote, Opportunity, ShortlistEntry
from soars.opportunities.models.opportunity import location_list
from soars.opportunities.models.shortlist import NOTE_MAX
from soars.places.forms import PLACES_HINT, clean_places

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class OpportunityForm(forms.ModelForm):
    class Meta:
        model = Opportunity
        fields = [
            "title",
            "type",
            "position_type",
            "sub_element",
            "description",
            "duties",
            "ecqs",
            "competencies",
            "skills",
            "locations",
            "remote",
            "start_date",
            "start_flexibility_days",
            "duration_days",
            "extended",
            "closes_on",
            "pay_level",
            "pay_min",
            "pay_max",
            "clearance",
            "eligibility",
            "visibility",
            "veteran_outreach",
            "contact_name",
            "contact_email",
        ]
        labels = {"type": "Opportunity type", "sub_element": "Sub-element", "closes_on": "Closes on"}
        help_texts = {
            "closes_on": "Interest is accepted until the end of this day. It cannot be before today.",
            "locations": "One place per line, for example Washington, DC. " + PLACES_HINT,
            "remote": "On-site and hybrid work need executives who will work in its locations; fully remote work"
            " does not.",
        }
        widgets = {
            "position_type": forms.RadioSelect,
            "remote": forms.RadioSelect,
            "visibility": forms.RadioSelect,
            "ecqs": forms.CheckboxSelectMultiple,
            "competencies": forms.CheckboxSelectMultiple,
            "eligibility": forms.CheckboxSelectMultiple,
            "start_date": DATE,
            "closes_on": DATE,
            "description": forms.Textarea(attrs={"rows": 6}),
            "duties": forms.Textarea(attrs={"rows": 6}),
            "skills": forms.Textarea(attrs={"rows": 3}),
            "locations": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, agency: Agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.agency = agency
        self.instance.agency = self.instance.agency if self.instance.agency_id else agency
        # A retired sub-element cannot be chosen, but a posting that names one keeps it.
        chosen = Q(pk=self.instance.sub_element_id) if self.instance.sub_element_id else Q(pk__in=[])
        self.fields["sub_element"].queryset = agency.sub_elements.filter(Q(is_active=True) | chosen)
        self.fields["sub_element"].empty_label = f"{agency.name} (no sub-element)"
        self.fields["type"].empty_label = None
        self.fields["duration_days"].help_text = duration_help(self.fields["type"].queryset)
        self.fields["ecqs"].queryset = Ecq.objects.select_related("framework")
        self.fields["ecqs"].label_from_instance = lambda e: f"{e.name} ({e.framework.year} ECQs)"
        # Competencies of the current ECQ framework, plus any an older posting already names.
        current = Q(framework__is_current=True)
        if self.instance.pk:
            current |= Q(pk__in=self.instance.competencies.values("pk"))
        self.fields["competencies"].queryset = Competency.objects.filter(current).select_related("framework")
        self.fields["competencies"].label_from_instance = lambda c: f"{c.name} ({c.framework.year})"
        self.fields["eligibility"].queryset = EligibilityCategory.objects.all()
        self.fields["clearance"].empty_label = "None required"

    def clean_locations(self):
        """One place per line, each known place under its usual label ("reston virginia" -> "Reston, VA")."""
        return "\n".join(clean_places(location_list(self.cleaned_data["locations"])))

    def clean(self):
        cleaned = super().clean()
        # Check the rules on a copy of the instance filled with what was typed.
        probe = self.instance
        for name in ("type", "duration_days", "extended", "closes_on", "start_date", "pay_min", "pay_max"):
            if name in cleaned:
                setattr(probe, name, cleaned[name])
        for field, message in probe.rule_problems().items():
            if field in self.fields and field not in self.errors:
                self.add_error(field, message)
        probe.position_type = cleaned.get("position_type") or probe.position_type
        if problem := probe.eligibility_problem(list(cleaned.get("eligibility") or [])):
            self.add_error("eligibility", problem)
        return cleaned

    def save(self, commit=True):
        opportunity = super().save(commit=commit)
        if commit:
            opportunity.reindex()  # now that ECQs are set
        return opportunity


def duration_help(types) -> str:
    """What each opportunity type allows, from the types themselves (they are reference data)."""
    return "What each type allows: " + "; ".join(kind.duration_rule for kind in types) + "."


class InterestForm(forms.Form):
    note = forms.CharField(
        label="Note to the hiring agency (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": 2000}),
        help_text="Up to 2,000 characters. Your resume goes with your interest.",
    )


class MoveForm(forms.Form):
    status = forms.ChoiceField(label="Move to")

    def __init__(self, *args, interest: Interest, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = interest.hr_choices()
        self.fields["status"].widget.attrs["id"] = f"id_status_{interest.pk}"


class NoteForm(forms.ModelForm):
    class Meta:
        model = InterestNote
        fields = ["text"]
        labels = {"text": "Private note"}
        help_texts = {"text": "Seen only by your agency's HR staff."}
        widgets = {"text": forms.Textarea(attrs={"rows": 2, "maxlength": 4000})}


class FillForm(forms.Form):
    selected = forms.ModelChoiceField(
        queryset=None, required=False, label="Selected executive", empty_label="Not someone from SOARS"
    )

    def __init__(self, *args, opportunity: Opportunity, **kwargs):
        super().__init__(*args, **kwargs)
        from soars.accounts.models import User

        self.fields["selected"].queryset = User.objects.filter(interests__opportunity=opportunity).order_by("full_name")
        self.fields["selected"].label_from_instance = lambda u: u.full_name or u.email


MAX_IMPORT_BYTES = 2 * 1024 * 1024


class ImportForm(forms.Form):
    file = forms.FileField(
        label="USAJOBS announcement file (JSON)",
        help_text="A search result saved from the USAJOBS search API, up to 2 MB.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError("The file is larger than 2 MB.")
        return upload


NOTE_HELP = "Seen only by your agency's HR staff, never by the executive. Up to 1,000 characters."
NOTE_TOO_LONG = "Keep the note to 1,000 characters or fewer; this one has %(show_value)d."


class ShortlistNoteForm(forms.ModelForm):
    class Meta:
        model = ShortlistEntry
        fields = ["note"]
        labels = {"note": "Private note"}
        help_texts = {"note": NOTE_HELP}
        widgets = {"note": forms.Textarea(attrs={"rows": 3, "maxlength": NOTE_MAX})}
        error_messages = {"note": {"max_length": NOTE_TOO_LONG}}


# What HR typed into ShortlistFromResumeForm when it was refused, kept in the session for the
# resume page the refusal redirects to, whose panel shows it again with its errors (read once).
KEPT = "shortlist_panel_input"
KEPT_CHARS = 5000  # what is kept of each field: the note allows 1,000 and says when it is over


class ShortlistFromResumeForm(forms.Form):
    """On an HR resume page: put this executive on one of the agency's draft or open opportunities."""

    opportunity = forms.ModelChoiceField(queryset=None, label="Opportunity", empty_label="Choose an opportunity")
    note = forms.CharField(
        label="Private note (optional)",
        required=False,
        max_length=NOTE_MAX,
        help_text=NOTE_HELP,
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": NOTE_MAX}),
        error_messages={"max_length": NOTE_TOO_LONG},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opportunity"].queryset = (
            Opportunity.objects.managed_by(user).filter(status__in=ShortlistEntry.OPEN_STATUSES).order_by("title")
        )
        self.fields["opportunity"].error_messages["invalid_choice"] = (
            "Choose one of your agency's draft or open opportunities."
        )
        self.fields["opportunity"].label_from_instance = lambda o: f"{o.title} ({o.get_status_display().lower()})"

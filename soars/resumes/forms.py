"""Forms of the resume editor: one per section, each saving on its own."""

from __future__ import annotations

import re

from django import forms
from django.utils import timezone

from soars.core.arrangements import accepted
from soars.core.models import Agency, Competency, EcqFramework, WorkArrangement
from soars.places.forms import PLACES_HINT, PlaceInput, clean_places
from soars.resumes.models import EcqStatement, Education, Position, Resume, Training
from soars.resumes.models.entries import ECQ_NARRATIVE_MAX, ECQ_PART_MAX
from soars.resumes.models.resume import LOCATIONS_MAX, SKILLS_MAX

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ListField(forms.CharField):
    """A list of short phrases typed as one comma-separated line."""

    def __init__(self, *, max_items: int, item_length: int = 80, separators: str = ",;", **kwargs):
        self.max_items, self.item_length, self.separators = max_items, item_length, separators
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", max_items * (item_length + 2))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return f"{self.separators[0]} ".join(value) if isinstance(value, list) else value

    def clean(self, value):
        text = super().clean(value)
        items: list[str] = []
        for raw in re.split(f"[{re.escape(self.separators)}\n]", text or ""):
            item = " ".join(raw.split())
            if item and item.lower() not in {i.lower() for i in items}:
                items.append(item)
        if len(items) > self.max_items:
            raise forms.ValidationError(f"Enter at most {self.max_items}; you entered {len(items)}.")
        if any(len(item) > self.item_length for item in items):
            raise forms.ValidationError(f"Keep each entry under {self.item_length} characters.")
        return items


class AboutForm(forms.ModelForm):
    prefix = "about"

    class Meta:
        model = Resume
        fields = ["headline", "summary", "current_title", "current_agency", "eligibility"]
        help_texts = {
            "summary": "Up to 4,000 characters: who you are as a leader and what you have achieved.",
            # Visibility follows User.agency (verified), never this field: say so, so nobody expects otherwise.
            "current_agency": "Shown on your resume. Postings open only to one agency’s executives follow the "
            "agency confirmed when your access was approved; if you have moved, tell us through Contact Us.",
        }
        widgets = {"summary": forms.Textarea(attrs={"rows": 6, "maxlength": 4000})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["current_agency"].queryset = Agency.objects.active().select_related("parent")


class FrameworkForm(forms.ModelForm):
    prefix = "framework"

    class Meta:
        model = Resume
        fields = ["ecq_framework"]
        widgets = {"ecq_framework": forms.RadioSelect}
        help_texts = {
            "ecq_framework": "Your ECQ statements are written under one framework. Statements you wrote under "
            "the other framework are kept, and come back if you switch back."
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["ecq_framework"]
        field.required = True
        field.empty_label = None
        field.queryset = EcqFramework.objects.all()


class SkillsForm(forms.ModelForm):
    prefix = "skills"
    skills = ListField(
        max_items=SKILLS_MAX,
        label="Other skills",
        help_text="Separate them with commas, for example: budget formulation, cybersecurity, grants management.",
    )

    class Meta:
        model = Resume
        fields = ["competencies", "skills"]
        widgets = {"competencies": forms.CheckboxSelectMultiple}
        labels = {"competencies": "Leadership competencies"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        framework_id = self.instance.ecq_framework_id
        self.fields["competencies"].queryset = Competency.objects.filter(framework_id=framework_id)
        self.fields["competencies"].help_text = (
            "From the framework you chose for your ECQ statements."
            if framework_id
            else "Choose an ECQ framework first to see its competencies."
        )


class PreferencesForm(forms.ModelForm):
    prefix = "preferences"
    locations = ListField(
        max_items=LOCATIONS_MAX,
        separators=";",
        label="Preferred locations",
        help_text="Cities or towns, separated by semicolons, for example: Reston, VA; Denver, CO. " + PLACES_HINT,
        widget=PlaceInput,
    )
    arrangements = forms.MultipleChoiceField(
        choices=WorkArrangement.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Work arrangements you accept",
        help_text="Tick every arrangement you would take. Leave all unticked if any of them suits you.",
    )

    class Meta:
        model = Resume
        fields = ["clearance", "locations", "arrangements", "opportunity_types", "available_from"]
        widgets = {
            "opportunity_types": forms.CheckboxSelectMultiple,
            "available_from": DATE,
        }

    def clean_arrangements(self):
        return accepted(self.cleaned_data["arrangements"])

    def clean_locations(self):
        return clean_places(self.cleaned_data["locations"])

    def clean_available_from(self):
        day = self.cleaned_data["available_from"]
        if day and day > timezone.localdate().replace(year=timezone.localdate().year + 5):
            raise forms.ValidationError("Choose a date within the next five years.")
        return day


class SharingForm(forms.ModelForm):
    prefix = "sharing"

    class Meta:
        model = Resume
        fields = ["visibility", "visible_agencies", "directory_opt_in", "directory_show_email", "directory_phone"]
        widgets = {"visibility": forms.RadioSelect, "visible_agencies": forms.CheckboxSelectMultiple}
        labels = {"visibility": "Who may see your resume", "visible_agencies": "Agencies that may see it"}
        help_texts = {
            "visible_agencies": "Used only when you choose “Only the agencies I choose”.",
            "directory_opt_in": (
                "Executives and HR staff signed in to SOARS can find your name, title, agency and the contact"
                " details you choose below in the executive directory. Your resume stays as shared above."
            ),
            "directory_phone": "Optional. Shown in the directory only, for example 202-555-0143.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["visible_agencies"].queryset = Agency.objects.top_level().active()

    def clean_directory_phone(self):
        phone = " ".join(self.cleaned_data["directory_phone"].split())
        digits = sum(character.isdigit() for character in phone)
        if phone and not (re.fullmatch(r"[0-9()+.\- x]+", phone) and 7 <= digits <= 20):
            raise forms.ValidationError(
                "Enter a phone number using digits, spaces, ( ) + - . or x, for example 202-555-0143."
            )
        return phone

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("visibility") == Resume.Visibility.CHOSEN_AGENCIES and not cleaned.get("visible_agencies"):
            self.add_error("visible_agencies", "Choose at least one agency, or choose another option.")
        return cleaned


SECTION_FORMS = {
    "about": AboutForm,
    "framework": FrameworkForm,
    "skills": SkillsForm,
    "preferences": PreferencesForm,
    "sharing": SharingForm,
}


class PositionForm(forms.ModelForm):
    class Meta:
        model = Position
        fields = [
            "title",
            "employer",
            "agency",
            "series",
            "pay_plan",
            "level",
            "start_date",
            "end_date",
            "accomplishments",
        ]
        widgets = {
            "start_date": DATE,
            "end_date": DATE,
            "accomplishments": forms.Textarea(attrs={"rows": 6, "maxlength": 4000}),
        }
        help_texts = {
            "accomplishments": "Up to 4,000 characters. Lead with results and numbers.",
            "employer": "Outside government, the employer's name. For a federal position you may choose the agency "
            "below instead.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.active().select_related("parent")
        self.fields["employer"].required = False  # the chosen agency names it when left empty

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("employer"):
            if cleaned.get("agency"):
                cleaned["employer"] = cleaned["agency"].name
            elif "agency" not in self.errors:
                self.add_error("employer", "Enter the agency or employer, or choose the agency from the list.")
        start, end, today = cleaned.get("start_date"), cleaned.get("end_date"), timezone.localdate()
        if start and end and end < start:
            self.add_error("end_date", "The end date must be after the start date.")
        if end and end > today:
            self.add_error(
                "end_date", "The end date cannot be in the future; leave it empty for your current position."
            )
        if start and end and start > today:
            self.add_error("start_date", "A past position cannot start in the future.")
        if start and start.year < 1940:
            self.add_error("start_date", "Enter a start date after 1940.")
        return cleaned


class EducationForm(forms.ModelForm):
    class Meta:
        model = Education
        fields = ["institution", "degree", "field", "year"]

    def clean_year(self):
        year = self.cleaned_data["year"]
        if year and year > timezone.localdate().year + 6:
            raise forms.ValidationError("Enter the year you completed it, or expect to.")
        return year


class TrainingForm(forms.ModelForm):
    class Meta:
        model = Training
        fields = ["kind", "name", "provider", "year"]
        widgets = {"kind": forms.RadioSelect}

    def clean_year(self):
        year = self.cleaned_data["year"]
        if year and year > timezone.localdate().year:
            raise forms.ValidationError("The year cannot be in the future.")
        return year


class EcqStatementForm(forms.ModelForm):
    """An ECQ statement in the form the executive chooses. Both sets of fields are on the page (no
    script needed); the choice decides which are required and which are kept, and the other set is
    emptied on save. Until a choice is sent, a narrative alone reads as one, anything else as CCAR."""

    NARRATIVE, CCAR = "narrative", "ccar"
    written_as = forms.ChoiceField(
        label="How you write this statement",
        choices=[(NARRATIVE, "Paste my narrative"), (CCAR, "Write challenge, context, action and result")],
        widget=forms.RadioSelect,
        required=False,
        help_text="Both count the same in matching and print on your resume. Only the form you choose is kept.",
    )

    class Meta:
        model = EcqStatement
        fields = ["narrative", *EcqStatement.PARTS]
        widgets = {
            "narrative": forms.Textarea(attrs={"rows": 14, "maxlength": ECQ_NARRATIVE_MAX}),
            **{part: forms.Textarea(attrs={"rows": 4, "maxlength": ECQ_PART_MAX}) for part in EcqStatement.PARTS},
        }
        labels = {"narrative": "Your narrative"}
        help_texts = {
            "narrative": "Paste your statement as you wrote it, up to 10,000 characters. "
            "Leave a blank line between paragraphs.",
            "challenge": "The problem or goal you faced.",
            "context": "The circumstances: the organization, the people, the constraints.",
            "action": "What you did, in the first person.",
            "result": "What changed because of it, with numbers where you can.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["written_as"].initial = self.NARRATIVE if self.instance.is_narrative else self.CCAR

    def clean(self):
        data = super().clean()
        mode = data.get("written_as") or self._guess()
        data["written_as"] = mode
        keep, drop = (
            (("narrative",), EcqStatement.PARTS) if mode == self.NARRATIVE else (EcqStatement.PARTS, ("narrative",))
        )
        for name in keep:
            if name not in self.errors and not (data.get(name) or "").strip():
                self.add_error(name, "This field is required.")
        for name in drop:
            data[name] = ""
            self.errors.pop(name, None)  # too long in the form not kept is no reason to refuse
        return data

    def _guess(self) -> str:
        narrative = (self.data.get(self.add_prefix("narrative")) or "").strip()
        parts = any((self.data.get(self.add_prefix(p)) or "").strip() for p in EcqStatement.PARTS)
        return self.NARRATIVE if narrative and not parts else self.CCAR


class ResumeFileForm(forms.Form):
    file = forms.FileField(
        label="Resume file (PDF or Word DOCX, at most 5 MB)",
        help_text="A new file replaces the one you uploaded before. We read its text so HR can search it.",
    )


class ImportForm(forms.Form):
    prefix = "import"
    file = forms.FileField(label="JSON Resume file", help_text="A .json file in the JSON Resume format, at most 1 MB.")

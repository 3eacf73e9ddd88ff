"""HR resume search: the filter form, the filter rule and the facet groups shown beside the filters.

The view stays thin: it builds ResumeSearchForm from request.GET, calls search_resumes() with
the queryset it may show (Resume.objects.visible_to_agency(agency)), and renders facet_groups().
Every filter is an EXISTS subquery or a plain column test, so the searched queryset keeps one
row per resume (facet counts and pagination count each resume once).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from django import forms
from django.db.models import Exists, OuterRef, Q, QuerySet

from soars.core.models import (
    Agency,
    ClearanceLevel,
    Competency,
    Ecq,
    EligibilityCategory,
    OpportunityType,
    WorkArrangement,
)
from soars.resumes.models import EcqStatement, Position, Resume
from soars.search.engine import Found, find, search

KIND = "resume"
RELEVANCE, UPDATED = "relevance", "updated"
# "Willing to work remotely": accepts hybrid or fully remote work. The accepted arrangements are a
# JSON list, so each is found as its quoted value in the list's text (works on SQLite and PostgreSQL).
REMOTE_WILLING = [WorkArrangement.HYBRID, WorkArrangement.REMOTE]
WILLING = Q(arrangements__icontains='"hybrid"') | Q(arrangements__icontains='"remote"')

# Form field -> the field counted for it (soars.search.engine.find).
FACET_FIELDS = {
    "ecq": "ecq_statements__ecq",
    "competency": "competencies__code",
    "served_in": "positions__agency__code",
    "eligibility": "eligibility__code",
    "clearance": "clearance__code",
    "remote": "arrangements",
    "type": "opportunity_types__code",
}


def _ecq_choices():
    return [(str(ecq.pk), f"{ecq.name} ({ecq.framework.code})") for ecq in Ecq.objects.select_related("framework")]


def _code_choices(model):
    return list(model.objects.values_list("code", "name"))


class ResumeSearchForm(forms.Form):
    q = forms.CharField(label="Search resumes", required=False, max_length=500, strip=True)
    ecq = forms.MultipleChoiceField(
        label="Has a statement for each ECQ", required=False, widget=forms.CheckboxSelectMultiple
    )
    competency = forms.MultipleChoiceField(
        label="Claims each competency", required=False, widget=forms.CheckboxSelectMultiple
    )
    served_in = forms.MultipleChoiceField(
        label="Served in any of these agencies or their sub-elements",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    eligibility = forms.MultipleChoiceField(
        label="Eligibility category", required=False, widget=forms.CheckboxSelectMultiple
    )
    clearance = forms.ChoiceField(label="Clearance at least", required=False)
    location = forms.CharField(label="Preferred location includes", required=False, max_length=100)
    remote = forms.BooleanField(label="Or willing to work remotely (full or part telework)", required=False)
    type = forms.MultipleChoiceField(
        label="Wants any of these opportunity types", required=False, widget=forms.CheckboxSelectMultiple
    )
    available_by = forms.DateField(
        label="Available by", required=False, help_text="For example 2027-01-31.", input_formats=["%Y-%m-%d"]
    )
    sort = forms.ChoiceField(
        label="Sort by",
        required=False,
        choices=[(RELEVANCE, "Relevance"), (UPDATED, "Last updated")],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ecq"].choices = _ecq_choices()
        self.fields["competency"].choices = _code_choices(Competency)
        self.fields["served_in"].choices = _code_choices(Agency)
        self.fields["eligibility"].choices = _code_choices(EligibilityCategory)
        self.fields["clearance"].choices = [("", "Any or none"), *_code_choices(ClearanceLevel)]
        self.fields["type"].choices = _code_choices(OpportunityType)

    def criteria(self) -> dict:
        """The cleaned values that narrow the search; invalid fields are dropped rather than failing it."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {}).items()
        return {name: value for name, value in cleaned if value is not False and value not in ("", None, [])}


def agencies_with_sub_elements(codes) -> list[int]:
    """The ids of the agencies coded and of their sub-elements: a department includes its bureaus."""
    return list(Agency.objects.filter(Q(code__in=codes) | Q(parent__code__in=codes)).values_list("pk", flat=True))


def apply_filters(resumes: QuerySet, criteria: dict) -> QuerySet:
    """Narrow resumes (already limited to what the searcher may see) by the form's criteria."""
    for ecq_id in criteria.get("ecq", []):
        resumes = resumes.filter(Exists(EcqStatement.objects.filter(resume=OuterRef("pk"), ecq_id=ecq_id)))
    for code in criteria.get("competency", []):
        claimed = Resume.competencies.through.objects.filter(resume_id=OuterRef("pk"), competency__code=code)
        resumes = resumes.filter(Exists(claimed))
    if codes := criteria.get("served_in"):
        served = Position.objects.filter(resume=OuterRef("pk"), agency_id__in=agencies_with_sub_elements(codes))
        resumes = resumes.filter(Exists(served))
    if codes := criteria.get("eligibility"):
        resumes = resumes.filter(eligibility__code__in=codes)
    if code := criteria.get("clearance"):
        level = ClearanceLevel.objects.filter(code=code).first()
        if level is not None:
            resumes = resumes.filter(clearance__rank__gte=level.rank)
    place, remote = criteria.get("location"), criteria.get("remote")
    if place and remote:
        resumes = resumes.filter(Q(locations__icontains=place) | WILLING)
    elif place:
        resumes = resumes.filter(locations__icontains=place)
    elif remote:
        resumes = resumes.filter(WILLING)
    if codes := criteria.get("type"):
        wanted = Resume.opportunity_types.through.objects.filter(
            resume_id=OuterRef("pk"), opportunitytype__code__in=codes
        )
        resumes = resumes.filter(Exists(wanted))
    if date := criteria.get("available_by"):
        resumes = resumes.filter(available_from__lte=date)
    return resumes


def search_resumes(visible: QuerySet, criteria: dict) -> QuerySet:
    """The resumes with every word of the query that pass the filters (what a saved search lists)."""
    return search(apply_filters(visible, criteria), criteria.get("q", ""), kind=KIND)


def find_resumes(visible: QuerySet, criteria: dict, page=1, per_page: int = 25) -> Found:
    """Filter, then match the query: best match first when there is a query, else newest first."""
    order = ["-updated_at", "-pk"]
    if criteria.get("sort") != UPDATED and criteria.get("q"):
        order = ["-rank", *order]  # an exclusion-only query ranks all alike
    filtered = apply_filters(visible, criteria)
    return find(
        filtered,
        criteria.get("q", ""),
        kind=KIND,
        facets=list(FACET_FIELDS.values()),
        page=page,
        per_page=per_page,
        order=order,
    )


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int | None
    checked: bool


@dataclass(frozen=True)
class FacetGroup:
    name: str
    legend: str
    options: list[Option]
    input_type: str = "checkbox"


@dataclass(frozen=True)
class Facets:
    groups: list[FacetGroup]
    remote_count: int
    total: int  # how many resumes the numbers count
    capped: bool = False  # more were found: the numbers count the best of them

    @property
    def remote_label(self) -> str:
        return f"{self.remote_count:,}"


def _with_sub_elements(served: dict[str, int], total: int) -> dict[str, int]:
    """Each department's count with its sub-elements' added, as the filter includes them.

    Counted per agency, a resume with posts in two parts of one department (the department and
    a bureau, or two bureaus) is added twice, so a department's count can be a little high; it
    is never more than the results found."""
    parents = dict(Agency.objects.filter(code__in=served, parent__isnull=False).values_list("code", "parent__code"))
    summed = dict(served)
    for code, parent in parents.items():
        summed[parent] = summed.get(parent, 0) + served[code]
    for parent in set(parents.values()):
        summed[parent] = min(summed[parent], total)
    return summed


def _willing(value) -> bool:
    """Whether a counted list of accepted arrangements (as JSON text, or the list) includes remote work."""
    text = json.dumps(value) if isinstance(value, list) else str(value)
    return any(f'"{code}"' in text for code in REMOTE_WILLING)


def facets(form: ResumeSearchForm, found: Found) -> Facets:
    """The filters with how many of the current results have each value.

    found was counted over the searched queryset (visibility, filters and query applied), so a
    count can never include a resume the searcher may not see; past the cap, over the best of them.
    Options with no results are left out unless they are checked. Clearance counts are cumulative.
    """
    counts = found.facets
    criteria = form.criteria()
    groups = []
    for name in ("ecq", "competency", "served_in", "eligibility", "type"):
        field = form.fields[name]
        raw = {str(value): n for value, n in counts[FACET_FIELDS[name]]}
        if name == "served_in":
            raw = _with_sub_elements(raw, found.counted)
        numbers = raw
        chosen = {str(value) for value in criteria.get(name, [])}
        options = [
            Option(str(value), label, numbers.get(str(value), 0), str(value) in chosen)
            for value, label in field.choices
            if str(value) in numbers or str(value) in chosen
        ]
        groups.append(FacetGroup(name, str(form.fields[name].label), options))
    exact = {str(code): count for code, count in counts["clearance__code"]}
    levels = [(code, name) for code, name in form.fields["clearance"].choices if code]  # lowest rank first
    chosen = criteria.get("clearance", "")
    clearance = [Option("", "Any or none", None, not chosen)]
    for index, (code, name) in enumerate(levels):
        at_least = sum(exact.get(higher, 0) for higher, _ in levels[index:])
        clearance.append(Option(code, f"{name} or higher", at_least, code == chosen))
    groups.insert(4, FacetGroup("clearance", "Clearance at least", clearance, "radio"))
    willing = sum(n for value, n in counts["arrangements"] if _willing(value))
    return Facets(groups, willing, found.counted, capped=found.total > found.counted)

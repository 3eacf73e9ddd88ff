"""What differs between saved resume searches (HR) and saved opportunity searches (executives).

Each kind knows its search page, who may save it, how to rerun it as its owner sees it now,
how to clean a query string down to what the page understands, and how to describe it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Model, QuerySet
from django.http import QueryDict
from django.urls import reverse
from django.utils.http import urlencode

from soars.saved_searches.models import SavedSearch

MAX_RAW_PARAMS = 4000  # longer query strings are refused before parsing


@dataclass(frozen=True)
class Kind:
    code: str
    role: str  # who may save and manage this kind
    search_url_name: str
    url_prefix: str  # "saved_searches:hr_" -> hr_list, hr_save, hr_edit, hr_delete
    noun: str  # "resume" / "opportunity", for headings
    search_page_title: str

    # --- the search form --------------------------------------------------------------
    def form(self, params: QueryDict):
        raise NotImplementedError

    def criteria(self, params: QueryDict) -> dict:
        """The valid, non-empty values of the search form (invalid ones are dropped, as the page does)."""
        raise NotImplementedError

    def visible(self, owner) -> QuerySet:
        raise NotImplementedError

    def results(self, owner, params: QueryDict) -> QuerySet:
        raise NotImplementedError

    def result_title(self, obj: Model) -> str:
        raise NotImplementedError

    def result_url(self, obj: Model) -> str:
        raise NotImplementedError

    def for_display(self, queryset: QuerySet) -> QuerySet:
        return queryset

    # --- shared ------------------------------------------------------------------------
    def owner_can_search(self, owner) -> bool:
        return owner.is_active and owner.has_role(self.role) and (self.role != "hr" or owner.agency_id is not None)

    def normalise(self, raw: str) -> str:
        """The query string with only known fields holding valid values, in form order, without page.

        Returns "" when nothing but the sort order is left: there is no search to save.
        """
        params = QueryDict(raw.lstrip("?"))
        criteria = self.criteria(params)
        if not criteria.keys() - {"sort"}:
            return ""
        pairs = []
        for name in self.form(params).fields:
            if name not in criteria:
                continue
            if name == "q":
                pairs.append((name, criteria["q"]))
            else:
                pairs.extend((name, value) for value in sorted(set(params.getlist(name))))
        return urlencode(pairs)

    def summary(self, params: QueryDict) -> str:
        """The criteria in words: Words: budget reform; Clearance at least: Secret; ..."""
        form = self.form(params)
        criteria = self.criteria(params)
        parts = []
        for name, value in criteria.items():
            if name == "sort":
                continue
            if name == "q":
                parts.append(f"Words: {value}")  # no quotation marks: pages quote the whole name
                continue
            field = form.fields[name]
            label = str(field.label or name.replace("_", " ").capitalize())
            if value is True:
                parts.append(label)
                continue
            choices = {str(key): str(text) for key, text in getattr(field, "choices", [])}
            values = value if isinstance(value, list) else [value]
            shown = [v.isoformat() if isinstance(v, datetime.date) else choices.get(str(v), str(v)) for v in values]
            parts.append(f"{label}: {', '.join(shown)}")
        return "; ".join(parts) or "All results"

    def search_url(self, params: str = "") -> str:
        url = reverse(self.search_url_name)
        return f"{url}?{params}" if params else url

    def manage_url(self) -> str:
        return reverse(self.url_prefix + "list")

    def save_url(self) -> str:
        return reverse(self.url_prefix + "save")

    def edit_url(self, saved: SavedSearch) -> str:
        return reverse(self.url_prefix + "edit", args=[saved.pk])

    def delete_url(self, saved: SavedSearch) -> str:
        return reverse(self.url_prefix + "delete", args=[saved.pk])


class ResumeKind(Kind):
    def form(self, params):
        from soars.resumes.filters import ResumeSearchForm

        return ResumeSearchForm(params)

    def criteria(self, params):
        return self.form(params).criteria()

    def visible(self, owner):
        from soars.resumes.models import Resume

        return Resume.objects.visible_to_agency(owner.agency)

    def results(self, owner, params):
        from soars.resumes.filters import search_resumes

        return search_resumes(self.visible(owner), self.criteria(params))

    def for_display(self, queryset):
        return queryset.select_related("executive", "current_agency")

    def result_title(self, obj):
        name = obj.executive.full_name or obj.executive.email
        return f"{name}: {obj.headline}" if obj.headline else name

    def result_url(self, obj):
        return reverse("resumes:hr_detail", args=[obj.pk])


class OpportunityKind(Kind):
    def form(self, params):
        from soars.opportunities.filters import FilterForm

        return FilterForm(params)

    def criteria(self, params):
        from soars.opportunities.filters import clean_params

        values = clean_params(params)
        if "q" in values:
            values["q"] = values["q"].strip()
        return {name: value for name, value in values.items() if value not in (None, "", False)}

    def visible(self, owner):
        from soars.opportunities.models import Opportunity

        return Opportunity.objects.browsable_by(owner)

    def results(self, owner, params):
        from soars.opportunities.filters import matching

        return matching(self.visible(owner), params)

    def for_display(self, queryset):
        return queryset.select_related("agency")

    def result_title(self, obj):
        return f"{obj.title} ({obj.agency.name})"

    def result_url(self, obj):
        return reverse("opportunities:detail", args=[obj.pk])

    def summary(self, params):
        # Model choices show as their names rather than their codes.
        from soars.opportunities.filters import clean_params

        values = clean_params(params)
        form = self.form(params)
        parts = []
        for name, value in values.items():
            if name == "sort" or value in (None, "", False):
                continue
            if name == "q":
                if value.strip():
                    parts.append(f"Words: {value.strip()}")
                continue
            label = str(form.fields[name].label or name.capitalize())
            parts.append(label if value is True else f"{label}: {value}")
        return "; ".join(parts) or "All results"


KINDS: dict[str, Kind] = {
    SavedSearch.Kind.RESUME: ResumeKind(
        code=SavedSearch.Kind.RESUME,
        role="hr",
        search_url_name="resumes:hr_list",
        url_prefix="saved_searches:hr_",
        noun="resume",
        search_page_title="Resumes shared with your agency",
    ),
    SavedSearch.Kind.OPPORTUNITY: OpportunityKind(
        code=SavedSearch.Kind.OPPORTUNITY,
        role="executive",
        search_url_name="opportunities:browse",
        url_prefix="saved_searches:executive_",
        noun="opportunity",
        search_page_title="Opportunities",
    ),
}


def kind_of(saved: SavedSearch) -> Kind:
    return KINDS[saved.kind]

"""Searching, filtering and sorting the browse list, with facet counts. Kept out of the views."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from django import forms
from django.core.paginator import Page
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from soars.core.models import Agency, ClearanceLevel, Ecq, OpportunityType
from soars.opportunities.search import KIND
from soars.search.engine import Found, find, search, snippets
from soars.search.query import MAX_QUERY_CHARS, parse

CLOSING_SOON_DAYS = 14
SORTS = {"newest": ("-published_at", "-pk"), "closing": ("closes_on", "pk")}
RELEVANCE = "relevance"
FACET_FIELDS = [
    "type__code",
    "agency__code",
    "agency__parent__code",
    "ecqs__id",
    "clearance__rank",
    "remote",
    "closes_on",
]


class FilterForm(forms.Form):
    """The search box and browse filters, as a GET form. Unknown or malformed values are ignored, not errors."""

    q = forms.CharField(
        required=False,
        label="Search",
        help_text=(
            'Best matches have every word. Use "quotes" for a phrase, OR for either word, -word to leave a word out.'
        ),
    )
    type = forms.ModelChoiceField(
        OpportunityType.objects.all(), required=False, to_field_name="code", empty_label="Any type"
    )
    agency = forms.ModelChoiceField(
        Agency.objects.top_level(), required=False, to_field_name="code", empty_label="Any agency"
    )
    location = forms.CharField(required=False, max_length=100, label="Location contains")
    remote = forms.BooleanField(required=False, label="Hybrid or fully remote only")
    ecq = forms.ModelChoiceField(
        Ecq.objects.select_related("framework"), required=False, label="ECQ emphasised", empty_label="Any ECQ"
    )
    clearance = forms.ModelChoiceField(
        ClearanceLevel.objects.all(),
        required=False,
        to_field_name="code",
        label="My clearance",
        empty_label="Show all",
        help_text="Shows only opportunities that need this clearance or less.",
    )
    closing_soon = forms.BooleanField(required=False, label=f"Closing within {CLOSING_SOON_DAYS} days")
    sort = forms.ChoiceField(
        choices=[(RELEVANCE, "Best match"), ("newest", "Newest first"), ("closing", "Closing soonest")],
        required=False,
        label="Sort by",
        help_text="Best match applies when you search; otherwise the newest come first.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ecq"].label_from_instance = lambda e: f"{e.name} ({e.framework.year})"

    def clean_q(self) -> str:
        return self.cleaned_data["q"][:MAX_QUERY_CHARS]  # longer queries are cut, as the parser would

    def values(self) -> dict:
        """The valid filter values; invalid ones are dropped (cleaned once, however often asked)."""
        self.is_valid()
        return {k: v for k, v in getattr(self, "cleaned_data", {}).items() if v not in (None, "", False)}

    def show_counts(self, counts: Counts) -> None:
        """Put the number of matching opportunities beside each filter value."""

        def n(number: int) -> str:
            return f"{number:,}"

        self.fields["type"].label_from_instance = lambda t: f"{t.name} ({n(counts.types.get(t.code, 0))})"
        self.fields["agency"].label_from_instance = lambda a: f"{a.name} ({n(counts.agencies.get(a.code, 0))})"
        self.fields["ecq"].label_from_instance = lambda e: (
            f"{e.name} ({e.framework.year}) ({n(counts.ecqs.get(e.pk, 0))})"
        )
        self.fields["clearance"].label_from_instance = lambda c: (
            f"{c.name} ({n(sum(number for rank, number in counts.clearance_ranks.items() if rank <= c.rank))})"
        )
        for name, number in (("remote", counts.remote), ("closing_soon", counts.closing_soon)):
            label = f"{self.fields[name].label} ({n(number)})"
            self.fields[name].label = self[name].label = label  # the form may be cleaned already: its bound field too
        for name in ("type", "agency", "ecq", "clearance"):
            # ModelChoiceField builds its choices from label_from_instance when rendered; refresh the iterator.
            self.fields[name].widget.choices = self.fields[name].choices


def clean_params(params) -> dict:
    """The valid filter values of a query dict; invalid ones are dropped."""
    return FilterForm(params).values()


def filter_opportunities(qs: QuerySet, params) -> QuerySet:
    """Apply the browse filters given as query parameters (request.GET) and the sort order."""
    values = clean_params(params)
    return _filtered(qs, values).order_by(*SORTS.get(values.get("sort") or "newest", SORTS["newest"]))


def _filtered(qs: QuerySet, values: dict) -> QuerySet:
    if t := values.get("type"):
        qs = qs.filter(type=t)
    if agency := values.get("agency"):
        qs = qs.filter(agency__in=[agency, *agency.sub_elements.all()])
    if location := values.get("location"):
        qs = qs.filter(locations__icontains=location.strip())
    if values.get("remote"):
        qs = qs.exclude(remote="on_site")
    if ecq := values.get("ecq"):
        qs = qs.filter(ecqs=ecq)
    if clearance := values.get("clearance"):
        qs = qs.filter(Q(clearance__isnull=True) | Q(clearance__rank__lte=clearance.rank))
    if values.get("closing_soon"):
        today = timezone.localdate()
        qs = qs.filter(closes_on__gte=today, closes_on__lte=today + timedelta(days=CLOSING_SOON_DAYS))
    return qs


@dataclass
class Counts:
    """How many of the matching opportunities have each filter value."""

    types: dict[str, int] = field(default_factory=dict)
    agencies: dict[str, int] = field(default_factory=dict)  # top-level agency code (sub-elements count to it)
    ecqs: dict[int, int] = field(default_factory=dict)
    clearance_ranks: dict[int, int] = field(default_factory=dict)  # no clearance counts as rank 0
    remote: int = 0
    closing_soon: int = 0
    total: int = 0  # how many opportunities the counts count
    capped: bool = False  # more match: the counts are of the best of them


@dataclass
class Results:
    """What the browse page shows: the ordered results, the query and the facet counts."""

    queryset: QuerySet  # visible and filtered, not yet searched
    query: str
    sort: str
    found: Found | None = None

    @property
    def counts(self) -> Counts:
        """The facet counts (found with the page, in the same statement)."""
        if self.found is None:
            self.page(1, 20)
        return counts_from(self.found)

    def page(self, number, per_page: int) -> Page:
        """One page of the results, with the total and the facet counts found in the same statement."""
        shown = self.queryset.select_related("type", "agency", "sub_element")
        order = ["-rank", "-published_at", "-pk"] if self.sort == RELEVANCE else SORTS[self.sort]
        self.found = find(
            shown, self.query, kind=KIND, facets=FACET_FIELDS, page=number, per_page=per_page, order=order
        )
        return self.found.page

    def snippets_for(self, opportunities) -> dict[int, SafeString]:
        """{pk: HTML} excerpts with the matched words marked, for a query; {} without one."""
        if parse(self.query).is_empty:
            return {}
        found = snippets(KIND, [o.pk for o in opportunities], self.found.query if self.found else self.query)
        return {pk: mark_safe(html) for pk, html in found.items()}  # noqa: S308 (escaped by the search engine)


def search_opportunities(visible: QuerySet, params) -> Results:
    """Search and filter `visible` (already limited to what the user may see) and count the facets.

    params: the query parameters, or a FilterForm bound to them (whose cleaning is reused).
    With a query, results come best match first unless another sort is chosen;
    without one, newest first. The counts are over the same restricted results,
    so they can never count a posting the user may not see.
    """
    values = params.values() if isinstance(params, FilterForm) else clean_params(params)
    query = values.get("q", "").strip()
    sort = values.get("sort") or ""
    if sort not in SORTS and (sort != RELEVANCE or not parse(query).groups):
        sort = RELEVANCE if parse(query).groups else "newest"
    return Results(_filtered(visible, values), query, sort)


def matching(visible: QuerySet, params) -> QuerySet:
    """The opportunities of `visible` that match the query and filters, without sort or facet counts
    (what a saved search's alert needs)."""
    return _matching(visible, clean_params(params))


def _matching(visible: QuerySet, values: dict) -> QuerySet:
    return search(_filtered(visible, values), values.get("q", "").strip(), kind=KIND)


def counts_from(found: Found) -> Counts:
    facets = found.facets
    agencies: dict[str, int] = {}
    for code, number in facets["agency__code"]:
        agencies[code] = agencies.get(code, 0) + number
    for code, number in facets["agency__parent__code"]:
        agencies[code] = agencies.get(code, 0) + number
    ranks: dict[int, int] = {}
    for rank, number in facets["clearance__rank"]:
        ranks[rank] = ranks.get(rank, 0) + number
    everything = found.counted
    ranks[0] = ranks.get(0, 0) + everything - sum(number for _, number in facets["clearance__rank"])
    today = timezone.localdate()
    soon = today + timedelta(days=CLOSING_SOON_DAYS)
    closing_soon = sum(number for day, number in facets["closes_on"] if today <= day <= soon)
    on_site = dict(facets["remote"]).get("on_site", 0)
    return Counts(
        types=dict(facets["type__code"]),
        agencies=agencies,
        ecqs=dict(facets["ecqs__id"]),
        clearance_ranks=ranks,
        remote=everything - on_site,
        closing_soon=closing_soon,
        total=everything,
        capped=found.total > found.counted,
    )

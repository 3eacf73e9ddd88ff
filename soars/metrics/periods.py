"""Quarters and the filters of the metrics pages: which quarters, which agency, which type."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django import forms
from django.db.models import Q
from django.utils import timezone

from soars.core.models import Agency, OpportunityType

PERIODS = {
    "4": "The last 4 quarters",
    "8": "The last 8 quarters",
    "12": "The last 12 quarters",
    "20": "The last 20 quarters",
}
DEFAULT_PERIOD = "8"


@dataclass(frozen=True)
class Quarter:
    year: int
    number: int  # 1 to 4

    @classmethod
    def of(cls, day: date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def start(self) -> date:
        return date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> date:
        return self.next().start - timedelta(days=1)

    def next(self) -> Quarter:
        return Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)

    def previous(self) -> Quarter:
        return Quarter(self.year - 1, 4) if self.number == 1 else Quarter(self.year, self.number - 1)

    @property
    def label(self) -> str:
        return f"{self.year} Q{self.number}"

    def __str__(self) -> str:
        return self.label


def last_quarters(count: int, today: date) -> list[Quarter]:
    """The `count` quarters ending with today's, oldest first."""
    quarters = [Quarter.of(today)]
    while len(quarters) < count:
        quarters.append(quarters[-1].previous())
    return quarters[::-1]


def day_start(day: date) -> datetime:
    """Midnight at the start of `day` in the site's time zone, for datetime fields."""
    return timezone.make_aware(datetime.combine(day, time.min))


def in_quarter(field: str, quarter: Quarter, *, moment: bool) -> Q:
    """A date field (or, with moment, a datetime field in the site's time zone) within the quarter."""
    if moment:
        return Q(**{f"{field}__gte": day_start(quarter.start), f"{field}__lt": day_start(quarter.next().start)})
    return Q(**{f"{field}__gte": quarter.start, f"{field}__lte": quarter.end})


def per_quarter(queryset, field: str, quarters: list[Quarter], measures: dict, *, moment: bool = False) -> dict:
    """One statement: for each measure (a name and a condition, None for every row), its count in each
    quarter by `field`, as {name: [count per quarter]}. Conditional counts compare plain values, so
    the database needs no date function per row (on SQLite, TruncQuarter is a Python function)."""
    from django.db.models import Count

    aggregates = {
        f"{name}__{index}": Count("pk", filter=in_quarter(field, quarter, moment=moment) & (condition or Q()))
        for index, quarter in enumerate(quarters)
        for name, condition in measures.items()
    }
    if moment:
        period = Q(
            **{f"{field}__gte": day_start(quarters[0].start), f"{field}__lt": day_start(quarters[-1].next().start)}
        )
    else:
        period = Q(**{f"{field}__gte": quarters[0].start, f"{field}__lte": quarters[-1].end})
    found = queryset.filter(period).aggregate(**aggregates)
    return {name: [found[f"{name}__{i}"] or 0 for i in range(len(quarters))] for name in measures}


@dataclass
class Scope:
    """What one page asks for: the quarters, an agency (None: government-wide) and a type (None: all)."""

    quarters: list[Quarter]
    today: date
    agency: Agency | None = None
    type: OpportunityType | None = None
    ignored: list[str] = field(default_factory=list)

    @property
    def first_day(self) -> date:
        return self.quarters[0].start

    @property
    def last_day(self) -> date:
        return self.quarters[-1].end

    def as_of(self, quarter: Quarter) -> date:
        """The day a quarter's standing figures are counted on: its last day, or today for this quarter."""
        return min(quarter.end, self.today)

    def with_agency(self, agency: Agency | None) -> Scope:
        return Scope(self.quarters, self.today, agency, self.type, self.ignored)


class FilterForm(forms.Form):
    """Choices only (never a lookup of what was typed): a value not on the list is simply not valid."""

    agency = forms.ChoiceField(label="Agency", required=False)
    type = forms.ChoiceField(label="Type of opportunity", required=False)
    period = forms.ChoiceField(label="Period", choices=list(PERIODS.items()), required=False)

    def __init__(self, *args, agencies: dict, types: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", "All types"), *((code, t.name) for code, t in types.items())]
        for one in self.fields.values():
            one.widget.attrs["class"] = "usa-select"
        if agencies:
            self.fields["agency"].choices = [("", "All agencies"), *((code, a.name) for code, a in agencies.items())]
        else:
            del self.fields["agency"]


def scope_from(params, *, with_agency: bool, today: date | None = None) -> tuple[Scope, FilterForm]:
    """The scope a GET asks for. A value not understood is left out (and named in scope.ignored)."""
    today = today or timezone.localdate()
    agencies = {a.code: a for a in Agency.objects.top_level().order_by("name")} if with_agency else {}
    types = {t.code: t for t in OpportunityType.objects.order_by("name")}
    form = FilterForm(params, agencies=agencies, types=types)
    form.is_valid()
    ignored = [str(form.fields[name].label) for name in form.errors]
    data = form.cleaned_data
    period = data.get("period") or DEFAULT_PERIOD
    scope = Scope(
        quarters=last_quarters(int(period), today),
        today=today,
        agency=agencies.get(data.get("agency") or ""),
        type=types.get(data.get("type") or ""),
        ignored=ignored,
    )
    # The form shows what was understood, and the defaults in place of the rest.
    initial = {"period": period, "type": scope.type.code if scope.type else ""}
    if with_agency:
        initial["agency"] = scope.agency.code if scope.agency else ""
    return scope, FilterForm(initial=initial, agencies=agencies, types=types)

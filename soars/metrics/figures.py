"""The figures of the metrics pages, in the order they are shown, for one scope or an agency
beside the government-wide figures; and the store that keeps them once worked out.

Worked out on a view, the figures of one page read every assignment, review, posting, interest and
resume view of the period: over a second at 100,000 executives. So the pages read them from the
store (StoredFigure), which the job `metrics.refresh_figures` fills for every scope (each agency and
every agency together, each type and every type, each period) every REFRESH_EVERY. A figure the
store lacks, or holds from more than MAX_AGE ago, is worked out on the view and stored.

A figure by quarter is stored once, for the longest period (each quarter's values do not depend on
the period asked for), and cut to the period a page asks for; a figure of totals over the period
(by type, by agency, veteran outreach) is stored for each period.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from django.utils import timezone

from soars.core.models import Agency, OpportunityType
from soars.metrics import people, postings, veterans
from soars.metrics.models import StoredFigure
from soars.metrics.periods import PERIODS, Scope, last_quarters
from soars.metrics.table import Figure, beside, from_json, last_rows, to_json

FIGURES: dict[str, Callable[[Scope], Figure]] = {
    "broadening": people.broadening_share,
    "plans_current": people.plans_current,
    "reviews_on_time": people.reviews_on_time,
    "assignments": people.assignments_started,
    "assignments_by_type": people.assignments_by_type,
    "postings": postings.outcomes,
    "time_to_fill": postings.time_to_fill,
    "interest": postings.interest,
    "resume_views": postings.resume_views,
    "lending": people.lending,
    "veteran_reach": veterans.veteran_reach,
}

REFRESH_EVERY = timedelta(hours=1)
MAX_AGE = 2 * REFRESH_EVERY  # a refresh running late or long never sends the pages back to counting
LONGEST = max(int(p) for p in PERIODS)


def _veterans_beside(scope: Scope) -> Figure:
    return veterans.veteran_reach(scope, beside_government=True)


# Figures of totals over the period, stored per period; every other figure is by quarter.
TOTALS = {"assignments_by_type", "veteran_reach", "veteran_reach_beside"}
# Figures the type filter does not apply to, stored once for every type.
TYPELESS = {"plans_current", "reviews_on_time", "resume_views"}

EXTRA: dict[str, Callable[[Scope], Figure]] = {
    "interagency_started": people.interagency_started,  # beside an agency's lending
    "veteran_reach_beside": _veterans_beside,  # an agency's rows and the government's
}


def _by_quarter(name: str, scope: Scope) -> bool:
    # Lending is by quarter for one agency and by agency government-wide.
    return name not in TOTALS and not (name == "lending" and scope.agency is None)


def key_of(name: str, scope: Scope) -> str:
    """The store's key: figure, agency, type, number of quarters and the last quarter."""
    count = LONGEST if _by_quarter(name, scope) else len(scope.quarters)
    return ":".join(
        [
            name,
            scope.agency.code if scope.agency else "-",
            scope.type.code if scope.type and name not in TYPELESS else "-",
            str(count),
            scope.quarters[-1].label.replace(" ", ""),
        ]
    )


def _compute(name: str, scope: Scope) -> Figure:
    compute = FIGURES.get(name) or EXTRA[name]
    quarters = last_quarters(LONGEST, scope.today) if _by_quarter(name, scope) else scope.quarters
    return compute(Scope(quarters, scope.today, scope.agency, None if name in TYPELESS else scope.type))


def _store(key: str, figure: Figure) -> None:
    # update_or_create locks the row, and its create survives another process creating it first.
    StoredFigure.objects.update_or_create(key=key, defaults={"figure": to_json(figure), "computed_at": timezone.now()})


def stored(wanted: list[tuple[str, Scope]]) -> list[Figure]:
    """The figures named, each for its scope: from the store when it holds them from the last
    MAX_AGE (one query for all), else worked out now and stored."""
    keys = [key_of(name, scope) for name, scope in wanted]
    rows = StoredFigure.objects.filter(key__in=keys, computed_at__gte=timezone.now() - MAX_AGE)
    found = {row.key: (row.figure, row.computed_at) for row in rows}
    figures = []
    for (name, scope), key in zip(wanted, keys, strict=True):
        if key in found:
            data, computed_at = found[key]
            figure = from_json(data)
            figure.computed_at = computed_at
        else:
            figure = _compute(name, scope)
            _store(key, figure)
            figure.computed_at = timezone.now()
        if _by_quarter(name, scope):
            figure = last_rows(figure, len(scope.quarters))
        figures.append(figure)
    return figures


def program_figures(scope: Scope, only: str | None = None) -> list[Figure]:
    """Figures for the program office: government-wide, or one agency's when the scope names one."""
    return stored([(key, scope) for key in FIGURES if only in (None, key)])


def agency_figures(scope: Scope, only: str | None = None) -> list[Figure]:
    """The scope's agency beside the government-wide figures, and never another agency's own."""
    government = scope.with_agency(None)
    keys = [key for key in FIGURES if only in (None, key)]
    wanted = []
    for key in keys:
        if key == "veteran_reach":
            wanted.append(("veteran_reach_beside", scope))
        elif key == "lending":
            wanted += [(key, scope), ("interagency_started", government)]
        else:
            wanted += [(key, scope), (key, government)]
    found = iter(stored(wanted))
    name = scope.agency.name
    return [next(found) if key == "veteran_reach" else beside(next(found), next(found), name) for key in keys]


def agency_choices() -> list[Agency | None]:
    """The agency filter's choices: every agency together (None) and each department."""
    return [None, *Agency.objects.top_level().order_by("name")]


def every_scope(today=None, agencies: list[Agency | None] | None = None) -> list[tuple[str, Scope]]:
    """What the pages can ask for: every figure of both pages for every agency (or those given) and
    type, by quarter once and by period where a figure is of totals."""
    today = today or timezone.localdate()
    types = [None, *OpportunityType.objects.order_by("name")]
    wanted = []
    for agency in agency_choices() if agencies is None else agencies:
        names = [*FIGURES, "interagency_started"] if agency is None else [*FIGURES, "veteran_reach_beside"]
        for kind in types:
            for period in sorted(PERIODS, key=int, reverse=True):
                scope = Scope(last_quarters(int(period), today), today, agency, kind)
                wanted += [
                    (name, scope)
                    for name in names
                    if (int(period) == LONGEST or not _by_quarter(name, scope)) and not (kind and name in TYPELESS)
                ]
    return wanted


def refresh(agency: Agency | None, today=None) -> int:
    """Work out and store every figure of one agency's scopes (None: every agency together).
    Returns how many figures were stored."""
    rows = [
        StoredFigure(key=key_of(name, scope), figure=to_json(_compute(name, scope)), computed_at=timezone.now())
        for name, scope in every_scope(today, [agency])
    ]
    StoredFigure.objects.bulk_create(
        rows, batch_size=500, update_conflicts=True, unique_fields=["key"], update_fields=["figure", "computed_at"]
    )
    return len(rows)


def drop_old() -> int:
    """Delete what no page reads any more: figures older than MAX_AGE (a past quarter's, a retired
    agency's, a scope's the refresh no longer reaches)."""
    return StoredFigure.objects.filter(computed_at__lt=timezone.now() - MAX_AGE).delete()[0]


def refresh_all(today=None) -> int:
    """Every agency's figures in this process (the job spreads them over the task workers)."""
    drop_old()
    return sum(refresh(agency, today) for agency in agency_choices())

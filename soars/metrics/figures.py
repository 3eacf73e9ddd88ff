"""The figures of the metrics pages, in the order they are shown, for one scope or an agency
beside the government-wide figures."""

from __future__ import annotations

from collections.abc import Callable

from django.core.cache import cache

from soars.metrics import people, postings, veterans
from soars.metrics.periods import Scope
from soars.metrics.table import Figure, beside

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


CACHE_SECONDS = 300  # figures by quarter move slowly; the page says how old they may be


def cached(name: str, scope: Scope, compute: Callable[[Scope], Figure], refresh: bool = False) -> Figure:
    """A figure for a scope, worked out at most CACHE_SECONDS ago (refresh: work it out now). The
    government-wide figures are shared by every agency's page."""
    key = ":".join(
        [
            "metrics",
            name,
            scope.agency.code if scope.agency else "-",
            scope.type.code if scope.type else "-",
            str(len(scope.quarters)),
            scope.today.isoformat(),
        ]
    )
    figure = None if refresh else cache.get(key)
    if figure is None:
        figure = compute(scope)
        cache.set(key, figure, CACHE_SECONDS)
    return figure


def program_figures(scope: Scope, only: str | None = None) -> list[Figure]:
    """Figures for the program office: government-wide, or one agency's when the scope names one."""
    return [cached(key, scope, compute) for key, compute in FIGURES.items() if only in (None, key)]


def agency_figures(scope: Scope, only: str | None = None) -> list[Figure]:
    """The scope's agency beside the government-wide figures, and never another agency's own."""
    government = scope.with_agency(None)
    name = scope.agency.name
    figures = []
    for key, compute in FIGURES.items():
        if only not in (None, key):
            continue
        if key == "veteran_reach":
            figures.append(cached("veteran_reach_beside", scope, _veterans_beside))
        elif key == "lending":
            own = cached(key, scope, people.lending)
            figures.append(beside(own, cached("interagency_started", government, people.interagency_started), name))
        else:
            figures.append(beside(cached(key, scope, compute), cached(key, government, compute), name))
    return figures


def _veterans_beside(scope: Scope) -> Figure:
    return veterans.veteran_reach(scope, beside_government=True)


def warm_government_figures(today=None) -> int:
    """Work out the default government-wide figures again, before their cache runs out: the program
    office's page and the government-wide half of every agency's page then read them from the
    cache. (With REDIS_URL, the cache the web processes share; without it, only this process's.)"""
    from soars.metrics.periods import scope_from

    scope, _ = scope_from({}, with_agency=True, today=today)
    for key, compute in FIGURES.items():
        cached(key, scope, compute, refresh=True)
    cached("interagency_started", scope, people.interagency_started, refresh=True)
    return len(FIGURES) + 1

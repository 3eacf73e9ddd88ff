"""The figures of the metrics pages, in the order they are shown, for one scope or an agency
beside the government-wide figures."""

from __future__ import annotations

from collections.abc import Callable

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


def program_figures(scope: Scope, only: str | None = None) -> list[Figure]:
    """Figures for the program office: government-wide, or one agency's when the scope names one."""
    return [compute(scope) for key, compute in FIGURES.items() if only in (None, key)]


def agency_figures(scope: Scope, only: str | None = None) -> list[Figure]:
    """The scope's agency beside the government-wide figures, and never another agency's own."""
    government = scope.with_agency(None)
    name = scope.agency.name
    figures = []
    for key, compute in FIGURES.items():
        if only not in (None, key):
            continue
        if key == "veteran_reach":
            figures.append(veterans.veteran_reach(scope, beside_government=True))
        elif key == "lending":
            figures.append(beside(people.lending(scope), people.interagency_started(government), name))
        else:
            figures.append(beside(compute(scope), compute(government), name))
    return figures

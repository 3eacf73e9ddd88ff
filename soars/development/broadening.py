"""When the last broadening assignment was and when the next is due, in one plain sentence.

"Last broadening assignment ended March 2021; your agency asks for one every 4 years: due by
March 2025." Only confirmed assignments count: those HR confirmed and those made through SOARS.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from soars.development.models import AgencyPolicy, Assignment, Review


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # February 29th
        return day.replace(year=day.year + years, day=28)


@dataclass(frozen=True)
class Broadening:
    years: int
    last: Assignment | None
    due_on: date | None  # None: no broadening assignment on record, so one is due now
    ongoing: bool
    today: date
    has_agency: bool = True

    @property
    def asks(self) -> str:
        who = "your agency asks" if self.has_agency else "the guidelines for broadening the SES ask"
        return f"{who} for one every {self.years} years"

    @property
    def is_overdue(self) -> bool:
        return not self.ongoing and (self.due_on is None or self.due_on < self.today)

    @property
    def sentence(self) -> str:
        every = self.asks
        if self.last is None:
            return f"No broadening assignment is on record yet; {every}: one is due now."
        if self.ongoing:
            return (
                f"You are on a broadening assignment now ({self.last.title}, since "
                f"{self.last.start_date:%B %Y}); {every}."
            )
        tense = "overdue since" if self.is_overdue else "due by"
        return f"Last broadening assignment ended {self.last.end_date:%B %Y}; {every}: {tense} {self.due_on:%B %Y}."

    @property
    def status_label(self) -> str:
        if self.ongoing:
            return "On assignment now"
        if self.is_overdue:
            return "Overdue"
        return f"Due by {self.due_on:%B %Y}"


def broadening(executive, assignments=None, today: date | None = None, years: int | None = None) -> Broadening:
    """From the executive's assignments (read unless given) and their agency's interval (read unless given)."""
    today = today or timezone.localdate()
    years = years or AgencyPolicy.for_agency(executive.agency).broadening_years
    if assignments is None:
        assignments = Assignment.objects.filter(executive=executive).select_related("type")
    counted = [a for a in assignments if a.is_confirmed and a.is_broadening and a.start_date <= today]
    ongoing = next((a for a in counted if a.end_date is None or a.end_date >= today), None)
    has_agency = executive.agency_id is not None
    if ongoing is not None:
        return Broadening(years, ongoing, None, True, today, has_agency)
    last = max(counted, key=lambda a: a.end_date, default=None)
    due = add_years(last.end_date, years) if last else None
    return Broadening(years, last, due, False, today, has_agency)


@dataclass(frozen=True)
class ReviewStatus:
    last: Review | None
    next_on: date | None  # None: never reviewed, so a review is due now
    today: date

    @property
    def is_overdue(self) -> bool:
        return self.next_on is None or self.next_on < self.today

    @property
    def label(self) -> str:
        if self.next_on is None:
            return "Never reviewed: due now"
        if self.is_overdue:
            return f"Overdue since {self.next_on:%B %-d, %Y}"
        return f"Due by {self.next_on:%B %-d, %Y}"


def review_status(executive, today: date | None = None, reviews=None) -> ReviewStatus:
    """From the latest signed review among `reviews` (read unless given)."""
    today = today or timezone.localdate()
    if reviews is None:
        last = Review.objects.filter(executive=executive, signed_at__isnull=False).order_by("-held_on", "-pk").first()
    else:
        signed = [r for r in reviews if r.is_signed]
        last = max(signed, key=lambda r: (r.held_on, r.pk), default=None)
    return ReviewStatus(last, last.next_review_on if last else None, today)

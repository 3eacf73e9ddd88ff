"""Helpers that build development records for tests, pages and demo data."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from soars.core.models import Agency, Ecq, OpportunityType
from soars.development.models import Assignment, ErbReviewer, Goal, Plan, Review


def current_ecq(code: str = "LP") -> Ecq:
    return Ecq.objects.get(framework__is_current=True, code=code)


def goal(executive, text: str = "Lead an interagency project", ecq_code: str = "LP", **fields) -> Goal:
    ecq = current_ecq(ecq_code)
    fields.setdefault("competency", ecq.competencies.first())
    return Goal.objects.create(plan=Plan.of(executive), text=text, ecq=ecq, **fields)


def assignment(
    executive,
    *,
    type_code: str = "detail",
    start: date,
    end: date | None,
    agency_code: str = "CM",
    confirmed: bool = True,
    interagency: bool = True,
    title: str = "Detail to a partner agency",
) -> Assignment:
    return Assignment.objects.create(
        executive=executive,
        type=OpportunityType.objects.get(code=type_code),
        agency=Agency.objects.get(code=agency_code),
        title=title,
        start_date=start,
        end_date=end,
        is_interagency=interagency,
        confirmed_at=timezone.now() if confirmed else None,
    )


def reviewer(user, by=None) -> ErbReviewer:
    return ErbReviewer.objects.create(user=user, agency=user.agency.top, granted_by=by)


def review(
    executive, by, *, held_on: date, next_on: date, signed: bool = True, comments: str = "Ready for a rotation."
) -> Review:
    made = Review.objects.create(
        executive=executive,
        agency=executive.agency.top,
        held_on=held_on,
        next_review_on=next_on,
        comments=comments,
        created_by=by,
    )
    if signed:
        made.signed_at, made.signed_by = timezone.now(), by
        made.save(update_fields=["signed_at", "signed_by"])
    return made

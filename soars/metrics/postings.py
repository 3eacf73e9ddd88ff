"""Figures about postings: how they ended, time to fill, interest, and HR's resume views."""

from __future__ import annotations

import statistics
from collections import defaultdict
from datetime import timedelta

from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from soars.accounts.models import User
from soars.audit.models import AuditEvent
from soars.metrics.people import in_agency
from soars.metrics.periods import Quarter, Scope, day_start, per_quarter
from soars.metrics.table import Figure, Series, ratio
from soars.opportunities.models import Interest, Opportunity
from soars.resumes.viewing import VIEWED

OUTCOMES = [
    (Opportunity.Status.FILLED, "Filled"),
    (Opportunity.Status.CLOSED, "Closed without selection"),
    (Opportunity.Status.CANCELLED, "Cancelled"),
    (Opportunity.Status.OPEN, "Still open"),
]


def between(field: str, scope: Scope) -> Q:
    """A datetime field within the scope's quarters (in the site's time zone)."""
    return Q(**{f"{field}__gte": day_start(scope.first_day), f"{field}__lt": day_start(scope.last_day + timedelta(1))})


def published(scope: Scope):
    """Postings published in the period, of the scope's agency and type."""
    postings = Opportunity.objects.filter(between("published_at", scope))
    postings = postings.filter(in_agency("agency", scope.agency))
    return postings.filter(type=scope.type) if scope.type else postings


def outcomes(scope: Scope) -> Figure:
    measures = {status: Q(status=status) for status, _label in OUTCOMES}
    found = per_quarter(published(scope), "published_at", scope.quarters, {**measures, "posted": None}, moment=True)
    posted = found["posted"]
    series = [Series(label, found[status]) for status, label in OUTCOMES]
    return Figure(
        key="postings",
        title="Opportunities posted and how they ended",
        definition=(
            "Postings by the quarter they were published, and where each stands today: filled (an executive "
            "selected), closed without a selection, cancelled, or still open."
        ),
        row_header="Quarter",
        labels=[q.label for q in scope.quarters],
        series=[*series, Series("Posted", posted, charted=False)],
        empty="No opportunities were posted in this period.",
        is_empty=not any(posted),
    )


def time_to_fill(scope: Scope) -> Figure:
    """The median is worked out here from each filled posting's days: SQLite and PostgreSQL share
    no median aggregate, and a period's filled postings are a few thousand rows at most."""
    postings = Opportunity.objects.filter(
        between("filled_at", scope), status=Opportunity.Status.FILLED, published_at__isnull=False
    ).filter(in_agency("agency", scope.agency))
    if scope.type:
        postings = postings.filter(type=scope.type)
    days: dict[Quarter, list[int]] = defaultdict(list)
    for filled_at, published_at in postings.values_list("filled_at", "published_at").iterator():
        days[Quarter.of(timezone.localdate(filled_at))].append(max(0, (filled_at - published_at).days))
    medians = [statistics.median(days[q]) if q in days else None for q in scope.quarters]
    return Figure(
        key="time_to_fill",
        title="Time to fill",
        definition=(
            "The median number of days from publishing a posting to marking it filled, by the quarter it was "
            "filled (half the postings took longer, half less)."
        ),
        row_header="Quarter",
        labels=[q.label for q in scope.quarters],
        series=[
            Series("Median days to fill", [float(m) if m is not None else None for m in medians]),
            Series("Postings filled", [len(days.get(q, [])) for q in scope.quarters], charted=False),
        ],
        empty="No postings were filled in this period.",
        is_empty=not days,
        unit=" days",
    )


def interest(scope: Scope) -> Figure:
    postings = per_quarter(published(scope), "published_at", scope.quarters, {"n": None}, moment=True)["n"]
    home = Coalesce(F("executive__agency__parent"), F("executive__agency"))
    interests = Interest.objects.filter(in_agency("opportunity__agency", scope.agency))
    if scope.type:
        interests = interests.filter(opportunity__type=scope.type)
    expressed = per_quarter(
        interests.annotate(home=home),
        "opportunity__published_at",
        scope.quarters,
        {"n": None, "other": Q(home__isnull=False) & ~Q(home=F("opportunity__agency"))},
        moment=True,
    )
    total, other = expressed["n"], expressed["other"]
    return Figure(
        key="interest",
        title="Interest per posting",
        definition=(
            "For the postings published in each quarter, the expressions of interest they received per posting, "
            "all of them and those from executives of another agency than the posting’s (by their verified "
            "account agency)."
        ),
        row_header="Quarter",
        labels=[q.label for q in scope.quarters],
        series=[
            Series("Interest per posting", [ratio(n, p) for n, p in zip(total, postings, strict=True)]),
            Series("From other agencies, per posting", [ratio(n, p) for n, p in zip(other, postings, strict=True)]),
            Series("Postings", postings, charted=False),
            Series("Interest", total, charted=False),
            Series("From other agencies", other, charted=False),
        ],
        empty="No opportunities were posted in this period.",
        is_empty=not any(postings),
    )


def resume_views(scope: Scope) -> Figure:
    events = AuditEvent.objects.filter(between("created_at", scope), action=VIEWED, actor__role=User.Role.HR)
    events = events.filter(in_agency("agency", scope.agency))
    views = per_quarter(events, "created_at", scope.quarters, {"n": None}, moment=True)["n"]
    return Figure(
        key="resume_views",
        title="Resumes viewed by HR",
        definition=(
            "Resume views by HR staff as the audit trail records them (one per opening of a resume), by the "
            "agency of the HR staff member. The type filter does not apply."
        ),
        row_header="Quarter",
        labels=[q.label for q in scope.quarters],
        series=[Series("Resume views", views)],
        empty="No resumes were viewed in this period.",
        is_empty=not any(views),
    )

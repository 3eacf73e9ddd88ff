"""Figures about executives: broadening, development plans, ERB reviews, assignments, lending.

Every count is one SQL statement over the whole period: standing figures ("at the end of each
quarter") and flows ("started in a quarter") alike as one conditional count per quarter.
"""

from __future__ import annotations

from django.db.models import Count, Exists, F, OuterRef, Q
from django.db.models.functions import Coalesce

from soars.accounts.models import User
from soars.core.models import Agency, OpportunityType
from soars.development.broadening import add_years
from soars.development.models import Assignment, Review
from soars.metrics.periods import Scope, per_quarter
from soars.metrics.table import Figure, Series, share


def in_agency(prefix: str, agency: Agency | None) -> Q:
    """The department `agency` or one of its sub-elements, reached through the foreign key `prefix`."""
    if agency is None:
        return Q()
    return Q(**{prefix: agency}) | Q(**{f"{prefix}__parent": agency})


def executives(scope: Scope):
    """Today's active executive accounts, of the scope's agency (their verified account agency)."""
    return User.objects.filter(role=User.Role.EXECUTIVE, is_active=True).filter(in_agency("agency", scope.agency))


def broadening_assignments(scope: Scope):
    """Confirmed assignments that broaden (development/broadening.py: every temporary type, and a
    permanent position in another agency), of the scope's active executives."""
    assignments = Assignment.objects.confirmed().filter(
        Q(type__is_permanent=False) | Q(is_interagency=True),
        executive__role=User.Role.EXECUTIVE,
        executive__is_active=True,
    )
    assignments = assignments.filter(in_agency("executive__agency", scope.agency))
    return assignments.filter(type=scope.type) if scope.type else assignments


def broadening_share(scope: Scope) -> Figure:
    total = executives(scope).count()
    counts = {}
    for index, quarter in enumerate(scope.quarters):
        day = scope.as_of(quarter)
        for years in (3, 5):
            since = add_years(day, -years)
            counts[f"q{index}_{years}"] = Count(
                "executive",
                distinct=True,
                filter=Q(start_date__lte=day) & (Q(end_date__isnull=True) | Q(end_date__gte=since)),
            )
    found = broadening_assignments(scope).aggregate(**counts) if total else {}
    series = [
        Series(
            f"Within {years} years (%)",
            [share(found.get(f"q{i}_{years}", 0), total) for i in range(len(scope.quarters))],
        )
        for years in (3, 5)
    ]
    kind = f" of the type “{scope.type.name}”" if scope.type else ""
    return Figure(
        key="broadening",
        title="Executives with a recent broadening assignment",
        definition=(
            f"Of today’s {total:,} active executive accounts, the share who, at the end of each quarter (today for "
            f"this quarter), had a confirmed broadening assignment{kind} going on or ended within the 3 or 5 "
            "years before. Broadening as on the development pages: every temporary assignment, and a permanent "
            "position in another agency."
        ),
        row_header="Quarter",
        labels=[q.label for q in scope.quarters],
        series=series,
        empty=(
            f"None of the {total:,} active executive accounts had a broadening assignment on record in this period."
            if total
            else "No active executive accounts to count."
        ),
        is_empty=not any(found.values()),
        unit="%",
    )


def plans_current(scope: Scope) -> Figure:
    total = executives(scope).count()
    counts = {
        f"q{index}": Count(
            "executive", distinct=True, filter=Q(held_on__lte=scope.as_of(q), next_review_on__gte=scope.as_of(q))
        )
        for index, q in enumerate(scope.quarters)
    }
    reviews = Review.objects.filter(
        signed_at__isnull=False, executive__role=User.Role.EXECUTIVE, executive__is_active=True
    ).filter(in_agency("executive__agency", scope.agency))
    found = reviews.aggregate(**counts) if total else {}
    current = [found.get(f"q{i}", 0) for i in range(len(scope.quarters))]
    return Figure(
        key="plans_current",
        title="Executive Development Plans current",
        definition=(
            f"Of today’s {total:,} active executive accounts, the share whose plan was current at the end of each "
            "quarter: the Executive Resources Board had signed a review of it whose next review date had not "
            "passed (the development pages’ “Due by”, as against “Overdue” or “Never reviewed”)."
        ),
        row_header="Quarter",
        labels=[q.label for q in scope.quarters],
        series=[
            Series("Current (%)", [share(n, total) for n in current]),
            Series("Current (executives)", current, charted=False),
        ],
        empty=(
            f"None of the {total:,} active executive accounts had a current plan in this period."
            if total
            else "No active executive accounts to count."
        ),
        is_empty=not any(current),
        unit="%",
    )


def reviews_on_time(scope: Scope) -> Figure:
    later = Review.objects.filter(
        executive=OuterRef("executive"),
        signed_at__isnull=False,
        held_on__gt=OuterRef("held_on"),
        held_on__lte=OuterRef("next_review_on"),
    )
    reviews = Review.objects.filter(
        signed_at__isnull=False,
        executive__role=User.Role.EXECUTIVE,
        executive__is_active=True,
        next_review_on__lte=scope.today,
    ).filter(in_agency("executive__agency", scope.agency))
    # Two statements, so that the database looks for a later review once per review, not once per
    # quarter's conditional count (1.7 s for one agency's 20 quarters on PostgreSQL, then).
    due = per_quarter(reviews, "next_review_on", scope.quarters, {"n": None})["n"]
    on_time = per_quarter(reviews.filter(Exists(later)), "next_review_on", scope.quarters, {"n": None})["n"]
    return Figure(
        key="reviews_on_time",
        title="ERB reviews done on time",
        definition=(
            "Each signed review names the date of the next one. For the reviews due in each quarter (up to today), "
            "how many were followed by a signed review held on or before that date."
        ),
        row_header="Quarter",
        labels=[q.label for q in scope.quarters],
        series=[
            Series("Due", due),
            Series("Done on time", on_time),
            Series("On time (%)", [share(a, b) for a, b in zip(on_time, due, strict=True)], charted=False),
        ],
        empty="No reviews fell due in this period.",
        is_empty=not any(due),
    )


def assignments_started(scope: Scope) -> Figure:
    found = per_quarter(
        broadening_assignments(scope),
        "start_date",
        scope.quarters,
        {"across": Q(is_interagency=True), "within": Q(is_interagency=False)},
    )
    across, within = found["across"], found["within"]
    kind = f"of the type “{scope.type.name}” " if scope.type else ""
    return Figure(
        key="assignments",
        title="Developmental assignments started",
        definition=(
            f"Confirmed broadening assignments {kind}by the quarter they started: in another agency than the "
            "executive’s own (interagency) or within their department. Choose a type of opportunity above to see "
            "one type."
        ),
        row_header="Quarter",
        labels=[q.label for q in scope.quarters],
        series=[Series("Interagency", across), Series("Within the department", within)],
        empty="No assignments started in this period.",
        is_empty=not any(across) and not any(within),
    )


def assignments_by_type(scope: Scope) -> Figure:
    """Figure 4 by type over the whole period: every type on its own row (the same rows for any
    scope, so an agency's table sits beside the government's)."""
    types = list(OpportunityType.objects.order_by("name"))
    if scope.type:
        types = [scope.type]
    rows = (
        broadening_assignments(scope)
        .filter(start_date__gte=scope.first_day, start_date__lte=scope.last_day)
        .values("type")
        .annotate(across=Count("pk", filter=Q(is_interagency=True)), within=Count("pk", filter=Q(is_interagency=False)))
        .order_by()
    )
    found = {row["type"]: row for row in rows}
    across = [found.get(t.pk, {}).get("across", 0) for t in types]
    within = [found.get(t.pk, {}).get("within", 0) for t in types]
    return Figure(
        key="assignments_by_type",
        title="Developmental assignments started, by type",
        definition="The assignments of the figure above by their type, totals over the period.",
        row_header="Type",
        labels=[t.name for t in types],
        chart_labels=[t.code.replace("_", " ") for t in types],
        series=[Series("Interagency", across), Series("Within the department", within)],
        empty="No assignments started in this period.",
        is_empty=not any(across) and not any(within),
    )


def _interagency(scope: Scope):
    assignments = Assignment.objects.confirmed().filter(
        is_interagency=True, start_date__range=(scope.first_day, scope.last_day)
    )
    return assignments.filter(type=scope.type) if scope.type else assignments


def lending(scope: Scope) -> Figure:
    """An agency's executives out on assignment elsewhere (lent) and others' executives it received
    (hosted), by quarter; government-wide, every department's totals over the period."""
    definition = (
        "Confirmed interagency assignments by the quarter they started: lent when the executive’s own agency "
        "sent them to another, hosted when the agency received an executive of another."
    )
    if scope.agency is not None:
        found = per_quarter(
            _interagency(scope).filter(
                in_agency("executive__agency", scope.agency) | in_agency("agency", scope.agency)
            ),
            "start_date",
            scope.quarters,
            {"lent": in_agency("executive__agency", scope.agency), "hosted": in_agency("agency", scope.agency)},
        )
        lent, hosted = found["lent"], found["hosted"]
        return Figure(
            key="lending",
            title="Executives lent and hosted",
            definition=definition,
            row_header="Quarter",
            labels=[q.label for q in scope.quarters],
            series=[Series("Lent", lent), Series("Hosted", hosted)],
            empty="No interagency assignments started in this period.",
            is_empty=not any(lent) and not any(hosted),
        )
    home = Coalesce(F("executive__agency__parent"), F("executive__agency"))
    host = Coalesce(F("agency__parent"), F("agency"))
    lent = dict(_interagency(scope).annotate(side=home).values("side").annotate(n=Count("pk")).values_list("side", "n"))
    hosted = dict(
        _interagency(scope).annotate(side=host).values("side").annotate(n=Count("pk")).values_list("side", "n")
    )
    agencies = {a.pk: a for a in Agency.objects.filter(pk__in={*lent, *hosted} - {None})}
    order = sorted(agencies, key=lambda pk: agencies[pk].name)
    return Figure(
        key="lending",
        title="Executives lent and hosted, by agency",
        definition=definition + " Totals over the period; choose an agency above to see it by quarter.",
        row_header="Agency",
        labels=[agencies[pk].name for pk in order],
        chart_labels=[agencies[pk].code for pk in order],
        series=[
            Series("Lent", [lent.get(pk, 0) for pk in order]),
            Series("Hosted", [hosted.get(pk, 0) for pk in order]),
        ],
        empty="No interagency assignments started in this period.",
        is_empty=not order,
    )


def interagency_started(scope: Scope) -> Figure:
    """Government-wide beside an agency's lending: every interagency assignment started (each is
    one agency's loan and another's hosting), so no other agency's own figures are shown."""
    started = per_quarter(_interagency(scope), "start_date", scope.quarters, {"n": None})["n"]
    return Figure(
        key="lending",
        title="Executives lent and hosted",
        definition="",
        row_header="Quarter",
        labels=[q.label for q in scope.quarters],
        series=[Series("Interagency assignments started", started)],
        empty="No interagency assignments started in this period.",
        is_empty=not any(started),
    )

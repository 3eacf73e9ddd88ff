"""A small hand-made program whose figures the tests know exactly (see test_figures.py).

Quarters are counted back from today's: Q0 is this quarter, Q1 the one before, and so on. Agency A
(Agriculture) has a1, a2 and a3 (a3 in a sub-element); agency B (Commerce) has b1.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from types import SimpleNamespace

from django.utils import timezone

from soars.accounts.factories import ExecutiveFactory
from soars.audit.models import AuditEvent
from soars.core.models import Agency
from soars.development.broadening import add_years
from soars.development.factories import assignment, review
from soars.diversity.models import SelfIdentification
from soars.metrics.periods import Quarter
from soars.opportunities.factories import OpportunityFactory, opportunity_type
from soars.opportunities.models import Interest, Opportunity
from soars.resumes.viewing import VIEWED


def quarter_start(back: int, today: date) -> date:
    quarter = Quarter.of(today)
    for _ in range(back):
        quarter = quarter.previous()
    return quarter.start


def at_noon(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(12)))


def posting(agency: str, type_code: str, status: str, published: date, **fields) -> Opportunity:
    return OpportunityFactory(
        agency=Agency.objects.get(code=agency),
        type=opportunity_type(type_code),
        status=status,
        published_at=at_noon(published),
        **fields,
    )


def small_program(personas, today: date | None = None) -> SimpleNamespace:
    today = today or timezone.localdate()
    q = {back: quarter_start(back, today) for back in range(8)}
    a, b = Agency.objects.get(code="AG"), Agency.objects.get(code="CM")
    a1 = ExecutiveFactory(full_name="Ann One", agency=a)
    a2 = ExecutiveFactory(full_name="Abe Two", agency=a)
    a3 = ExecutiveFactory(full_name="Ada Three", agency=a.sub_elements.first())
    b1 = ExecutiveFactory(full_name="Ben One", agency=b)

    # Assignments: a1 lent to Commerce (Q2), a2 a rotation at home (Q1, still going), a3 a permanent
    # move at home (not broadening) and an old sabbatical (only within 5 years), b1 hosted by A (Q0).
    assignment(a1, type_code="detail", start=q[2], end=q[2] + timedelta(days=100), agency_code="CM")
    assignment(a2, type_code="rotation", start=q[1], end=None, agency_code="AG", interagency=False)
    assignment(a3, type_code="permanent", start=q[3], end=None, agency_code="AG", interagency=False)
    assignment(a3, type_code="detail", start=q[3], end=None, agency_code="CM", confirmed=False)
    four_years_ago = add_years(today, -4)
    assignment(
        a3, type_code="sabbatical", start=four_years_ago - timedelta(days=200), end=four_years_ago, agency_code="AG"
    )
    assignment(b1, type_code="detail", start=q[0], end=None, agency_code="AG")

    # ERB reviews: a1's and a2's were due on the same day of Q1; a1's next one came in time.
    board = personas.agency_admin
    due = q[1] + timedelta(days=10)
    review(a1, board, held_on=today - timedelta(days=500), next_on=due)
    review(a1, board, held_on=due - timedelta(days=5), next_on=today + timedelta(days=235))
    review(a2, board, held_on=today - timedelta(days=500), next_on=due)

    # Postings of A in Q1: two details filled after 30 and 50 days, one closed, one cancelled; in
    # Q0 one open detail marked for veteran outreach, and one of B's.
    published = q[1] + timedelta(days=1)
    filled = [
        posting("AG", "detail", "filled", published, filled_at=at_noon(published + timedelta(days=days)))
        for days in (30, 50)
    ]
    posting("AG", "permanent", "closed", published, closed_at=at_noon(published + timedelta(days=20)))
    posting("AG", "rotation", "cancelled", published, cancelled_at=at_noon(published + timedelta(days=3)))
    outreach = posting("AG", "detail", "open", q[0], veteran_outreach=True)
    posting("CM", "detail", "open", q[0], veteran_outreach=True)

    # Interest: in the first filled posting from a2 (same agency), b1 (another) and the outsider
    # (no verified agency, so not "another"); in the outreach posting from b1, a veteran.
    for executive in (a2, b1, personas.outsider):
        Interest.objects.create(executive=executive, opportunity=filled[0])
    Interest.objects.create(executive=b1, opportunity=outreach)
    SelfIdentification.objects.create(person=b1, veteran="yes")

    # Resume views: three by A's HR in Q1, two by B's in Q0, one by an administrator (not HR).
    for actor, when, times in ((personas.hr_a, q[1], 3), (personas.hr_b, q[0], 2), (personas.site_admin, q[0], 1)):
        for _ in range(times):
            AuditEvent.objects.create(
                action=VIEWED, actor=actor, actor_email=actor.email, agency=actor.agency, created_at=at_noon(when)
            )
    return SimpleNamespace(today=today, a=a, b=b, a1=a1, a2=a2, a3=a3, b1=b1)

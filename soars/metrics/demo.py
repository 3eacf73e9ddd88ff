"""A history for the metrics charts: two years of postings that ended in different ways, interest
from other agencies, assignments lent and hosted across agencies, ERB reviews on time and late, and
HR's resume views. Bulk executives get a verified agency (departments in turn, at random).

Its own random numbers (as diversity/demo.py), so adding it leaves every other app's demo data as it
was; it runs after them (the metrics app comes last) and never adds twice.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from soars.accounts.models import User
from soars.audit.models import AuditEvent
from soars.core.demo import DemoContext
from soars.core.models import Agency, OpportunityType
from soars.development.models import Assignment, Review
from soars.diversity.models import SelfIdentification, Veteran
from soars.opportunities.demo import _opportunity
from soars.opportunities.models import Interest, InterestEvent, Opportunity
from soars.resumes.models import Resume
from soars.resumes.viewing import VIEWED

HISTORY_DAYS = 2 * 365 + 60


def _noon(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(12)))


def seed(ctx: DemoContext) -> None:
    if not ctx.executive_ids or Assignment.objects.filter(title__startswith="Broadening: ").exists():
        return
    rng = random.Random(2104)
    today, now = timezone.localdate(), timezone.now()
    # Cabinet departments only, so that each has enough people to lend and host.
    departments = list(Agency.objects.top_level().filter(is_active=True, kind=Agency.Kind.DEPARTMENT).order_by("code"))
    homes = _place(rng, ctx.executive_ids, departments)
    _assignments(rng, homes, departments, today, now)
    _reviews(rng, homes, today, now)
    _postings(ctx, rng, departments, homes, today, now)
    _resume_views(rng, ctx.executive_ids, today)


def _place(rng, ids: list[int], departments: list[Agency]) -> dict[int, Agency]:
    """Every bulk executive without a verified agency gets one; returns each one's department."""
    by_department: dict[int, list[int]] = {}
    unplaced = set(User.objects.filter(pk__in=ids, agency__isnull=True).values_list("pk", flat=True))
    for pk in ids:
        if pk in unplaced:
            by_department.setdefault(rng.randrange(len(departments)), []).append(pk)
    for index, people in by_department.items():
        for start in range(0, len(people), 5000):
            User.objects.filter(pk__in=people[start : start + 5000]).update(agency=departments[index])
    tops = {a.pk: a for a in departments}
    homes = {}
    for pk, agency_id, parent_id in User.objects.filter(pk__in=ids).values_list("pk", "agency", "agency__parent"):
        home = tops.get(parent_id or agency_id)
        if home is not None:
            homes[pk] = home
    return homes


def _assignments(rng, homes, departments, today, now) -> None:
    """Half the executives took a broadening assignment in the last five years, most in
    another agency (lent by theirs, hosted by that one)."""
    types = {t.code: t for t in OpportunityType.objects.all()}
    kinds = ["detail", "rotation", "ipa", "short_term_project", "sabbatical", "liaison", "permanent"]
    rows = []
    for pk, home in homes.items():
        if rng.random() > 0.5:
            continue
        start = today - timedelta(days=rng.randint(0, 5 * 365))
        code = rng.choice(kinds)
        across = code == "permanent" or rng.random() < 0.6
        host = rng.choice([d for d in departments if d.pk != home.pk]) if across else home
        length = rng.randint(90, 540)
        end = None if start + timedelta(days=length) > today and rng.random() < 0.7 else start + timedelta(days=length)
        rows.append(
            Assignment(
                executive_id=pk,
                type=types[code],
                agency=host,
                title=f"Broadening: {types[code].name} at {host.abbreviation or host.name}",
                start_date=start,
                end_date=end if code != "permanent" else None,
                is_interagency=across,
                confirmed_at=now if rng.random() < 0.9 else None,
            )
        )
    Assignment.objects.bulk_create(rows, batch_size=1000)


def _reviews(rng, homes, today, now) -> None:
    """Half the executives were reviewed in the last three years; the next review came on time
    for most of them, late or not at all for the rest."""
    rows = []
    for pk, home in homes.items():
        if rng.random() > 0.5:
            continue
        held = today - timedelta(days=rng.randint(200, 3 * 365))
        while held <= today:
            due = held + timedelta(days=365)
            rows.append(
                Review(
                    executive_id=pk,
                    agency=home,
                    held_on=held,
                    next_review_on=due,
                    comments="Discussed development goals and a broadening assignment.",
                    signed_at=now,
                )
            )
            roll = rng.random()
            if roll < 0.2:
                break  # never reviewed again
            held = (
                due - timedelta(days=rng.randint(0, 60)) if roll < 0.75 else due + timedelta(days=rng.randint(20, 150))
            )
    Review.objects.bulk_create(rows, batch_size=1000)


def _postings(ctx, rng, departments, homes, today, now) -> None:
    """As many past postings as current ones (at least 80), published over two years, each filled,
    closed without a selection or cancelled; some marked for veteran outreach; interest in each."""
    types = list(OpportunityType.objects.all())
    count = max(80, ctx.opportunities)
    people = list(homes)
    veterans = list(
        SelfIdentification.objects.filter(person_id__in=people, veteran=Veteran.YES).values_list("person", flat=True)
    )
    batch = []
    for number in range(count):
        kind = types[number % len(types)]
        agency = rng.choice(departments)
        posting = _opportunity(ctx, kind, agency, None, today, now)
        published = today - timedelta(days=rng.randint(60, HISTORY_DAYS))
        posting.created_at = posting.published_at = _noon(published)
        posting.closes_on = published + timedelta(days=30)
        posting.veteran_outreach = rng.random() < 0.2
        roll = rng.random()
        if roll < 0.55:
            posting.status = Opportunity.Status.FILLED
            filled = min(published + timedelta(days=rng.randint(25, 40 + number % 120)), today - timedelta(days=1))
            posting.filled_at = posting.closed_at = _noon(filled)
            posting.selected_id = rng.choice(people) if people else None
        elif roll < 0.85:
            posting.status = Opportunity.Status.CLOSED
            posting.closed_at = _noon(posting.closes_on)
        else:
            posting.status = Opportunity.Status.CANCELLED
            posting.cancelled_at = _noon(published + timedelta(days=rng.randint(1, 25)))
        batch.append(posting)
    created = Opportunity.objects.bulk_create(batch, batch_size=1000)
    interests = []
    for posting in created:
        chosen = set(rng.sample(people, min(len(people), rng.randint(0, 8))))
        if posting.veteran_outreach:  # outreach reaches veterans
            chosen |= set(rng.sample(veterans, min(len(veterans), rng.randint(1, 4))))
        for person in sorted(chosen):
            interests.append(
                Interest(
                    executive_id=person,
                    opportunity=posting,
                    status=Interest.Status.NOT_SELECTED if posting.status != "filled" else Interest.Status.INTERESTED,
                    created_at=posting.published_at + timedelta(days=rng.randint(1, 20)),
                    digested_at=now,
                )
            )
    made = Interest.objects.bulk_create(interests, batch_size=1000)
    InterestEvent.objects.bulk_create(
        [InterestEvent(interest=i, to_status="interested", by_id=i.executive_id, at=i.created_at) for i in made],
        batch_size=1000,
    )


def _resume_views(rng, ids, today) -> None:
    """HR staff of every agency opened resumes over two years: about one view per two executives."""
    readers = list(User.objects.filter(role=User.Role.HR, agency__isnull=False).values_list("pk", "email", "agency"))
    resumes = list(Resume.objects.filter(executive_id__in=ids).values_list("pk", flat=True)[: len(ids)])
    if not readers or not resumes:
        return
    events = []
    for _ in range(max(60, len(ids) // 2)):
        actor, email, agency = rng.choice(readers)
        day = today - timedelta(days=rng.randint(0, HISTORY_DAYS))
        events.append(
            AuditEvent(
                action=VIEWED,
                actor_id=actor,
                actor_email=email,
                agency_id=agency,
                object_type="resumes.resume",
                object_id=str(rng.choice(resumes)),
                object_repr="Resume",
                created_at=_noon(day) + timedelta(minutes=rng.randint(0, 400)),
            )
        )
    AuditEvent.objects.bulk_create(events, batch_size=1000)

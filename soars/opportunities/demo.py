"""Demo opportunities: open postings of every type across agencies, and some interest in them."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from soars.accounts.demo import DEMO_DOMAIN
from soars.accounts.models import User
from soars.core.demo import DemoContext
from soars.core.demo_fields import FIELDS
from soars.core.models import Agency, ClearanceLevel, Ecq, OpportunityType, WorkArrangement
from soars.opportunities.models import Interest, InterestEvent, Opportunity
from soars.opportunities.search import indexed_records
from soars.search.engine import index_records

# Places from the places table (soars.places): principal cities and suburbs where agencies work.
PLACES = [
    "Washington, DC", "Suitland, MD", "Woodlawn, MD", "Fort Meade, MD", "Denver, CO", "Atlanta, GA",
    "Kansas City, MO", "Seattle, WA", "San Francisco, CA",
]  # fmt: skip
SKILLS = ["budget formulation", "cybersecurity", "change management", "acquisition", "data strategy", "labor relations"]
# A duration that keeps each type within its rules.
DURATIONS = {"limited_term": 730, "limited_emergency": 365, "rotation": 180, "ipa": 540, "detail": 120}
INTERESTS_PER_OPEN = 3


def _opportunity(ctx: DemoContext, kind: OpportunityType, agency: Agency, by: User | None, today, now) -> Opportunity:
    rng = ctx.rng
    field = rng.choice(FIELDS)
    role = rng.choice(field.titles)
    sub = rng.choice(list(agency.sub_elements.all()) or [None])
    days_ago = rng.randint(0, 40)
    return Opportunity(
        agency=agency,
        sub_element=sub,
        title=f"{role} ({kind.name})",
        type=kind,
        position_type="career_reserved" if kind.is_permanent and rng.random() < 0.3 else "general",
        description=(
            f"{agency.name} seeks a senior executive in {field.name} to serve as {role}. "
            f"You will lead {rng.choice(field.work).format(n=rng.randint(3, 900), m=rng.randint(5, 900))} "
            f"and report to the agency's leadership."
        ),
        duties="Set direction and priorities.\nManage budget and staff.\nWork with other agencies and Congress.",
        skills=", ".join([*rng.sample(field.skills, 2), rng.choice(SKILLS)]),
        locations="\n".join(rng.sample(PLACES, rng.randint(1, 2))),
        remote=rng.choice(WorkArrangement.values),
        start_date=today + timedelta(days=75),
        start_flexibility_days=30 if kind.is_permanent else None,
        duration_days=DURATIONS.get(kind.code, None if kind.is_permanent else 90),
        closes_on=today + timedelta(days=rng.randint(3, 60)),
        pay_level="ES",
        pay_min=150_000,
        pay_max=221_900,
        clearance=rng.choice([None, None, *ClearanceLevel.objects.all()]),
        visibility="agency" if rng.random() < 0.1 else "all",
        contact_name=by.full_name if by else "Executive Resources Office",
        contact_email=by.email if by else f"executive.resources@{agency.code.lower()}.{DEMO_DOMAIN}",
        status="open",
        created_by=by,
        created_at=now - timedelta(days=days_ago + 2),
        published_at=now - timedelta(days=days_ago),
    )


def seed(ctx: DemoContext) -> None:
    if Opportunity.objects.exists():
        return
    today, now = timezone.localdate(), timezone.now()
    types = list(OpportunityType.objects.all())
    agencies = list(Agency.objects.top_level())
    demo_hr = User.objects.filter(email=f"hr@{DEMO_DOMAIN}").first()
    home = Agency.objects.get(code="AG")
    bar = ctx.progress(ctx.opportunities, "Opportunities")
    batch = []
    for number in range(ctx.opportunities):
        kind = types[number % len(types)]  # every type, in turn
        # The demo HR user posts the first round of every type, so their pages have something to show.
        if number < len(types):
            batch.append(_opportunity(ctx, kind, home, demo_hr, today, now))
        else:
            batch.append(_opportunity(ctx, kind, ctx.rng.choice(agencies), None, today, now))
    created = Opportunity.objects.bulk_create(batch, batch_size=1000)
    bar.update(len(created))
    bar.close()
    ecqs = list(Ecq.objects.filter(framework__is_current=True))
    through = Opportunity.ecqs.through
    through.objects.bulk_create(
        [through(opportunity_id=o.pk, ecq_id=e.pk) for o in created if o.pk for e in ctx.rng.sample(ecqs, 2)]
    )
    index_records(indexed_records().filter(pk__in=[o.pk for o in created]))
    _seed_interests(ctx, Opportunity.objects.filter(status="open", visibility="all").order_by("pk"), now)


def _seed_interests(ctx: DemoContext, opportunities, now) -> None:
    people = list(ctx.executive_ids)
    demo_executive = User.objects.filter(email=f"executive@{DEMO_DOMAIN}").first()
    interests = []
    seen = set()
    for index, opportunity in enumerate(opportunities[:200]):
        if opportunity.is_career_reserved:
            continue  # eligibility is not known until resumes record it (see hooks.py)
        chosen = ctx.rng.sample(people, min(INTERESTS_PER_OPEN, len(people)))
        if demo_executive and index < 3:
            chosen.append(demo_executive.pk)
        for person in chosen:
            if (person, opportunity.pk) in seen:
                continue
            seen.add((person, opportunity.pk))
            interests.append(
                Interest(
                    executive_id=person,
                    opportunity=opportunity,
                    note="I would welcome the chance to discuss this role.",
                    created_at=now - timedelta(hours=ctx.rng.randint(1, 200)),
                    digested_at=now,
                )
            )
    created = Interest.objects.bulk_create(interests, batch_size=1000)
    InterestEvent.objects.bulk_create(
        [InterestEvent(interest=i, to_status="interested", by_id=i.executive_id, at=i.created_at) for i in created],
        batch_size=1000,
    )

"""Demo resumes: a complete one for the demo executive, and one for every bulk executive.

Bulk resumes go in with bulk_create in batches (resumes, then their entries and
many-to-many rows), so 100,000 resumes take minutes. Their search document is
put together here from the same pieces, because bulk_create skips save().
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from soars.core.demo import DemoContext
from soars.core.demo_fields import FIELDS
from soars.core.models import (
    Agency,
    ClearanceLevel,
    EcqFramework,
    EligibilityCategory,
    OpportunityType,
    WorkArrangement,
)
from soars.resumes.models import EcqStatement, Education, Position, Resume, Training
from soars.resumes.search import KIND, resume_document
from soars.search.engine import index_documents

BATCH = 2000
DEMO_EXECUTIVE = "executive@demo.soars.gov"

SKILLS = [
    "budget formulation",
    "cloud migration",
    "cybersecurity",
    "grants management",
    "workforce planning",
    "acquisition reform",
    "data analytics",
    "emergency management",
    "labor relations",
    "program evaluation",
    "public health",
    "infrastructure finance",
    "regulatory policy",
    "international negotiations",
    "customer experience",
    "artificial intelligence governance",
]
ON_SITE, HYBRID, REMOTE = WorkArrangement.values
# Work arrangements accepted, mostly several.
ACCEPTED_SETS = [[ON_SITE, HYBRID], [HYBRID, REMOTE], [ON_SITE, HYBRID, REMOTE], [ON_SITE], [REMOTE], []]
# Places from the places table (soars.places): some are the postings' cities, some suburbs in their
# commuting areas (Reston meets Washington, DC), some a neighbouring area (Baltimore does not).
LOCATIONS = [
    "Washington, DC", "Reston, VA", "Arlington, VA", "Bethesda, MD", "Silver Spring, MD", "Columbia, MD",
    "Baltimore, MD", "Denver, CO", "Aurora, CO", "Atlanta, GA", "Overland Park, KS", "Oakland, CA",
    "Bellevue, WA",
]  # fmt: skip
SCHOOLS = [
    ("Georgetown University", "Master of Public Policy", "Public policy"),
    ("University of Maryland", "Master of Business Administration", "Finance"),
    ("George Washington University", "Master of Public Administration", "Public administration"),
    ("Naval Postgraduate School", "Master of Science", "Systems engineering"),
    ("University of Texas at Austin", "Juris Doctor", "Law"),
]
TRAINING = [
    ("SES Candidate Development Program", "Office of Personnel Management"),
    ("Leadership for a Democratic Society", "Federal Executive Institute"),
    ("Certified Government Chief Information Officer", "CIO University"),
    ("Federal Acquisition Certification, Program and Project Managers", "Federal Acquisition Institute"),
]
ACCOMPLISHMENTS = [
    "Led a staff of {n} and a budget of ${m} million; cut processing times by {p}% in two years.",
    "Consolidated {n} field offices into regional hubs, saving ${m} million a year without service loss.",
    "Delivered a modernization program on time across {n} programs, raising customer satisfaction by {p} points.",
]


def _accomplishment(ctx: DemoContext) -> str:
    return ctx.rng.choice(ACCOMPLISHMENTS).format(
        n=ctx.rng.randint(40, 2500), m=ctx.rng.randint(5, 900), p=ctx.rng.randint(10, 60)
    )


def _field_accomplishment(ctx: DemoContext, field) -> str:
    """An accomplishment in one field of work: "Led the response to 14 declared disasters; ..."."""
    work = ctx.rng.choice(field.work).format(n=ctx.rng.randint(3, 900), m=ctx.rng.randint(5, 900))
    verb = ctx.rng.choice(["Led", "Managed", "Directed", "Oversaw"])
    return f"{verb} {work}; " + _accomplishment(ctx)[0].lower() + _accomplishment(ctx)[1:]


NARRATIVE_SHARE = 0.4  # executives who paste their ECQ statements as narratives; the rest write CCAR parts

# Ways an ECQ statement's parts may read, so demo resumes do not all share one wording.
CHALLENGES = (
    "Our agency needed to show {ecq} while its mission grew faster than its staff.",
    "A new law gave the office {months} months to deliver, and {ecq} was the gap.",
    "An inspector general report found the {field} program behind schedule and over budget.",
    "Two bureaus with different cultures were merged, and {field} work had stalled.",
)
CONTEXTS = (
    "I led {people} people across {places} regions.",
    "I was responsible for a staff of {people} and a budget of ${millions} million.",
    "The program served {people} thousand people through {places} field offices.",
    "I reported to the deputy secretary and worked with {places} partner agencies.",
)
ACTIONS = (
    "I set clear goals, built a coalition with partners, and measured progress every month.",
    "I reorganized the teams around outcomes, hired specialists, and briefed Congress every quarter.",
    "I brought unions and managers to one table and agreed a plan within ninety days.",
    "I replaced paper processes with a shared system and trained every supervisor.",
)
RESULTS = (
    "We met every goal a year early and saved ${millions} million.",
    "Backlogs fell by {percent} percent and customer satisfaction reached its highest level.",
    "The program passed its next audit with no findings.",
    "Staff engagement scores rose {percent} points and attrition fell by half.",
)


def _statement(ctx: DemoContext, ecq, field=None, narrative: bool = False) -> dict:
    """An ECQ statement's texts: its four CCAR parts, or the same words as a pasted narrative."""
    rng = ctx.rng
    words = {
        "ecq": ecq.name.lower(),
        "field": field.name if field else "modernization",
        "months": rng.randint(6, 24),
        "people": rng.randint(80, 3000),
        "places": rng.randint(2, 12),
        "millions": rng.randint(2, 90),
        "percent": rng.randint(10, 60),
    }
    parts = {"challenge": CHALLENGES, "context": CONTEXTS, "action": ACTIONS, "result": RESULTS}
    texts = {part: rng.choice(choices).format(**words) for part, choices in parts.items()}
    if narrative:
        c = texts
        return {"narrative": f"{c['challenge']} {c['context']}\n\n{c['action']}\n\n{c['result']}"}
    return texts


class Reference:
    def __init__(self):
        self.agencies = list(Agency.objects.top_level())
        self.frameworks = {
            f.pk: (f, list(f.ecqs.all()), list(f.competencies.all())) for f in EcqFramework.objects.all()
        }
        self.clearances = list(ClearanceLevel.objects.all())
        self.eligibility = list(EligibilityCategory.objects.all())
        self.types = list(OpportunityType.objects.all())
        self.current_framework = EcqFramework.objects.filter(is_current=True).first() or EcqFramework.objects.first()


def seed(ctx: DemoContext) -> None:
    ref = Reference()
    if not ref.agencies or not ref.frameworks:
        return  # reference data not loaded
    _seed_demo_executive(ctx, ref)
    _seed_bulk(ctx, ref)


def _seed_demo_executive(ctx: DemoContext, ref: Reference) -> None:
    from soars.accounts.models import User

    user = User.objects.filter(email=DEMO_EXECUTIVE).first()
    if user is None or Resume.objects.filter(executive=user).exists():
        return
    framework = ref.current_framework
    _, ecqs, competencies = ref.frameworks[framework.pk]
    resume = Resume.objects.create(
        executive=user,
        headline="Chief Information Officer and modernization leader",
        summary=(
            "Career Senior Executive with 20 years of federal service across three departments. I turn aging "
            "systems and tired processes into services the public trusts, on time and within budget."
        ),
        current_title="Chief Information Officer",
        current_agency=Agency.objects.get(code="AG"),
        eligibility=ref.eligibility[0],
        ecq_framework=framework,
        clearance=ClearanceLevel.objects.filter(code="top_secret").first() or ref.clearances[-1],
        locations=["Washington, DC", "Denver, CO"],
        arrangements=[WorkArrangement.ON_SITE, WorkArrangement.HYBRID],
        skills=["cloud migration", "cybersecurity", "budget formulation", "customer experience"],
        available_from=timezone.localdate() + datetime.timedelta(days=60),
        visibility=Resume.Visibility.ALL_AGENCIES,
        directory_opt_in=True,
        directory_phone="202-555-0143",
    )
    positions = [
        ("Department of Agriculture", "AG", "Chief Information Officer", datetime.date(2021, 6, 7), None),
        (
            "Department of Commerce",
            "CM",
            "Deputy Chief Information Officer",
            datetime.date(2016, 3, 14),
            datetime.date(2021, 6, 4),
        ),
        (
            "Department of Veterans Affairs",
            "VA",
            "Director, Enterprise Infrastructure",
            datetime.date(2011, 9, 12),
            datetime.date(2016, 3, 11),
        ),
    ]
    for order, (employer, code, title, start, end) in enumerate(positions):
        Position.objects.create(
            resume=resume,
            order=order,
            employer=employer,
            agency=Agency.objects.filter(code=code).first(),
            title=title,
            series="2210",
            pay_plan=Position.PayPlan.ES if order < 2 else Position.PayPlan.GS,
            level="00" if order < 2 else "15",
            start_date=start,
            end_date=end,
            accomplishments=_accomplishment(ctx) + "\n" + _accomplishment(ctx),
        )
    Education.objects.create(
        resume=resume, institution=SCHOOLS[0][0], degree=SCHOOLS[0][1], field=SCHOOLS[0][2], year=2004
    )
    for order, (name, provider) in enumerate(TRAINING[:3]):
        Training.objects.create(resume=resume, order=order, name=name, provider=provider, year=2012 + order)
    for i, ecq in enumerate(ecqs):  # the first pasted as a narrative, so the demo shows both forms
        EcqStatement.objects.create(resume=resume, ecq=ecq, **_statement(ctx, ecq, narrative=i == 0))
    resume.competencies.set(competencies[:6])
    resume.opportunity_types.set(ref.types[:4])
    resume.save()


def _seed_bulk(ctx: DemoContext, ref: Reference) -> None:
    # All resume owners, not an IN list of 100,000 ids (SQLite caps query parameters).
    taken = set(Resume.objects.values_list("executive_id", flat=True))
    todo = [pk for pk in ctx.executive_ids if pk not in taken]
    bar = ctx.progress(len(todo), "Resumes")
    for start in range(0, len(todo), BATCH):
        _bulk_batch(ctx, ref, todo[start : start + BATCH])
        bar.update(len(todo[start : start + BATCH]))
    bar.close()


def _bulk_batch(ctx: DemoContext, ref: Reference, executive_ids: list[int]) -> None:
    rng, now, today = ctx.rng, timezone.now(), timezone.localdate()
    visibilities = (
        [Resume.Visibility.ALL_AGENCIES] * 7 + [Resume.Visibility.CHOSEN_AGENCIES] * 2 + [Resume.Visibility.HIDDEN]
    )
    plans, texts = [], []
    for executive_id in executive_ids:
        framework, ecqs, competencies = ref.frameworks[rng.choice(list(ref.frameworks))]
        agency = rng.choice(ref.agencies)
        field, second = rng.sample(FIELDS, 2)
        title = rng.choice(field.titles)
        skills = [*rng.sample(field.skills, 3), rng.choice(second.skills)]
        locations = rng.sample(LOCATIONS, rng.randint(1, 3))
        first_start = today - datetime.timedelta(days=rng.randint(200, 2500))
        positions = [
            (agency, title, first_start, None, _field_accomplishment(ctx, field)),
            (
                other := rng.choice(ref.agencies),
                rng.choice(rng.choice([field, field, second]).titles),
                first_start - datetime.timedelta(days=rng.randint(900, 2500)),
                first_start - datetime.timedelta(days=3),
                _field_accomplishment(ctx, rng.choice([field, second])),
            ),
        ]
        school, training = rng.choice(SCHOOLS), rng.choice(TRAINING)
        narratives = rng.random() < NARRATIVE_SHARE
        statements = [(ecq, _statement(ctx, ecq, field, narratives)) for ecq in ecqs]
        summary = (
            f"Senior executive in {field.name} with {rng.randint(12, 30)} years of federal service, "
            f"also experienced in {second.name}. " + _field_accomplishment(ctx, field)
        )
        text = "\n".join(
            [
                title,
                summary,
                str(agency),
                str(other),
                " ".join(skills),
                " ".join(locations),
                *(p[1] + " " + p[4] for p in positions),
                " ".join(school),
                " ".join(training),
                *(ecq.name + " " + " ".join(s.values()) for ecq, s in statements),
            ]
        )
        resume = Resume(
            executive_id=executive_id,
            headline=title,
            summary=summary,
            current_title=title,
            current_agency=agency,
            eligibility=rng.choice(ref.eligibility),
            ecq_framework=framework,
            clearance=rng.choice(ref.clearances),
            locations=locations,
            arrangements=rng.choice(ACCEPTED_SETS),
            skills=skills,
            available_from=today + datetime.timedelta(days=rng.randint(0, 365)),
            visibility=rng.choice(visibilities),
            directory_opt_in=rng.random() < 0.6,
            directory_show_email=rng.random() < 0.8,
            directory_phone=f"202-555-{rng.randint(100, 9999):04d}" if rng.random() < 0.4 else "",
            created_at=now,
            updated_at=now - datetime.timedelta(minutes=rng.randint(0, 60 * 24 * 365)),
        )
        plans.append((resume, positions, school, training, statements, competencies, framework))
        texts.append(text)
    Resume.objects.bulk_create([plan[0] for plan in plans])
    entries: dict[type, list] = {Position: [], Education: [], Training: [], EcqStatement: []}
    links: dict[str, list] = {"competencies": [], "opportunity_types": [], "visible_agencies": []}
    for resume, positions, school, training, statements, competencies, _framework in plans:
        for order, (agency, title, start, end, text) in enumerate(positions):
            entries[Position].append(
                Position(
                    resume=resume,
                    order=order,
                    employer=str(agency),
                    agency=agency,
                    title=title,
                    series=rng.choice(["0340", "2210", "0301", "0501", "0343"]),
                    pay_plan=Position.PayPlan.ES,
                    level="00",
                    start_date=start,
                    end_date=end,
                    accomplishments=text,
                )
            )
        entries[Education].append(
            Education(
                resume=resume, institution=school[0], degree=school[1], field=school[2], year=rng.randint(1990, 2015)
            )
        )
        entries[Training].append(
            Training(resume=resume, name=training[0], provider=training[1], year=rng.randint(2005, 2024))
        )
        entries[EcqStatement] += [EcqStatement(resume=resume, ecq=ecq, **texts) for ecq, texts in statements]
        through = Resume.competencies.through
        links["competencies"] += [
            through(resume_id=resume.pk, competency_id=c.pk)
            for c in rng.sample(competencies, min(3, len(competencies)))
        ]
        through = Resume.opportunity_types.through
        links["opportunity_types"] += [
            through(resume_id=resume.pk, opportunitytype_id=t.pk) for t in rng.sample(ref.types, 2)
        ]
        if resume.visibility == Resume.Visibility.CHOSEN_AGENCIES:
            through = Resume.visible_agencies.through
            links["visible_agencies"] += [
                through(resume_id=resume.pk, agency_id=a.pk) for a in rng.sample(ref.agencies, 3)
            ]
    for model, rows in entries.items():
        model.objects.bulk_create(rows, batch_size=BATCH)
    for name, rows in links.items():
        getattr(Resume, name).through.objects.bulk_create(rows, batch_size=BATCH)
    index_documents(
        KIND, [(plan[0].pk, resume_document(plan[0], body)) for plan, body in zip(plans, texts, strict=True)]
    )

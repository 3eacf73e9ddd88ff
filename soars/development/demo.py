"""Demo development records: the Agriculture department's policy and ERB, the demo executive's plan
with assignments over several years and a review due soon, a dozen other executives with reviews on
time and overdue, and a GS-15 pilot participant who can sign in (demo mode only)."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.utils import timezone

from soars.accounts.demo import DEMO_DOMAIN, DEMO_PASSWORD
from soars.accounts.models import User
from soars.core.demo import DemoContext
from soars.core.models import Agency, OpportunityType
from soars.development.broadening import add_years
from soars.development.models import (
    Activity,
    AgencyPolicy,
    Assignment,
    ErbReviewer,
    Goal,
    MobilityAgreement,
    OnboardingDone,
    OnboardingItem,
    PilotParticipant,
    Plan,
    Review,
)

AGENCY = "AG"
PILOT_EMAIL = f"pilot@{DEMO_DOMAIN}"
OTHER_EXECUTIVES = 12
AGREEMENT = (
    "As a member of the Senior Executive Service at the Department, I understand that the Department may "
    "reassign me to another executive position to meet its mission, and I agree to take part in at least one "
    "broadening assignment (a detail, rotation, interagency project or similar) every four years, as planned "
    "with the Executive Resources Board in my Executive Development Plan."
)
ONBOARDING = [
    "Meet your Executive Resources Board sponsor",
    "Complete the SES orientation at the Federal Executive Institute",
    "Draft your Executive Development Plan",
    "Sign your performance plan",
    "Meet executives of two partner agencies",
]
GOALS = [
    ("Lead an interagency project", "LP"),
    ("Strengthen budget and acquisition stewardship", "DE"),
    ("Deliver measurable results on a cross-agency priority goal", "AR"),
]


def _type(code: str) -> OpportunityType:
    return OpportunityType.objects.get(code=code)


def _assignment(executive, code, title, agency_code, start, end, *, confirmed=True, interagency=True):
    Assignment.objects.create(
        executive=executive,
        type=_type(code),
        agency=Agency.objects.get(code=agency_code),
        title=title,
        start_date=start,
        end_date=end,
        is_interagency=interagency,
        confirmed_at=timezone.now() if confirmed else None,
    )


def _review(executive, by, held_on, next_on, comments, *, acknowledged=True):
    review = Review.objects.create(
        executive=executive,
        agency=executive.agency.top,
        held_on=held_on,
        next_review_on=next_on,
        comments=comments,
        created_by=by,
        signed_at=timezone.now(),
        signed_by=by,
        acknowledged_at=timezone.now() if acknowledged else None,
    )
    review.approved_types.set([_type("detail"), _type("rotation")])
    return review


def _goals(plan: Plan, rng) -> list[Goal]:
    from soars.development.factories import current_ecq

    made = []
    for text, code in rng.sample(GOALS, k=rng.randint(1, len(GOALS))):
        ecq = current_ecq(code)
        made.append(Goal.objects.create(plan=plan, text=text, ecq=ecq, competency=ecq.competencies.first()))
    return made


def _demo_executive(agency, reviewer, today):
    maria = User.objects.filter(email=f"executive@{DEMO_DOMAIN}").first()
    if maria is None or Plan.objects.filter(executive=maria).exists():
        return
    plan = Plan.objects.create(executive=maria, is_national_security_professional=True)
    lead, budget = (
        Goal.objects.create(plan=plan, text=text, ecq=_ecq(code), competency=_ecq(code).competencies.first())
        for text, code in GOALS[:2]
    )
    Activity.objects.create(
        plan=plan,
        goal=lead,
        kind=Activity.Kind.ASSIGNMENT,
        opportunity_type=_type("rotation"),
        title="Rotation to another department",
        target_date=today + timedelta(days=240),
    )
    Activity.objects.create(
        plan=plan,
        goal=budget,
        kind=Activity.Kind.TRAINING,
        title="FEI course: Leadership for a Democratic Society",
        target_date=today + timedelta(days=90),
        status=Activity.Status.IN_PROGRESS,
    )
    Activity.objects.create(
        plan=plan,
        goal=lead,
        kind=Activity.Kind.ASSIGNMENT,
        opportunity_type=_type("detail"),
        title="Detail to a partner agency's emergency operations",
        target_date=today + timedelta(days=400),
    )
    _assignment(
        maria, "ipa", "IPA assignment to a state agriculture department", "AG", date(2014, 3, 3), date(2015, 9, 30)
    )
    _assignment(maria, "detail", "Detail to FEMA's recovery directorate", "HS", date(2019, 10, 1), date(2020, 3, 31))
    _assignment(
        maria,
        "short_term_project",
        "Interagency food safety task force",
        "HE",
        date(2023, 2, 6),
        date(2023, 6, 30),
        confirmed=False,
    )
    _review(
        maria,
        reviewer,
        add_years(today, -1) + timedelta(days=20),
        today + timedelta(days=20),
        "Strong year. Plan a rotation outside the Department before your broadening assignment falls due.",
    )
    MobilityAgreement.objects.create(executive=maria, agency=agency, text=AGREEMENT)
    for item in OnboardingItem.objects.filter(agency=agency)[:3]:
        OnboardingDone.objects.create(executive=maria, item=item)


def _ecq(code):
    from soars.development.factories import current_ecq

    return current_ecq(code)


def _other_executives(ctx: DemoContext, agency, reviewer, today):
    """A dozen bulk executives placed at Agriculture: plans, assignments over several years, and
    reviews on time, overdue or missing."""
    ids = ctx.executive_ids[:OTHER_EXECUTIVES]
    executives = list(User.objects.filter(pk__in=ids, agency__isnull=True))
    rng = ctx.rng
    for n, executive in enumerate(executives):
        executive.agency = agency
        executive.save(update_fields=["agency"])
        plan = Plan.objects.create(executive=executive, is_national_security_professional=n % 5 == 0)
        _goals(plan, rng)
        end_year = today.year - rng.randint(1, 7)
        start = date(end_year, rng.randint(1, 6), 1)
        code = rng.choice(["detail", "rotation", "ipa", "sabbatical", "liaison"])
        _assignment(
            executive,
            code,
            f"{_type(code).name} in a partner agency",
            rng.choice(["CM", "HS", "DD", "ED"]),
            start,
            start + timedelta(days=rng.randint(120, 360)),
        )
        if n % 3 == 0:  # overdue: the last review named a date already past
            _review(
                executive,
                reviewer,
                today - timedelta(days=500),
                today - timedelta(days=135),
                "Discussed a detail; none found yet.",
            )
        elif n % 3 == 1:  # on time
            _review(
                executive,
                reviewer,
                today - timedelta(days=100),
                today + timedelta(days=265),
                "On track.",
                acknowledged=n % 2 == 0,
            )
        # n % 3 == 2: never reviewed


def _pilot(agency, admin, today):
    if PilotParticipant.objects.filter(user__email=PILOT_EMAIL).exists():
        return
    user = User.objects.filter(email=PILOT_EMAIL).first() or User.objects.create_user(
        PILOT_EMAIL, DEMO_PASSWORD, full_name="Rosa Delgado", role=User.Role.EXECUTIVE, agency=agency
    )
    PilotParticipant.objects.create(user=user, agency=agency, nominated_by=admin)
    plan = Plan.of(user)
    made = Goal.objects.create(plan=plan, text="Lead people across agency lines", ecq=_ecq("LP"))
    Activity.objects.create(
        plan=plan,
        goal=made,
        kind=Activity.Kind.ASSIGNMENT,
        opportunity_type=_type("rotation"),
        title="120-day rotation in another department",
        target_date=today + timedelta(days=180),
    )


def seed(ctx: DemoContext) -> None:
    agency = Agency.objects.filter(code=AGENCY).first()
    if agency is None or AgencyPolicy.objects.filter(agency=agency).exists():
        return  # never add twice
    today = timezone.localdate()
    admin = User.objects.filter(email=f"agency-admin@{DEMO_DOMAIN}").first()
    AgencyPolicy.objects.create(agency=agency, broadening_years=4, mobility_agreement=AGREEMENT, updated_by=admin)
    for order, text in enumerate(ONBOARDING):
        OnboardingItem.objects.create(agency=agency, text=text, order=order)
    reviewer = User.objects.filter(email=f"hr@{DEMO_DOMAIN}").first()
    if reviewer is not None:
        ErbReviewer.objects.get_or_create(user=reviewer, defaults={"agency": agency, "granted_by": admin})
    board = reviewer or admin
    if board is not None:
        _demo_executive(agency, board, today)
        _other_executives(ctx, agency, board, today)
    if settings.DEMO_MODE:
        _pilot(agency, admin, today)

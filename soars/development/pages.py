"""Pages of this app checked site-wide (one <h1>, accessibility). See soars.core.testing.Page."""

from soars.core.testing import Page

HOME = "/executive/development/"
BOARD = "/hr/development/"


def _filled(personas):
    """Alice at agency A with goals, activities, assignments, a signed review, the agency's agreement
    and onboarding checklist; returns her."""
    from datetime import date

    from soars.core.models import OpportunityType
    from soars.development.factories import assignment, goal, review
    from soars.development.models import Activity, AgencyPolicy, OnboardingDone, OnboardingItem, Plan

    executive = personas.executive
    if AgencyPolicy.objects.filter(agency=personas.agency_a).exists():
        return executive  # already made for an earlier page of the same test
    executive.agency = personas.agency_a
    executive.save(update_fields=["agency"])
    made = goal(executive)
    goal(executive, text="Strengthen budget stewardship", ecq_code="DE")
    Activity.objects.create(
        plan=Plan.of(executive),
        goal=made,
        kind="assignment",
        opportunity_type=OpportunityType.objects.get(code="rotation"),
        title="Rotation to another department",
        target_date=date(2027, 6, 1),
    )
    Activity.objects.create(
        plan=Plan.of(executive),
        kind="training",
        title="FEI Leadership for a Democratic Society",
        target_date=date(2027, 2, 1),
    )
    assignment(executive, start=date(2020, 9, 1), end=date(2021, 3, 15))
    assignment(executive, start=date(2023, 1, 9), end=date(2023, 5, 1), confirmed=False, title="Interagency project")
    review(executive, personas.agency_admin, held_on=date(2026, 1, 12), next_on=date(2027, 1, 12))
    AgencyPolicy.objects.create(agency=personas.agency_a, broadening_years=4, mobility_agreement="I agree to move.")
    first = OnboardingItem.objects.create(agency=personas.agency_a, text="Meet your ERB", order=0)
    OnboardingItem.objects.create(agency=personas.agency_a, text="Attend the FEI orientation", order=1)
    OnboardingDone.objects.create(executive=executive, item=first)
    return executive


def _home_filled(personas) -> str:
    _filled(personas)
    return HOME


def _edit_goal(personas) -> str:
    executive = _filled(personas)
    return f"{HOME}goals/{executive.development.goals.first().pk}/"


def _edit_assignment(personas) -> str:
    from soars.development.models import Assignment

    executive = _filled(personas)
    return f"{HOME}assignments/{Assignment.objects.filter(executive=executive).unconfirmed().get().pk}/"


def _viewers_page_two(personas) -> str:
    from soars.audit.log import record
    from soars.development.models import Plan
    from soars.development.viewing import VIEWED

    plan = Plan.of(_filled(personas))
    for _ in range(27):
        record(VIEWED, actor=personas.agency_admin, obj=plan, agency=personas.agency_a)
    return f"{HOME}viewers/?page=2"


def _record(personas) -> str:
    return f"{BOARD}{_filled(personas).pk}/"


def _board(personas) -> str:
    _filled(personas)
    return BOARD


def _reviewers(personas) -> str:
    from soars.development.models import ErbReviewer

    ErbReviewer.objects.get_or_create(user=personas.hr_a, agency=personas.agency_a)
    return f"{BOARD}reviewers/"


BAD_REVIEW = {"held_on": "someday", "comments": "", "next_review_on": "2020-01-01"}

PAGES = [
    Page(HOME, user="executive"),
    Page(_home_filled, user="executive"),
    Page(f"{HOME}goals/add/", user="executive"),
    Page(f"{HOME}activities/add/", user="executive"),
    Page(f"{HOME}assignments/add/", user="executive"),
    Page(_edit_goal, user="executive"),
    Page(_edit_assignment, user="executive"),
    Page(f"{HOME}viewers/", user="executive"),
    Page(_viewers_page_two, user="executive"),
    Page(f"{HOME}sample/add/", user="executive", status=404),
    Page(BOARD, user="executive", status=403),
    Page(BOARD, user="hr_a", status=403),
    Page(_board, user="agency_admin"),
    Page(_board, user="site_admin"),
    Page(_record, user="agency_admin"),
    Page(_record, user="site_admin"),
    Page(_record, user="hr_b", status=404),
    Page(_reviewers, user="agency_admin"),
    Page(f"{BOARD}policy/", user="agency_admin"),
    Page(f"{BOARD}pilot/", user="agency_admin"),
    # Forms with errors.
    Page(f"{HOME}goals/add/", user="executive", data={"text": "", "status": "open"}, status=400),
    Page(f"{HOME}activities/add/", user="executive", data={"title": "", "kind": "assignment"}, status=400),
    Page(
        f"{HOME}assignments/add/",
        user="executive",
        data={"title": "Detail", "start_date": "2021-05-01", "end_date": "2020-01-01"},
        status=400,
    ),
    Page(HOME, user="executive", data={"shared_with": ["999999"]}, action="share/", status=400),
    Page(_record, user="agency_admin", data=BAD_REVIEW, action="review/", status=400),
    Page(f"{BOARD}reviewers/", user="agency_admin", data={"user": ""}, status=400),
    Page(f"{BOARD}policy/", user="agency_admin", data={"broadening_years": "9", "onboarding": ""}, status=400),
    Page(f"{BOARD}pilot/", user="agency_admin", data={"full_name": "", "email": "not an address"}, status=400),
]

"""What the development pages show, computed once for the executive's page, the ERB's page and the PDF."""

from __future__ import annotations

from django.db.models import Count
from django.utils.http import urlencode

from soars.development.access import can_read_records
from soars.development.broadening import broadening, review_status
from soars.development.models import (
    AgencyPolicy,
    Assignment,
    MobilityAgreement,
    OnboardingDone,
    OnboardingItem,
    Plan,
    Review,
)
from soars.opportunities.models import Opportunity


def _activity_rows(plan: Plan, executive) -> list[dict]:
    """Each activity with a link to the open opportunities that would carry it out: those of its
    kind of assignment and, when its goal names an ECQ, emphasising that ECQ."""
    activities = list(plan.activities.select_related("opportunity_type", "goal__ecq"))
    wanted_types = {a.opportunity_type_id for a in activities if a.opportunity_type_id and a.is_active}
    counts = {}
    if wanted_types:
        open_ones = Opportunity.objects.browsable_by(executive).filter(type__in=wanted_types)
        counts = dict(open_ones.values("type").annotate(n=Count("pk", distinct=True)).values_list("type", "n"))
    rows = []
    for activity in activities:
        link, count = None, None
        if activity.opportunity_type_id and activity.is_active:
            params = {"type": activity.opportunity_type.code}
            if activity.goal_id and activity.goal.ecq_id:
                params["ecq"] = activity.goal.ecq_id
            link = "/opportunities/?" + urlencode(params)
            count = counts.get(activity.opportunity_type_id, 0)
        rows.append({"activity": activity, "link": link, "count": count})
    return rows


def _onboarding(executive, agency) -> dict:
    if agency is None:
        return {"items": [], "done": set(), "progress": 0}
    items = list(OnboardingItem.objects.filter(agency=agency))
    done = set(OnboardingDone.objects.filter(executive=executive, item__in=items).values_list("item_id", flat=True))
    return {
        "items": items,
        "done": done,
        "count": len(done),
        "progress": round(100 * len(done) / len(items)) if items else 0,
    }


def plan_context(plan: Plan, viewer) -> dict:
    executive = plan.executive
    agency = executive.agency.top if executive.agency_id else None
    policy = AgencyPolicy.for_agency(agency)
    assignments = list(Assignment.objects.filter(executive=executive).select_related("type", "agency", "sub_element"))
    full = can_read_records(viewer, executive)
    context = {
        "plan": plan,
        "executive": executive,
        "is_owner": viewer.pk == executive.pk,
        "full_record": full,
        "agency": agency,
        "policy": policy,
        "goals": list(plan.goals.select_related("ecq", "competency")),
        "activity_rows": _activity_rows(plan, executive),
        "assignments": assignments,
        "broadening": broadening(executive, assignments),
        "is_pilot": hasattr(executive, "pilot"),
    }
    if not full:
        return context
    reviews = Review.objects.filter(executive=executive).select_related("agency", "signed_by")
    if viewer.pk == executive.pk:
        reviews = reviews.filter(signed_at__isnull=False)
    agreement = (
        MobilityAgreement.objects.filter(executive=executive, agency=agency).first() if agency is not None else None
    )
    context |= {
        "reviews": list(reviews.prefetch_related("approved_types")),
        "review_status": review_status(executive),
        "agreement": agreement,
        "agreement_current": agreement is not None and agreement.text == policy.mobility_agreement,
        "onboarding": _onboarding(executive, agency),
        "unacknowledged": [r for r in reviews if r.is_signed and not r.is_acknowledged]
        if viewer.pk == executive.pk
        else [],
    }
    return context

"""Reference data, for anyone signed in: agencies, ECQ frameworks, opportunity types, clearances."""

from __future__ import annotations

from ninja import Router

from soars.api.access import SIGNED_IN, allow
from soars.api.problems import ProblemOut
from soars.api.schemas import (
    AgencyOut,
    ClearanceOut,
    CompetencyOut,
    EcqOut,
    EligibilityOut,
    FrameworkOut,
    OpportunityTypeOut,
)
from soars.core.models import Agency, ClearanceLevel, EcqFramework, EligibilityCategory, OpportunityType

router = Router(tags=["Reference data"])
REFUSED = {401: ProblemOut, 403: ProblemOut, 429: ProblemOut}


@router.get("/agencies", response={200: list[AgencyOut], **REFUSED}, auth=allow(*SIGNED_IN))
def agencies(request):
    """Agencies and their sub-elements (a sub-element names its parent's code)."""
    rows = Agency.objects.active().select_related("parent").order_by("code")
    return [
        {
            "code": a.code,
            "name": a.name,
            "abbreviation": a.abbreviation,
            "kind": a.kind,
            "parent": a.parent and a.parent.code,
        }
        for a in rows
    ]


def _competency(c) -> CompetencyOut:
    return CompetencyOut(code=c.code, name=c.name)


@router.get("/ecq-frameworks", response={200: list[FrameworkOut], **REFUSED}, auth=allow(*SIGNED_IN))
def ecq_frameworks(request):
    """Every ECQ framework with its ECQs and their competencies (ECQ ids are used in filters and postings)."""
    frameworks = EcqFramework.objects.prefetch_related("ecqs__competencies", "competencies")
    out = []
    for framework in frameworks:
        ecqs = [
            EcqOut(id=e.pk, code=e.code, name=e.name, competencies=[_competency(c) for c in e.competencies.all()])
            for e in framework.ecqs.all()
        ]
        fundamental = [_competency(c) for c in framework.competencies.all() if c.ecq_id is None]
        out.append(
            FrameworkOut(
                code=framework.code,
                name=framework.name,
                year=framework.year,
                is_current=framework.is_current,
                ecqs=ecqs,
                fundamental_competencies=fundamental,
            )
        )
    return out


@router.get("/opportunity-types", response={200: list[OpportunityTypeOut], **REFUSED}, auth=allow(*SIGNED_IN))
def opportunity_types(request):
    """The opportunity types and their duration rules, which postings are checked against."""
    return [
        OpportunityTypeOut(
            code=t.code,
            name=t.name,
            is_permanent=t.is_permanent,
            min_days=t.min_days,
            max_days=t.max_days,
            extended_max_days=t.extended_max_days,
            rule=t.duration_rule,
        )
        for t in OpportunityType.objects.all()
    ]


@router.get("/clearance-levels", response={200: list[ClearanceOut], **REFUSED}, auth=allow(*SIGNED_IN))
def clearance_levels(request):
    return [ClearanceOut(code=c.code, name=c.name, rank=c.rank) for c in ClearanceLevel.objects.all()]


@router.get("/eligibility-categories", response={200: list[EligibilityOut], **REFUSED}, auth=allow(*SIGNED_IN))
def eligibility_categories(request):
    return [
        EligibilityOut(code=e.code, name=e.name, career_eligible=e.career_eligible)
        for e in EligibilityCategory.objects.all()
    ]

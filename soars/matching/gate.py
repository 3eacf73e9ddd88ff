"""The requirements of soars.matching.requirements as database filters, to narrow a pool cheaply.

resumes_meeting(opening) selects the resumes that meet the opening's requirements held in plain
columns (eligibility, clearance, type of opportunity, start date, work arrangement);
opportunities_met_by(candidate) selects the opportunities whose such requirements the candidate
meets. Neither is the last word: each selects at least everyone requirements.missed() passes,
and the matcher still checks every requirement of every record scored. The commuting area is
checked only there: places are free text resolved through the places table (soars.places).
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q

from soars.matching.profiles import CAREER_RESERVED, CandidateProfile, OpeningProfile
from soars.matching.requirements import latest_start


def resumes_meeting(opening: OpeningProfile) -> Q:
    """A filter on Resume: the resumes that meet every requirement of `opening` but the place."""
    from soars.resumes.models import Resume

    gate = Q()
    if opening.position_type == CAREER_RESERVED:
        gate &= Q(eligibility__career_eligible=True)
    if opening.eligibility_categories:
        gate &= Q(eligibility__code__in=sorted(opening.eligibility_categories))
    if opening.required_clearance_rank > 0:
        gate &= Q(clearance__rank__gte=opening.required_clearance_rank)
    if opening.type_code:
        wanted = Resume.opportunity_types.through.objects.filter(resume_id=OuterRef("pk"))
        gate &= ~Exists(wanted) | Exists(wanted.filter(opportunitytype__code=opening.type_code))
    latest = latest_start(opening)
    if latest is not None:
        gate &= Q(available_from__isnull=True) | Q(available_from__lte=latest)
    # The accepted arrangements are a JSON list of codes: none stated accepts any.
    gate &= Q(arrangements=[]) | Q(arrangements__icontains=f'"{opening.arrangement}"')
    return gate


def opportunities_met_by(candidate: CandidateProfile) -> Q:
    """A filter on Opportunity: those whose every requirement but the place `candidate` meets,
    and (for the start date) a few more, which the matcher then checks."""
    from soars.opportunities.models import Opportunity

    gate = Q()
    if not candidate.career_eligible:
        gate &= ~Q(position_type=CAREER_RESERVED)
    categories = Opportunity.eligibility.through.objects.filter(opportunity_id=OuterRef("pk"))
    gate &= ~Exists(categories) | Exists(categories.filter(eligibilitycategory__code=candidate.eligibility_category))
    gate &= Q(clearance__isnull=True) | Q(clearance__rank__lte=candidate.clearance_rank)
    if candidate.wanted_types:
        gate &= Q(type__isnull=True) | Q(type__code__in=sorted(candidate.wanted_types))
    if candidate.available_from is not None:
        # Exact for postings without flexibility; those with some are checked by the matcher.
        available = candidate.available_from
        gate &= Q(start_date__isnull=True) | Q(start_date__gte=available) | Q(start_flexibility_days__gt=0)
    if candidate.arrangements:
        gate &= Q(remote__in=sorted(candidate.arrangements))
    return gate

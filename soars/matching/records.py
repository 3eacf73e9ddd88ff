"""The matcher's profiles read from the records: a resume as a CandidateProfile, an opportunity
as an OpeningProfile.

Both read plain rows in a fixed number of queries whatever the number of records, and build no
model instances; the matcher (soars.matching.scoring, .requirements) never reads the database.
"""

from __future__ import annotations

from collections import defaultdict

from soars.core.arrangements import accepted
from soars.matching.profiles import CandidateProfile, OpeningProfile

# Statement strength (0-3) from the words of its four parts: brief, adequate, full.
STATEMENT_WORDS = (1, 150, 350)


def statement_strength(words: int) -> int:
    """An ECQ statement's strength 0-3 from its words (narrative or four parts): none, brief, adequate, full."""
    return sum(1 for threshold in STATEMENT_WORDS if words >= threshold)


def opening_profile(opportunity) -> OpeningProfile:
    """The matcher's view of one saved opportunity (see opening_profiles)."""
    return opening_profiles([opportunity.pk])[opportunity.pk]


def candidate_profile(resume, text_relevance: float = 0.0) -> CandidateProfile:
    """The matcher's view of one saved resume (see candidate_profiles)."""
    return candidate_profiles({resume.pk: text_relevance})[resume.pk]


def candidate_profiles(relevance: dict[int, float]) -> dict[int, CandidateProfile]:
    """{resume id: CandidateProfile} for the resumes keyed in relevance ({id: text relevance 0..1}).

    Reads plain rows, six queries whatever the number of resumes, and builds no model
    instances. candidate_profile() is the same for one resume.
    """
    from soars.core.models import Agency
    from soars.resumes.models import EcqStatement, Position, Resume

    ids = list(relevance)
    tops = {pk: parent or code for pk, code, parent in Agency.objects.values_list("pk", "code", "parent__code")}
    competencies, wanted, served, strengths = defaultdict(set), defaultdict(set), defaultdict(set), defaultdict(dict)
    through = Resume.competencies.through.objects.filter(resume_id__in=ids)
    for resume_id, code in through.values_list("resume_id", "competency__code"):
        competencies[resume_id].add(code)
    through = Resume.opportunity_types.through.objects.filter(resume_id__in=ids)
    for resume_id, code in through.values_list("resume_id", "opportunitytype__code"):
        wanted[resume_id].add(code)
    for resume_id, agency_id in Position.objects.filter(resume_id__in=ids, agency__isnull=False).values_list(
        "resume_id", "agency_id"
    ):
        served[resume_id].add(tops[agency_id])
    # A pasted narrative and the four CCAR parts count alike: by the words written, whichever form.
    for resume_id, code, *texts in EcqStatement.objects.filter(resume_id__in=ids).values_list(
        "resume_id", "ecq__code", *EcqStatement.TEXTS
    ):
        strengths[resume_id][code] = statement_strength(sum(len((text or "").split()) for text in texts))
    profiles = {}
    for pk, career, category, clearance, skills, places, arrangements, available, agency_id in Resume.objects.filter(
        pk__in=ids
    ).values_list(
        "pk",
        "eligibility__career_eligible",
        "eligibility__code",
        "clearance__rank",
        "skills",
        "locations",
        "arrangements",
        "available_from",
        "current_agency_id",
    ):
        current = tops.get(agency_id, "")
        profiles[pk] = CandidateProfile(
            id=pk,
            career_eligible=career,
            eligibility_category=category or "",
            clearance_rank=clearance or 0,
            ecq_strengths=strengths[pk],
            competencies=frozenset(competencies[pk]),
            skills=frozenset(str(skill) for skill in skills or [] if str(skill).strip()),
            wanted_types=frozenset(wanted[pk]),
            locations=frozenset(str(place) for place in places or [] if str(place).strip()),
            arrangements=frozenset(accepted(arrangements if isinstance(arrangements, list) else [])),
            available_from=available,
            agencies_served=frozenset(served[pk] | ({current} if current else set())),
            current_agency=current,
            text_relevance=max(0.0, min(1.0, relevance[pk])),
        )
    return profiles


def has_matchable_resume(resume) -> bool:
    """Whether the resume says enough to match on (an empty one is created on first visit)."""
    return resume is not None and any(
        [resume.headline, resume.current_title, resume.summary, resume.skills, resume.eligibility_id]
    )


def opening_profiles(ids: list[int]) -> dict[int, OpeningProfile]:
    """{opportunity id: OpeningProfile} from plain rows, five queries for any number of
    opportunities (opening_profile() is the same for one)."""
    from soars.opportunities.models import Opportunity
    from soars.opportunities.models.opportunity import location_list, skill_list

    ecqs, competencies, categories = defaultdict(set), defaultdict(set), defaultdict(set)
    labels: dict[str, str] = {}
    for opportunity_id, code, name in Opportunity.ecqs.through.objects.filter(opportunity_id__in=ids).values_list(
        "opportunity_id", "ecq__code", "ecq__name"
    ):
        ecqs[opportunity_id].add(code)
        labels[code] = name
    through = Opportunity.competencies.through.objects.filter(opportunity_id__in=ids)
    for opportunity_id, code, name in through.values_list("opportunity_id", "competency__code", "competency__name"):
        competencies[opportunity_id].add(code)
        labels[code] = name
    through = Opportunity.eligibility.through.objects.filter(opportunity_id__in=ids)
    for opportunity_id, code in through.values_list("opportunity_id", "eligibilitycategory__code"):
        categories[opportunity_id].add(code)
    profiles = {}
    rows = Opportunity.objects.filter(pk__in=ids).values_list(
        "pk", "type__code", "type__name", "position_type", "skills", "locations", "remote", "start_date",
        "start_flexibility_days", "clearance__rank", "agency__code",
    )  # fmt: skip
    for pk, type_code, type_name, position_type, skills, places, remote, start, flexibility, clearance, agency in rows:
        mine = {code: labels[code] for code in ecqs[pk] | competencies[pk]}
        profiles[pk] = OpeningProfile(
            id=pk,
            type_code=type_code or "",
            position_type=position_type,
            ecqs=frozenset(ecqs[pk]),
            competencies=frozenset(competencies[pk]),
            skills=frozenset(skill_list(skills)),
            locations=frozenset(location_list(places)),
            arrangement=remote,
            start_date=start,
            start_flexibility_days=flexibility or 0,
            required_clearance_rank=clearance or 0,
            agency_code=agency or "",
            eligibility_categories=frozenset(categories[pk]),
            labels=mine | ({type_code: type_name} if type_code else {}),
        )
    return profiles

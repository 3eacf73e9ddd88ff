"""The requirements as database filters select exactly (resumes) or at least (opportunities) whom
the matcher's gate passes, on a population that varies every requirement."""

import itertools
from datetime import date, timedelta

import pytest

from soars.core.models import ClearanceLevel, EligibilityCategory, OpportunityType
from soars.matching.gate import opportunities_met_by, resumes_meeting
from soars.matching.records import candidate_profiles, opening_profiles
from soars.matching.requirements import LOCATION, missed
from soars.opportunities.factories import OpenOpportunityFactory
from soars.opportunities.models import Opportunity
from soars.resumes.factories import SharedResumeFactory
from soars.resumes.models import Resume

pytestmark = pytest.mark.django_db

START = date(2027, 3, 1)


def gate_passes(candidate, opening) -> bool:
    """The matcher's gate, but the place (the one requirement left to Python)."""
    return not [miss for miss in missed(candidate, opening) if miss.code != LOCATION]


@pytest.fixture
def population():
    clearance = {code: ClearanceLevel.objects.get(code=code) for code in ("secret", "top_secret")}
    category = {code: EligibilityCategory.objects.get(code=code) for code in ("career_ses", "noncareer")}
    types = {code: OpportunityType.objects.get(code=code) for code in ("detail", "rotation", "permanent")}
    resumes = []
    for eligibility, held, wanted, available, arrangements in itertools.product(
        [None, "career_ses", "noncareer"],
        [None, "secret", "top_secret"],
        [(), ("detail",), ("rotation", "permanent")],
        [None, START - timedelta(days=10), START + timedelta(days=20)],
        [[], ["on_site"], ["remote"], ["on_site", "hybrid"]],
    ):
        resume = SharedResumeFactory(
            eligibility=category.get(eligibility),
            clearance=clearance.get(held),
            available_from=available,
            arrangements=arrangements,
        )
        resume.opportunity_types.set([types[code] for code in wanted])
        resumes.append(resume)
    opportunities = []
    for position_type, categories, required, type_code, flexibility, arrangement in itertools.product(
        ["general", "career_reserved"],
        [(), ("noncareer",)],
        [None, "top_secret"],
        ["detail", "permanent"],
        [None, 30],
        ["on_site", "hybrid", "remote"],
    ):
        opportunity = OpenOpportunityFactory(
            position_type=position_type,
            clearance=clearance.get(required),
            type=types[type_code],
            start_date=START,
            start_flexibility_days=flexibility,
            remote=arrangement,
        )
        opportunity.eligibility.set([category[code] for code in categories])
        opportunities.append(opportunity)
    return resumes, opportunities


def test_the_resume_filter_selects_exactly_whom_the_gate_passes(population):
    resumes, opportunities = population
    candidates = candidate_profiles({resume.pk: 0.0 for resume in resumes})
    openings = opening_profiles([opportunity.pk for opportunity in opportunities])
    selected_some = 0
    for opening in openings.values():
        expected = {pk for pk, candidate in candidates.items() if gate_passes(candidate, opening)}
        selected = set(Resume.objects.filter(resumes_meeting(opening)).values_list("pk", flat=True))
        assert selected == expected, opening
        selected_some += bool(selected) and len(selected) < len(resumes)
    assert selected_some > len(openings) / 2  # the population really tests the filter


def test_the_opportunity_filter_keeps_everything_the_gate_passes(population):
    resumes, opportunities = population
    candidates = candidate_profiles({resume.pk: 0.0 for resume in resumes})
    openings = opening_profiles([opportunity.pk for opportunity in opportunities])
    narrowed = 0
    for candidate in candidates.values():
        expected = {pk for pk, opening in openings.items() if gate_passes(candidate, opening)}
        selected = set(Opportunity.objects.filter(opportunities_met_by(candidate)).values_list("pk", flat=True))
        assert expected <= selected, candidate
        # Only postings whose start-date flexibility the matcher must check are let through besides.
        assert all(openings[pk].start_flexibility_days for pk in selected - expected), candidate
        narrowed += len(selected) < len(openings)
    assert narrowed > len(candidates) / 2

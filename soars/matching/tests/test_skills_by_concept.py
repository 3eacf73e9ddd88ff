"""Skills match by concept (soars.vocabulary), not by exact phrase: other words for the same skill
earn the skill's points, a related skill part of them, and the reasons say which words matched."""

import datetime

import pytest

from soars import vocabulary
from soars.matching import WEIGHTS, CandidateProfile, OpeningProfile, rank, score
from soars.matching.pools import best_matches
from soars.opportunities.factories import OpenOpportunityFactory
from soars.resumes.factories import complete_resume

THREAT_HUNTING = OpeningProfile(id="hunt", skills=frozenset({"threat hunting"}))
DEPUTY_CFO = OpeningProfile(id="cfo", skills=frozenset({"deputy CFO", "budget execution"}))


def skill_reasons(candidate, opening) -> dict[str, int]:
    match = score(candidate, opening)
    return {r.text: r.points for r in match.reasons if "skill" in r.text or r.text.startswith("Lacks")}


def test_other_words_for_the_same_skill_earn_the_skills_full_points():
    comptroller = CandidateProfile(skills=frozenset({"Comptroller", "Funds control"}))
    reasons = skill_reasons(comptroller, DEPUTY_CFO)
    text = "Has 2 of 2 skills asked for: budget execution (as Funds control) and deputy CFO (as Comptroller)"
    assert reasons == {text: WEIGHTS.skills}


def test_a_related_skill_earns_part_of_the_points_and_says_which():
    defender = CandidateProfile(skills=frozenset({"network defense and information assurance"}))
    reasons = skill_reasons(defender, THREAT_HUNTING)
    text = "Has related skills: network defense and information assurance for threat hunting"
    assert reasons == {text: round(WEIGHTS.skills * WEIGHTS.related_skill_share)}


def test_the_same_words_still_match_as_before():
    reasons = skill_reasons(CandidateProfile(skills=frozenset({"Threat Hunting"})), THREAT_HUNTING)
    assert reasons == {"Has 1 of 1 skills asked for: threat hunting": WEIGHTS.skills}


def test_an_unrelated_skill_earns_nothing_and_the_skill_is_named_as_lacking():
    reasons = skill_reasons(CandidateProfile(skills=frozenset({"wildland fire"})), THREAT_HUNTING)
    assert reasons == {"Lacks threat hunting": 0}


def test_the_same_concept_beats_a_related_one_which_beats_an_unrelated_one():
    same = CandidateProfile(id="same", skills=frozenset({"cyber threat hunting"}))
    near = CandidateProfile(id="near", skills=frozenset({"cyber defense"}))
    other = CandidateProfile(id="other", skills=frozenset({"fleet management"}))
    assert [c.id for c, _ in rank([other, near, same], THREAT_HUNTING)] == ["same", "near", "other"]


# The two examples of issue 18, end to end on records: Best matches for HR.


@pytest.fixture
def _index():
    vocabulary.invalidate()  # built from this test database
    yield
    vocabulary.invalidate()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("title", "skills", "described_as", "reason"),
    [
        (
            "Director, Cyber Threat Operations",
            "threat hunting",
            ["network defense", "information assurance"],
            "Has related skills: network defense for threat hunting",
        ),
        (
            "Deputy Chief Financial Officer",
            "deputy CFO",
            ["comptroller"],
            "Has 1 of 1 skills asked for: deputy CFO (as comptroller)",
        ),
    ],
)
def test_an_executive_described_in_other_words_ranks_above_an_unrelated_one(
    _index, personas, title, skills, described_as, reason
):
    posting = OpenOpportunityFactory(title=title, skills=skills, created_by=personas.hr_a)
    unrelated, described = complete_resume(), complete_resume()
    for resume, words in ((unrelated, ["wildland fire", "fleet management"]), (described, described_as)):
        resume.skills = words
        resume.save()
    found = best_matches(posting, personas.hr_a.agency)
    order = [entry.record.pk for entry in found.ranked]
    assert order.index(described.pk) < order.index(unrelated.pk)
    entry = next(entry for entry in found.ranked if entry.record.pk == described.pk)
    assert reason in {r.text for r in entry.match.in_favour}
    assert sum(r.points for r in entry.match.reasons if "skill" in r.text) > 0


def test_a_posting_skill_the_vocabulary_does_not_know_matches_only_its_own_words():
    opening = OpeningProfile(skills=frozenset({"underwater basket weaving"}))
    assert skill_reasons(CandidateProfile(skills=frozenset({"Underwater Basket Weaving"})), opening) == {
        "Has 1 of 1 skills asked for: underwater basket weaving": WEIGHTS.skills
    }
    assert score(CandidateProfile(available_from=datetime.date(2026, 1, 1)), opening).score >= 0

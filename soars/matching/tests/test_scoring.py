"""The matcher, reason by reason: what counts for a match, what counts against, and the order of a ranking."""

from dataclasses import replace
from datetime import date

import pytest

from soars.matching import WEIGHTS, CandidateProfile, OpeningProfile, Weights, rank, recommend, score
from soars.matching.profiles import CAREER_RESERVED, HYBRID, ON_SITE, REMOTE

OPENING = OpeningProfile(
    id="ops",
    type_code="detail",
    ecqs=frozenset({"LC", "RD"}),
    competencies=frozenset({"LC-ST", "BA-FM"}),
    skills=frozenset({"budget formulation", "acquisition", "cybersecurity"}),
    locations=frozenset({"Washington, DC"}),
    start_date=date(2026, 7, 1),
    required_clearance_rank=3,
    agency_code="AG",
    labels={"LC-ST": "Strategic Thinking", "BA-FM": "Financial Management"},
)
STRONG = CandidateProfile(
    id="strong",
    career_eligible=True,
    eligibility_category="career_ses",
    clearance_rank=4,
    ecq_strengths={"LC": 3, "RD": 3},
    competencies=frozenset({"LC-ST", "BA-FM"}),
    skills=frozenset({"Budget Formulation", "Acquisition", "Cybersecurity"}),
    wanted_types=frozenset({"detail"}),
    locations=frozenset({"Washington, DC"}),
    available_from=date(2026, 5, 1),
    agencies_served=frozenset({"AG", "CM", "DD"}),
    current_agency="AG",
    text_relevance=1.0,
)


def reasons(candidate=STRONG, opening=OPENING) -> dict[str, tuple[int, int]]:
    return {r.text: (r.sign, r.points) for r in score(candidate, opening).reasons}


def test_a_candidate_who_meets_everything_scores_100():
    assert score(replace(STRONG, agencies_served=frozenset({"AG", "CM", "DD", "ED"})), OPENING).score == 100


def test_the_positive_weights_add_up_to_100():
    w = WEIGHTS
    total = w.text + w.ecqs + w.competencies + w.skills + w.wanted_type + w.location + w.clearance
    assert total + w.availability + w.broadening == 100


def test_the_score_is_the_sum_of_the_reasons_points_kept_within_0_to_100():
    weak = CandidateProfile(career_eligible=False, clearance_rank=0, available_from=date(2028, 1, 1))
    match = score(weak, replace(OPENING, position_type=CAREER_RESERVED))
    assert sum(r.points for r in match.reasons) < 0
    assert match.score == 0


# Text relevance


def test_close_wording_counts_for_the_match():
    assert reasons()["Resume closely matches the posting's wording"] == (+1, 22)


def test_partial_wording_earns_part_of_the_text_weight():
    assert reasons(replace(STRONG, text_relevance=0.5))["Resume partly matches the posting's wording"] == (+1, 11)


def test_little_text_in_common_counts_against():
    assert reasons(replace(STRONG, text_relevance=0.1))["Resume has little in common with the posting's wording"] == (
        -1,
        2,
    )


# ECQs and competencies


def test_strong_ecq_statements_earn_the_ecq_weight():
    assert reasons()["Strong statements for Leading Change and Results Driven"] == (+1, 16)


def test_a_brief_ecq_statement_earns_a_third_of_its_share():
    got = reasons(replace(STRONG, ecq_strengths={"LC": 3, "RD": 1}))
    assert got["Strong statement for Leading Change"] == (+1, 8)
    assert got["Brief statement for Results Driven"] == (+1, 3)


def test_a_missing_ecq_statement_counts_against():
    assert reasons(replace(STRONG, ecq_strengths={"LC": 3}))["No statement for Results Driven"] == (-1, 0)


def test_claimed_competencies_are_named():
    got = reasons(replace(STRONG, competencies=frozenset({"LC-ST"})))
    assert got["Claims 1 of 2 emphasised competencies: Strategic Thinking"] == (+1, 4)
    assert got["Does not claim Financial Management"] == (-1, 0)


# Skills


def test_skills_match_whatever_their_capitals():
    assert reasons()["Has 3 of 3 skills asked for: acquisition, budget formulation and cybersecurity"] == (+1, 18)


def test_missing_skills_are_named_against_the_match():
    got = reasons(replace(STRONG, skills=frozenset({"acquisition"})))
    assert got["Has 1 of 3 skills asked for: acquisition"] == (+1, 6)
    assert got["Lacks budget formulation and cybersecurity"] == (-1, 0)


# Type of opportunity wanted


def test_a_wanted_type_counts_for_the_match():
    assert reasons()["Looking for this type of opportunity (detail)"] == (+1, 8)


def test_a_type_not_wanted_counts_against():
    got = reasons(replace(STRONG, wanted_types=frozenset({"permanent"})))
    assert got["Not looking for this type of opportunity (detail)"] == (-1, -4)


def test_no_stated_type_preference_earns_half():
    assert reasons(replace(STRONG, wanted_types=frozenset()))["Open to any type of opportunity"] == (+1, 4)


# Location and remote work


def test_a_wanted_location_counts_for_the_match():
    assert reasons()["Wants to work in the Washington, DC area"] == (+1, 10)


def test_an_unchosen_location_counts_against():
    got = reasons(replace(STRONG, locations=frozenset({"Denver, CO"})))
    assert got["Has chosen no place in the Washington, DC area (chose Denver, CO)"] == (-1, -8)


def test_remote_only_against_an_on_site_position_counts_against():
    got = reasons(replace(STRONG, arrangements=frozenset({REMOTE})))
    assert got["Fully on site work; the executive accepts only fully remote"] == (-1, -8)


def test_fully_remote_work_the_executive_accepts_is_a_full_location_fit_wherever_they_live():
    candidate = replace(STRONG, locations=frozenset({"Denver, CO"}), arrangements=frozenset({HYBRID, REMOTE}))
    got = reasons(candidate, replace(OPENING, arrangement=REMOTE))
    assert got["Fully remote work, and the executive accepts it"] == (+1, 10)


def test_hybrid_work_is_scored_on_the_place():
    candidate = replace(STRONG, arrangements=frozenset({ON_SITE, HYBRID}))
    assert "Wants to work in the Washington, DC area" in reasons(candidate, replace(OPENING, arrangement=HYBRID))


def test_no_location_preference_earns_half():
    assert reasons(replace(STRONG, locations=frozenset()))["Open to any location, including Washington, DC"] == (+1, 5)


# Clearance


def test_a_higher_clearance_meets_the_requirement():
    assert reasons()["Top Secret clearance meets the Secret requirement"] == (+1, 6)


def test_a_lower_clearance_counts_against_by_levels_short():
    got = reasons(replace(STRONG, clearance_rank=1))
    assert got["Holds Public Trust clearance; the position requires Secret"] == (-1, -16)


def test_no_clearance_against_a_requirement_takes_the_most():
    got = reasons(replace(STRONG, clearance_rank=0))
    assert got["Holds no clearance; the position requires Secret"] == (-1, -24)


def test_a_position_without_a_clearance_requirement_suits_anyone():
    assert reasons(opening=replace(OPENING, required_clearance_rank=0))["No security clearance required"] == (+1, 6)


# Availability


def test_being_available_before_the_start_counts_for():
    assert reasons()["Available from May 1, 2026, before the July 1 start"] == (+1, 6)


def test_no_availability_date_means_available_now():
    assert reasons(replace(STRONG, available_from=None))["Available now, before the July 1, 2026 start"] == (+1, 6)


def test_a_late_availability_counts_against_by_months_late():
    got = reasons(replace(STRONG, available_from=date(2026, 8, 15)))
    assert got["Not available until August 15, 2026, after the July 1 start"] == (-1, -8)


def test_a_late_availability_penalty_is_capped():
    got = reasons(replace(STRONG, available_from=date(2027, 6, 3)))
    assert got["Not available until June 3, 2027, after the July 1, 2026 start"] == (-1, -20)


# Eligibility


def test_a_career_eligible_executive_may_fill_a_career_reserved_position():
    match = score(STRONG, replace(OPENING, position_type=CAREER_RESERVED))
    assert match.eligible
    assert "Career-eligible for this career reserved position" in [r.text for r in match.reasons]


def test_a_noncareer_executive_is_ineligible_for_a_career_reserved_position():
    match = score(replace(STRONG, career_eligible=False), replace(OPENING, position_type=CAREER_RESERVED))
    assert not match.eligible
    assert match.against[0].text == "Not career-eligible: this position is career reserved"
    assert match.against[0].points == -30


def test_unstated_career_eligibility_is_not_enough_for_a_career_reserved_position():
    match = score(replace(STRONG, career_eligible=None), replace(OPENING, position_type=CAREER_RESERVED))
    assert not match.eligible


def test_anyone_may_fill_a_general_position():
    assert score(replace(STRONG, career_eligible=False), OPENING).eligible


def test_an_eligibility_category_the_posting_does_not_accept_makes_ineligible():
    opening = replace(OPENING, eligibility_categories=frozenset({"cdp_graduate"}))
    match = score(STRONG, opening)
    assert not match.eligible
    assert match.against[0].text == "Appointment eligibility (career SES) is not one this posting accepts"


# Broadening


def test_service_in_several_agencies_counts_for():
    assert reasons()["Has served in 3 agencies"] == (+1, 4)


def test_broadening_points_are_capped():
    many = replace(STRONG, agencies_served=frozenset({"AG", "CM", "DD", "ED", "EE", "HE"}))
    assert reasons(many)["Has served in 6 agencies"] == (+1, 6)


def test_service_in_one_agency_only_counts_against():
    assert reasons(replace(STRONG, agencies_served=frozenset({"AG"})))["Has served in one agency only"] == (-1, 0)


# Ranking


def test_an_ineligible_candidate_is_never_ranked_above_an_eligible_one():
    opening = replace(OPENING, position_type=CAREER_RESERVED)
    star = replace(STRONG, id="ineligible star", career_eligible=False)
    plain = CandidateProfile(id="eligible but weak", career_eligible=True, clearance_rank=3)
    assert score(star, opening).score > score(plain, opening).score
    assert [c.id for c, _ in rank([star, plain], opening)] == ["eligible but weak", "ineligible star"]


def test_eligible_candidates_are_ranked_by_score():
    middling = replace(STRONG, id="middling", text_relevance=0.3, skills=frozenset())
    assert [c.id for c, _ in rank([middling, STRONG], OPENING)] == ["strong", "middling"]


def test_recommendations_put_unreachable_openings_last():
    reserved = replace(OPENING, id="reserved", position_type=CAREER_RESERVED)
    other = replace(OPENING, id="other", skills=frozenset({"oceanography"}))
    noncareer = replace(STRONG, career_eligible=False)
    assert [o.id for o, _ in recommend(noncareer, [reserved, other])] == ["other", "reserved"]


def test_weights_can_be_changed_in_one_place():
    heavier_text = Weights(text=50, skills=0)
    assert score(replace(STRONG, text_relevance=1.0), OPENING, heavier_text).reasons != score(STRONG, OPENING).reasons


@pytest.mark.parametrize("relevance", [-3.0, 7.0])
def test_text_relevance_outside_0_to_1_is_held_within_it(relevance):
    assert 0 <= score(replace(STRONG, text_relevance=relevance), OPENING).score <= 100


def test_reasons_split_into_those_in_favour_and_those_against():
    match = score(replace(STRONG, clearance_rank=0), OPENING)
    assert all(r.sign > 0 for r in match.in_favour) and all(r.sign < 0 for r in match.against)
    assert len(match.in_favour) + len(match.against) == len(match.reasons)


def test_every_reason_shows_its_points_with_their_sign():
    from django.template.loader import render_to_string

    from soars.matching.profiles import Match, Reason

    match = Match(
        score=40,
        eligible=True,
        reasons=[
            Reason("Has served in 3 agencies", +1, 6),
            Reason("Resume has little in common with the posting's wording", -1, 4),
            Reason("Has not chosen Denver among the places to work", -1, -10),
        ],
    )
    html = render_to_string("opportunities/_reasons.html", {"entry": {"match": match}})
    assert "Has served in 3 agencies (+6)" in html
    assert "posting&#x27;s wording (+4)" in html
    assert "places to work (-10)" in html

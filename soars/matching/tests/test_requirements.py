"""Requirements as a gate: each one missed alone makes a near miss, said in plain words; rankings put
everyone who meets every requirement first."""

from dataclasses import replace
from datetime import date

import pytest

from soars.matching import CandidateProfile, OpeningProfile, missed, rank, recommend, score
from soars.matching.profiles import CAREER_RESERVED, HYBRID, ON_SITE, REMOTE

OPENING = OpeningProfile(
    id="cio",
    type_code="detail",
    position_type=CAREER_RESERVED,
    skills=frozenset({"cloud migration"}),
    locations=frozenset({"Washington, DC"}),
    start_date=date(2026, 7, 1),
    required_clearance_rank=4,
    eligibility_categories=frozenset({"career_ses", "reinstatement"}),
)
FITS = CandidateProfile(
    id="fits",
    career_eligible=True,
    eligibility_category="career_ses",
    clearance_rank=4,
    skills=frozenset({"cloud migration"}),
    wanted_types=frozenset({"detail", "permanent"}),
    locations=frozenset({"Washington, DC"}),
    available_from=date(2026, 6, 1),
    text_relevance=0.5,
)


def test_a_candidate_who_meets_every_requirement_misses_none():
    match = score(FITS, OPENING)
    assert match.missed == [] and match.meets_all


@pytest.mark.parametrize(
    ("change", "opening_change", "code", "text"),
    [
        (
            {"career_eligible": False},
            {},
            "eligibility",
            "Needs career eligibility (career reserved); not career-eligible",
        ),
        (
            {"career_eligible": None},
            {},
            "eligibility",
            "Needs career eligibility (career reserved); eligibility not stated",
        ),
        (
            {"eligibility_category": "cdp_graduate"},
            {},
            "eligibility",
            "Needs career SES or SES reinstatement eligible; holds CDP graduate",
        ),
        ({"clearance_rank": 3}, {}, "clearance", "Needs Top Secret; holds Secret"),
        ({"clearance_rank": 0}, {}, "clearance", "Needs Top Secret; holds no clearance"),
        (
            {"wanted_types": frozenset({"permanent", "rotation"})},
            {},
            "type",
            "Type is detail; wants only permanent career vacancy or rotation",
        ),
        (
            {"available_from": date(2026, 8, 15)},
            {},
            "availability",
            "Starts July 1, 2026; available from August 15, 2026",
        ),
        (
            {"locations": frozenset({"Denver, CO"})},
            {},
            "location",
            "Works in the Washington, DC area; has chosen Denver, CO",
        ),
        (
            {"arrangements": frozenset({REMOTE})},
            {},
            "arrangement",
            "Fully on site; accepts only fully remote",
        ),
        (
            {"arrangements": frozenset({ON_SITE, HYBRID}), "locations": frozenset({"Denver, CO"})},
            {"arrangement": HYBRID},
            "location",
            "Works in the Washington, DC area; has chosen Denver, CO",
        ),
    ],
)
def test_each_requirement_missed_alone_makes_a_near_miss_in_plain_words(change, opening_change, code, text):
    match = score(replace(FITS, **change), replace(OPENING, **opening_change))
    assert not match.meets_all
    assert [(m.code, m.text) for m in match.missed] == [(code, text)]


@pytest.mark.parametrize(
    ("change", "opening_change"),
    [
        ({"wanted_types": frozenset()}, {}),  # no preference: wants every type
        ({"locations": frozenset()}, {}),  # no place chosen: any place
        ({"locations": frozenset({"washington, dc"})}, {}),  # whatever the capitals
        ({"available_from": None}, {}),  # available now
        ({"available_from": date(2026, 7, 1)}, {}),  # on the start date itself
        ({"clearance_rank": 5}, {}),  # more than required
        ({"arrangements": frozenset({REMOTE}), "locations": frozenset({"Denver, CO"})}, {"arrangement": REMOTE}),
        ({"locations": frozenset({"Denver, CO"})}, {"arrangement": REMOTE}),
        ({}, {"locations": frozenset(), "start_date": None, "required_clearance_rank": 0}),
        (
            {"career_eligible": False, "eligibility_category": "noncareer"},
            {"position_type": "general", "eligibility_categories": frozenset()},
        ),
    ],
)
def test_what_meets_a_requirement(change, opening_change):
    assert missed(replace(FITS, **change), replace(OPENING, **opening_change)) == []


def test_type_names_read_as_running_text_whatever_the_reference_data_capitals():
    opening = replace(OPENING, type_code="rotation", labels={"rotation": "Rotation", "detail": "Detail"})
    got = score(replace(FITS, wanted_types=frozenset({"detail", "ipa"})), opening).missed
    assert got[0].text == "Type is rotation; wants only detail or IPA assignment"


def test_several_requirements_missed_are_listed_in_a_fixed_order_with_short_labels():
    far = replace(FITS, clearance_rank=0, available_from=date(2027, 1, 1), locations=frozenset({"Denver, CO"}))
    assert [m.label for m in score(far, OPENING).missed] == ["Clearance", "Start date", "Location"]


@pytest.mark.parametrize(
    "candidate",
    [
        replace(FITS, arrangements=frozenset({REMOTE})),
        replace(FITS, locations=frozenset({"Denver, CO"})),
        replace(FITS, arrangements=frozenset({ON_SITE}), locations=frozenset({"Denver, CO"})),
        replace(FITS, arrangements=frozenset(), locations=frozenset()),
    ],
)
@pytest.mark.parametrize("arrangement", [ON_SITE, HYBRID, REMOTE])
def test_the_arrangement_and_location_requirements_agree_with_the_score_s_location_reason(candidate, arrangement):
    match = score(candidate, replace(OPENING, arrangement=arrangement))
    against = any(r.sign < 0 and ("accepts only" in r.text or "no place in" in r.text) for r in match.reasons)
    assert against == any(m.code in ("arrangement", "location") for m in match.missed)


def test_a_perfect_text_match_with_the_wrong_clearance_ranks_below_everyone_who_meets_every_requirement():
    star = replace(FITS, id="star", clearance_rank=3, text_relevance=1.0, ecq_strengths={}, agencies_served=frozenset())
    weak = replace(FITS, id="weak", text_relevance=0.0, skills=frozenset())
    assert score(star, OPENING).score > score(weak, OPENING).score
    assert [c.id for c, _ in rank([star, weak], OPENING)] == ["weak", "star"]


def test_near_misses_are_ordered_by_fewest_requirements_missed_then_score():
    one = replace(FITS, id="one miss", clearance_rank=0, text_relevance=0.0)
    two = replace(FITS, id="two misses", clearance_rank=0, available_from=date(2026, 8, 1), text_relevance=1.0)
    better_one = replace(one, id="one miss, better text", text_relevance=1.0)
    ranked = [c.id for c, _ in rank([two, one, better_one, FITS], OPENING)]
    assert ranked == ["fits", "one miss, better text", "one miss", "two misses"]


def test_recommendations_put_openings_the_executive_meets_first():
    secret = replace(OPENING, id="needs TS/SCI", required_clearance_rank=5)
    plain = replace(OPENING, id="plain", skills=frozenset())
    assert [o.id for o, _ in recommend(FITS, [secret, plain])] == ["plain", "needs TS/SCI"]

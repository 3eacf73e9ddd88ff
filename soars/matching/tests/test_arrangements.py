"""One meaning for work arrangements: the executive must accept the posting's arrangement; on-site and
hybrid work also need the place, fully remote work does not. And the start date's flexibility."""

from dataclasses import replace
from datetime import date

import pytest

from soars.matching import CandidateProfile, OpeningProfile, missed, score
from soars.matching.profiles import HYBRID, ON_SITE, REMOTE

OPENING = OpeningProfile(id="cio", locations=frozenset({"Washington, DC"}), start_date=date(2026, 7, 1))
CANDIDATE = CandidateProfile(id="exec", locations=frozenset({"Washington, DC"}), available_from=date(2026, 6, 1))


def said(candidate, opening) -> list[tuple[str, str]]:
    return [(m.code, m.text) for m in missed(candidate, opening)]


@pytest.mark.parametrize(
    ("offered", "accepts", "text"),
    [
        (ON_SITE, {HYBRID}, "Fully on site; accepts only hybrid"),
        (ON_SITE, {REMOTE}, "Fully on site; accepts only fully remote"),
        (ON_SITE, {HYBRID, REMOTE}, "Fully on site; accepts only hybrid or fully remote"),
        (HYBRID, {ON_SITE}, "Hybrid; accepts only on site"),
        (HYBRID, {REMOTE}, "Hybrid; accepts only fully remote"),
        (HYBRID, {ON_SITE, REMOTE}, "Hybrid; accepts only on site or fully remote"),
        (REMOTE, {ON_SITE}, "Fully remote; accepts only on site"),
        (REMOTE, {HYBRID}, "Fully remote; accepts only hybrid"),
        (REMOTE, {ON_SITE, HYBRID}, "Fully remote; accepts only on site or hybrid"),
    ],
)
def test_an_arrangement_the_executive_does_not_accept_is_missed_in_plain_words(offered, accepts, text):
    candidate = replace(CANDIDATE, arrangements=frozenset(accepts))
    match = score(candidate, replace(OPENING, arrangement=offered))
    assert [(m.code, m.label, m.text) for m in match.missed] == [("arrangement", "Work arrangement", text)]
    against = text.replace("; accepts", " work; the executive accepts")  # the score's reason says the same
    assert (against, -1, -8) in [(r.text, r.sign, r.points) for r in match.reasons]


@pytest.mark.parametrize("offered", [ON_SITE, HYBRID, REMOTE])
@pytest.mark.parametrize("accepts", [set(), {ON_SITE, HYBRID, REMOTE}])
def test_an_executive_who_accepts_the_arrangement_or_states_none_meets_it(offered, accepts):
    candidate = replace(CANDIDATE, arrangements=frozenset(accepts))
    assert said(candidate, replace(OPENING, arrangement=offered)) == []


def test_fully_remote_work_needs_no_place():
    elsewhere = replace(CANDIDATE, arrangements=frozenset({REMOTE}), locations=frozenset({"Denver, CO"}))
    assert said(elsewhere, replace(OPENING, arrangement=REMOTE)) == []


@pytest.mark.parametrize("offered", [ON_SITE, HYBRID])
def test_on_site_and_hybrid_work_need_the_place(offered):
    elsewhere = replace(CANDIDATE, arrangements=frozenset({ON_SITE, HYBRID}), locations=frozenset({"Denver, CO"}))
    got = said(elsewhere, replace(OPENING, arrangement=offered))
    assert got == [("location", "Works in the Washington, DC area; has chosen Denver, CO")]


def test_an_arrangement_and_a_place_both_missed_are_both_said():
    far = replace(CANDIDATE, arrangements=frozenset({REMOTE}), locations=frozenset({"Denver, CO"}))
    assert [code for code, _ in said(far, replace(OPENING, arrangement=HYBRID))] == ["arrangement", "location"]


@pytest.mark.parametrize(
    ("available", "flexibility", "met"),
    [
        (date(2026, 7, 1), 0, True),  # on the start date
        (date(2026, 7, 2), 0, False),  # a day late, no flexibility
        (date(2026, 7, 31), 30, True),  # on the last day the flexibility allows
        (date(2026, 8, 1), 30, False),  # a day past it
    ],
)
def test_availability_is_met_up_to_the_start_date_plus_its_flexibility(available, flexibility, met):
    candidate = replace(CANDIDATE, available_from=available)
    match = score(candidate, replace(OPENING, start_flexibility_days=flexibility))
    assert match.meets_all is met
    assert any(r.sign > 0 for r in match.reasons if "vailable" in r.text) is met


def test_a_start_missed_despite_the_flexibility_says_the_flexibility():
    candidate = replace(CANDIDATE, available_from=date(2026, 9, 1))
    got = said(candidate, replace(OPENING, start_flexibility_days=30))
    assert got == [("availability", "Starts July 1, 2026 (or up to 30 days later); available from September 1, 2026")]


def test_a_start_within_the_flexibility_earns_the_full_availability_points():
    candidate = replace(CANDIDATE, available_from=date(2026, 7, 20))
    reasons = {r.text: r.points for r in score(candidate, replace(OPENING, start_flexibility_days=30)).reasons}
    assert reasons["Available from July 20, 2026, within the start date's flexibility"] == 6

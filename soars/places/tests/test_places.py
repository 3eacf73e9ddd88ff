"""Places and their commuting areas: the table, the lookup, and matching by area."""

from dataclasses import replace

import pytest

from soars.matching.profiles import CandidateProfile, OpeningProfile
from soars.matching.requirements import missed
from soars.places.index import STATES, Places
from soars.places.seed import read

PLACES = Places.from_data(read())


def area(text):
    return PLACES.locate(text).area.key


@pytest.mark.parametrize(
    ("place", "center"),
    [
        ("Reston, VA", "Washington, DC"),
        ("Arlington, VA", "Washington, DC"),
        ("Bethesda, MD", "Washington, DC"),
        ("Alexandria, VA", "Washington, DC"),
        ("Silver Spring, MD", "Washington, DC"),
        ("Rockville, MD", "Washington, DC"),
        ("Fairfax, VA", "Washington, DC"),
        ("Suitland, MD", "Washington, DC"),
        ("Columbia, MD", "Baltimore, MD"),
        ("Towson, MD", "Baltimore, MD"),
        ("Annapolis, MD", "Baltimore, MD"),
        ("Woodlawn, MD", "Baltimore, MD"),
        ("Fort Meade, MD", "Baltimore, MD"),
        ("Oakland, CA", "San Francisco, CA"),
        ("Fort Worth, TX", "Dallas, TX"),
        ("St. Paul, MN", "Minneapolis, MN"),
        ("Cambridge, MA", "Boston, MA"),
        ("Aurora, CO", "Denver, CO"),
    ],
)
def test_a_place_shares_the_commuting_area_of_its_metro_s_principal_city(place, center):
    assert area(place) == area(center)
    assert area(place).startswith("cbsa:")


@pytest.mark.parametrize(
    ("one", "other"),
    [("Baltimore, MD", "Washington, DC"), ("Columbia, MD", "Reston, VA"), ("Aurora, IL", "Aurora, CO")],
)
def test_places_in_different_metros_do_not_share_an_area(one, other):
    assert area(one) != area(other)


CAPITALS = [
    ("Montgomery", "AL"), ("Juneau", "AK"), ("Phoenix", "AZ"), ("Little Rock", "AR"), ("Sacramento", "CA"),
    ("Denver", "CO"), ("Hartford", "CT"), ("Dover", "DE"), ("Tallahassee", "FL"), ("Atlanta", "GA"),
    ("Honolulu", "HI"), ("Boise", "ID"), ("Springfield", "IL"), ("Indianapolis", "IN"), ("Des Moines", "IA"),
    ("Topeka", "KS"), ("Frankfort", "KY"), ("Baton Rouge", "LA"), ("Augusta", "ME"), ("Annapolis", "MD"),
    ("Boston", "MA"), ("Lansing", "MI"), ("St. Paul", "MN"), ("Jackson", "MS"), ("Jefferson City", "MO"),
    ("Helena", "MT"), ("Lincoln", "NE"), ("Carson City", "NV"), ("Concord", "NH"), ("Trenton", "NJ"),
    ("Santa Fe", "NM"), ("Albany", "NY"), ("Raleigh", "NC"), ("Bismarck", "ND"), ("Columbus", "OH"),
    ("Oklahoma City", "OK"), ("Salem", "OR"), ("Harrisburg", "PA"), ("Providence", "RI"), ("Columbia", "SC"),
    ("Pierre", "SD"), ("Nashville", "TN"), ("Austin", "TX"), ("Salt Lake City", "UT"), ("Montpelier", "VT"),
    ("Richmond", "VA"), ("Olympia", "WA"), ("Charleston", "WV"), ("Madison", "WI"), ("Cheyenne", "WY"),
]  # fmt: skip


def test_every_state_capital_is_a_known_place_in_a_cbsa():
    assert len(CAPITALS) == 50 and len({state for _, state in CAPITALS}) == 50
    for name, state in CAPITALS:
        located = PLACES.locate(f"{name}, {state}")
        assert located.known and located.area.key.startswith("cbsa:"), (name, state)


def test_the_table_holds_every_large_metro_and_the_territories():
    data = read()
    metros = [entry for entry in data["areas"] if entry["kind"] == "metropolitan"]
    assert len(metros) >= 180
    assert "Census" in data["source"] and "23-01" in data["source"]
    states = {state for entry in data["areas"] for _, state in entry["places"]}
    states |= {state for _, state in data["places_without_area"]}
    assert states == set(STATES)  # every state, DC and the five territories
    assert PLACES.locate("San Juan, PR").area.title.startswith("San Juan")


@pytest.mark.parametrize(
    "text",
    ["Reston, VA", "reston virginia", "RESTON", "Reston, Va.", "Reston, VA 20190", "  reston ,  virginia  "],
)
def test_spellings_of_a_place_name_the_same_place(text):
    located = PLACES.locate(text)
    assert (located.label, located.area.name, located.known) == ("Reston, VA", "Washington, DC", True)


@pytest.mark.parametrize(
    "text",
    ["Washington DC", "Washington, D.C.", "washington, dc", "DC", "Washington", "Washington, District of Columbia"],
)
def test_spellings_of_washington_dc_name_the_capital(text):
    assert PLACES.locate(text).label == "Washington, DC"


def test_saint_and_fort_are_spelled_either_way():
    assert PLACES.locate("Saint Louis, Missouri").label == "St. Louis, MO"
    assert PLACES.locate("Ft. Meade, Maryland").label == "Fort Meade, MD"


def test_an_unknown_place_matches_only_itself():
    unknown = PLACES.locate("Springfield")  # several states have one: not guessed
    assert not unknown.known and unknown.label == "Springfield"
    assert area("springfield") == unknown.area.key
    assert area("Springfield, VA") != unknown.area.key
    assert area("Smallville, KS") != area("Topeka, KS")


OPENING = OpeningProfile(id=1, locations=frozenset({"Washington, DC"}))


def test_an_executive_who_wants_reston_meets_a_posting_in_washington():
    assert missed(CandidateProfile(locations=frozenset({"Reston, VA"})), OPENING) == []


def test_an_executive_in_baltimore_misses_a_washington_posting_in_plain_words():
    (gap,) = missed(CandidateProfile(locations=frozenset({"baltimore"})), OPENING)
    assert gap.text == "Works in the Washington, DC area; has chosen Baltimore, MD"


def test_an_unknown_posting_place_is_said_as_written():
    opening = replace(OPENING, locations=frozenset({"Springfield"}))
    (gap,) = missed(CandidateProfile(locations=frozenset({"Denver, CO"})), opening)
    assert gap.text == "Works in Springfield; has chosen Denver, CO"
    assert missed(CandidateProfile(locations=frozenset({"springfield"})), opening) == []


def test_the_demo_data_names_only_known_places():
    from soars.opportunities.demo import PLACES as POSTING_PLACES
    from soars.resumes.demo import LOCATIONS

    for text in [*POSTING_PLACES, *LOCATIONS]:
        assert PLACES.locate(text).known and PLACES.locate(text).label == text
    assert area("Reston, VA") in {area(text) for text in POSTING_PLACES}

"""The written grading rules of the judged set (bench/data/judged_set.json), and the facts they read.

Written from the issue's requirements and an executive resources specialist's screen, not from
soars.matching: nothing here imports the matcher. make_judged_set.py builds each executive from a
template and calls grade(); match_quality.py calls requirements_missed() to say whether an
executive can take a posting (also for pairs outside the graded set, for recommendations).

Requirements. An executive CAN TAKE a posting only if every one of these holds:

1. Eligibility: a career reserved posting needs a career-eligible executive; a posting that
   lists appointment eligibility categories needs the executive's category among them.
2. Clearance: the clearance held ranks at or above the one required (0 none … 5 TS/SCI).
3. Type: an executive who named the types of opportunity they want named this posting's type
   (naming none means any type).
4. Timing: available on or before the start date plus the flexibility the posting states.
5. Work arrangement: the executive accepts the arrangement the posting offers (on site, hybrid
   or fully remote; accepting none named means any).
6. Place: for on-site and hybrid work, one of the places the executive chose lies in the same
   commuting area (Census core-based statistical area, COMMUTING_AREA below) as the posting's
   place; choosing no place means anywhere. Fully remote work needs no place.

Grades, 0–3, for one (posting, executive) pair:

* A missed requirement caps the grade at 0: HR cannot appoint this person to this posting,
  however well the record reads, so they are no match for it.
* Otherwise the grade is the fit to the work. Coverage is the share of the posting's skills
  the executive names, a skill counting 1 when named by its vocabulary name or one of its
  synonyms (soars/vocabulary/data/vocabulary.json, the reference data, read here directly)
  and 1/2 when only a related term of it is named. Leadership is the mean ECQ statement
  strength (0 none … 3 strong) over the ECQs the posting emphasises.
  - 3 (ideal): coverage 1 and leadership 2 or more.
  - 2 (good): coverage 2/3 or more (including full coverage with weaker statements).
  - 1 (partial): some coverage (a skill, or related terms only).
  - 0 (no fit): no coverage, however strong the leadership.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from functools import cache
from pathlib import Path

VOCABULARY = Path(__file__).resolve().parents[2] / "soars" / "vocabulary" / "data" / "vocabulary.json"

# Place -> its core-based statistical area (Census Bureau delineation, July 2023; CBSA code, title).
# Places in one area are one commuting area: Reston and Washington are; Baltimore and Washington are not.
AREAS = {
    "47900": ("Washington, DC", "Arlington, VA", "Alexandria, VA", "Reston, VA", "Bethesda, MD", "Silver Spring, MD"),
    "12580": ("Baltimore, MD", "Columbia, MD", "Towson, MD"),
    "19740": ("Denver, CO", "Lakewood, CO", "Aurora, CO"),
    "14500": ("Boulder, CO",),
    "41860": ("San Francisco, CA", "Oakland, CA"),
    "41940": ("San Jose, CA",),
    "37980": ("Philadelphia, PA", "Camden, NJ"),
    "45940": ("Trenton, NJ",),
    "42660": ("Seattle, WA", "Tacoma, WA", "Bellevue, WA"),
    "36500": ("Olympia, WA",),
    "12060": ("Atlanta, GA", "Marietta, GA"),
    "12020": ("Athens, GA",),
    "28140": ("Kansas City, MO", "Overland Park, KS"),
    "45820": ("Topeka, KS",),
    "38900": ("Portland, OR", "Vancouver, WA"),
    "41420": ("Salem, OR",),
    "17900": ("Columbia, SC",),
}
COMMUTING_AREA = {place: code for code, places in AREAS.items() for place in places}

ELIGIBILITY, CLEARANCE, TYPE, TIMING, ARRANGEMENT, PLACE = (
    "eligibility",
    "clearance",
    "type",
    "timing",
    "arrangement",
    "place",
)
REMOTE = "remote"


def same_area(a: str, b: str) -> bool:
    """Same commuting area; a place outside the table only matches itself."""
    if a == b:
        return True
    return a in COMMUTING_AREA and COMMUTING_AREA.get(a) == COMMUTING_AREA.get(b)


def requirements_missed(posting: dict, executive: dict) -> list[str]:
    """The requirements (rules 1–6 above) the executive misses; empty when they can take the posting."""
    missed = []
    category = executive["eligibility_category"]
    reserved = posting["position_type"] == "career_reserved"
    accepted = posting["eligibility_categories"]
    if (reserved and not executive["career_eligible"]) or (accepted and category not in accepted):
        missed.append(ELIGIBILITY)
    if executive["clearance_rank"] < posting["required_clearance_rank"]:
        missed.append(CLEARANCE)
    if executive["wanted_types"] and posting["type_code"] not in executive["wanted_types"]:
        missed.append(TYPE)
    latest = date.fromisoformat(posting["start_date"]) + timedelta(days=posting["start_flexibility_days"])
    if executive["available_from"] and date.fromisoformat(executive["available_from"]) > latest:
        missed.append(TIMING)
    if executive["arrangements"] and posting["arrangement"] not in executive["arrangements"]:
        missed.append(ARRANGEMENT)
    near = any(same_area(mine, theirs) for mine in executive["locations"] for theirs in posting["locations"])
    if posting["arrangement"] != REMOTE and executive["locations"] and not near:
        missed.append(PLACE)
    return missed


@cache
def _terms() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """Term name (casefolded) -> (its name and synonyms, its related terms), all casefolded."""
    terms = {}
    for domain in json.loads(VOCABULARY.read_text())["domains"]:
        for term in domain["terms"]:
            names = frozenset(s.casefold() for s in [term["name"], *term["synonyms"]])
            terms[term["name"].casefold()] = (names, frozenset(s.casefold() for s in term["related"]))
    return terms


def coverage(posting: dict, executive: dict) -> float:
    mine = {skill.casefold() for skill in executive["skills"]}
    terms = _terms()
    total = 0.0
    for skill in posting["skills"]:
        names, related = terms[skill.casefold()]
        if mine & names:
            total += 1
        elif any(mine & terms[r][0] if r in terms else r in mine for r in related):
            total += 0.5
    return total / len(posting["skills"])


def grade(posting: dict, executive: dict) -> int:
    if requirements_missed(posting, executive):
        return 0
    share = coverage(posting, executive)
    leadership = sum(executive["ecq_strengths"].get(code, 0) for code in posting["ecqs"]) / len(posting["ecqs"])
    if share >= 1 and leadership >= 2:
        return 3
    if share >= 2 / 3 - 1e-9:
        return 2
    return 1 if share > 0 else 0

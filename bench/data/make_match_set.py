"""Write bench/data/match_set.json: the judged set for bench/match_quality.py.

    python bench/data/make_match_set.py      (from the repository root; seed fixed, output stable)

22 opportunities, 18 candidate executives each, every candidate graded 0–3 for
fit to its opportunity. How the set is made:

* Each opportunity belongs to a field (cybersecurity, budget, wildfire, ...)
  with its own skills and vocabulary, and gets a type, a position type, ECQs
  and competencies to emphasise, a place, a start date and a clearance.
* Its candidates are drawn from archetypes an HR specialist meets in any real
  pool: the right person; experts in the field who cannot take the job
  (not career-eligible for a career reserved post, no clearance, not free
  until long after the start, remote-only for an on-site post); people from a
  neighbouring field; strong generalists; people from another field; and
  near-misses with brief ECQ statements. Each candidate has a resume text
  written from their own field's words and skills, so "text alone" is a fair
  competitor: the experts who cannot take the job read just as well on paper.
* Grades come from grade() below, rules written the way an executive
  resources specialist screens a referral list, independent of the matcher's
  weights: first the hard stops (cannot be appointed; clearance two or more
  levels short; not available within six months of the start) give 0; then
  fit in the field (share of the posting's skills) and in the leadership it
  emphasises (ECQ statement strength) sets 3, 2 or 1; then each practical
  snag (one clearance level short, a few months late, the wrong place, a type
  of opportunity they did not ask for) takes one grade off.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

SEED = 6
OPENINGS = 22
CANDIDATES_PER_OPENING = 18
OUT = Path(__file__).with_name("match_set.json")

FIELDS = {
    "cyber": (
        ["cybersecurity", "incident response", "zero trust", "risk management framework", "identity management"],
        "network intrusion threat vulnerability security operations center encryption malware defense",
    ),
    "budget": (
        ["budget formulation", "budget execution", "appropriations", "financial audit", "cost accounting"],
        "budget appropriations fiscal obligations outlays audit financial statements treasury ledger",
    ),
    "acquisition": (
        ["acquisition", "contract management", "procurement policy", "source selection", "category management"],
        "contracts procurement solicitation vendors awards acquisition workforce requirements sourcing",
    ),
    "wildfire": (
        ["wildland fire", "emergency management", "incident command", "land management", "fuels reduction"],
        "wildfire forest burn suppression firefighters prescribed fire rangeland disaster recovery",
    ),
    "health": (
        ["public health", "epidemiology", "health policy", "clinical operations", "pandemic preparedness"],
        "health clinics disease surveillance vaccination hospitals patients outbreak medical",
    ),
    "data": (
        ["data analytics", "data governance", "machine learning", "statistics", "cloud migration"],
        "data analytics dashboards statistical models datasets platforms evidence modernization",
    ),
    "people": (
        ["human capital", "workforce planning", "labor relations", "talent acquisition", "performance management"],
        "workforce hiring employees recruitment retention training unions classification benefits",
    ),
    "grants": (
        ["grants management", "program evaluation", "intergovernmental relations", "compliance", "outreach"],
        "grants awards recipients states localities compliance monitoring evaluation oversight",
    ),
    "logistics": (
        ["supply chain", "logistics", "fleet management", "inventory control", "transportation"],
        "supply depots warehouses shipping fleet inventory distribution readiness freight",
    ),
}
NEIGHBOURS = {
    "cyber": "data",
    "data": "cyber",
    "budget": "acquisition",
    "acquisition": "budget",
    "wildfire": "grants",
    "grants": "budget",
    "health": "grants",
    "people": "budget",
    "logistics": "acquisition",
}
GENERIC = (
    "led teams managed programs improved results partnered stakeholders executive leadership strategy "
    "oversaw operations coordinated agencies briefed senior officials delivered mission priorities"
)
ECQS = ["LC", "LP", "RD", "BA", "BC"]
COMPETENCIES = ["LC-ST", "LC-VI", "LC-CI", "LP-TB", "LP-DO", "RD-AC", "RD-PS", "BA-FM", "BA-HC", "BA-TM", "BC-PA"]
TYPES = ["permanent", "detail", "rotation", "ipa", "limited_term", "short_term_project"]
PLACES = ["Washington, DC", "Denver, CO", "Atlanta, GA", "Boise, ID", "Kansas City, MO", "San Francisco, CA"]
AGENCIES = ["AG", "CM", "DD", "ED", "EE", "HE", "HS", "IN", "TR", "VA"]
ARCHETYPES = [
    "ideal",
    "ideal",
    "strong",
    "ineligible_expert",
    "uncleared_expert",
    "late_expert",
    "remote_only_expert",
    "neighbour",
    "neighbour",
    "generalist",
    "generalist",
    "brief_statements",
    "wrong_type",
    "other_field",
    "other_field",
    "other_field",
    "random",
    "random",
]


def make_opening(rng: random.Random, number: int) -> dict:
    field = list(FIELDS)[number % len(FIELDS)]
    skills, vocab = FIELDS[field]
    place = rng.choice(PLACES)
    title = f"Director, {skills[0].title()} ({field} {number})"
    text = " ".join([title, *rng.sample(skills, 4), *rng.sample(vocab.split(), 6), *rng.sample(GENERIC.split(), 5)])
    return {
        "id": f"opp-{number:02d}",
        "field": field,
        "text": text,
        "type_code": rng.choice(TYPES),
        "position_type": "career_reserved" if rng.random() < 0.5 else "general",
        "ecqs": rng.sample(ECQS, 2),
        "competencies": rng.sample(COMPETENCIES, 2),
        "skills": rng.sample(skills, 3),
        "locations": [place],
        "remote_allowed": rng.random() < 0.25,
        "start_date": (date(2027, 1, 4) + timedelta(days=rng.randrange(0, 240))).isoformat(),
        "required_clearance_rank": rng.choice([0, 1, 3, 3, 4, 4, 5]),
        "agency_code": rng.choice(AGENCIES),
        "eligibility_categories": [],
    }


def make_candidate(rng: random.Random, opening: dict, archetype: str, number: int) -> dict:
    start = date.fromisoformat(opening["start_date"])
    field = opening["field"]
    if archetype in ("neighbour",):
        field = NEIGHBOURS[field]
    elif archetype in ("other_field", "random"):
        field = rng.choice([f for f in FIELDS if f not in (opening["field"], NEIGHBOURS[opening["field"]])])
    elif archetype == "generalist":
        field = rng.choice(list(FIELDS))
    skills, vocab = FIELDS[field]
    expert = archetype in ("ideal", "strong", "ineligible_expert", "uncleared_expert", "late_expert")
    expert = expert or archetype in ("remote_only_expert", "brief_statements", "wrong_type")
    if expert:
        own_skills = set(opening["skills"]) | set(rng.sample(skills, 2))
        if archetype == "strong":
            own_skills.discard(rng.choice(opening["skills"]))
    elif archetype == "neighbour":
        own_skills = set(rng.sample(skills, 3)) | {rng.choice(opening["skills"])}
    else:
        own_skills = set(rng.sample(skills, 3))
    strengths = {code: rng.choice([0, 1, 2, 3]) for code in ECQS}
    if expert or archetype == "generalist":
        strengths |= {code: rng.choice([2, 3]) for code in opening["ecqs"]}
    if archetype == "brief_statements":
        strengths |= {code: rng.choice([0, 1]) for code in opening["ecqs"]}
    if archetype == "generalist":
        strengths = {code: 3 for code in ECQS}
    needed = opening["required_clearance_rank"]
    clearance = max(needed, rng.choice([0, 1, 3, 4])) if expert else rng.choice([0, 1, 3, 4, 5])
    if archetype == "uncleared_expert":
        clearance = max(0, needed - rng.choice([1, 2, 3]))
    available = start - timedelta(days=rng.randrange(0, 120))
    if archetype == "late_expert":
        available = start + timedelta(days=rng.randrange(220, 400))
    elif archetype == "random" and rng.random() < 0.4:
        available = start + timedelta(days=rng.randrange(20, 300))
    career_eligible = archetype != "ineligible_expert" and rng.random() > 0.1
    if archetype in ("ideal", "strong"):
        career_eligible = True
    wanted = {opening["type_code"], *rng.sample(TYPES, 1)} if archetype != "wrong_type" else set()
    if archetype == "wrong_type":
        wanted = set(rng.sample([t for t in TYPES if t != opening["type_code"]], 2))
    places = set(opening["locations"]) if expert or rng.random() < 0.4 else {rng.choice(PLACES)}
    remote = "remote_only" if archetype == "remote_only_expert" else rng.choice(["either", "either", "on_site"])
    served = set(rng.sample(AGENCIES, rng.choice([1, 1, 2, 3, 4])))
    words = [*own_skills, *rng.sample(vocab.split(), 7 if expert else 5), *rng.sample(GENERIC.split(), 8)]
    rng.shuffle(words)
    return {
        "id": f"{opening['id']}-c{number:02d}",
        "archetype": archetype,
        "text": " ".join(words),
        "career_eligible": career_eligible,
        "eligibility_category": "career_ses" if career_eligible else "noncareer",
        "clearance_rank": clearance,
        "ecq_strengths": strengths,
        "competencies": sorted(set(rng.sample(COMPETENCIES, 3)) | (set(opening["competencies"]) if expert else set())),
        "skills": sorted(own_skills),
        "wanted_types": sorted(wanted),
        "locations": sorted(places),
        "remote_preference": remote,
        "available_from": available.isoformat(),
        "agencies_served": sorted(served),
        "current_agency": sorted(served)[0],
    }


def grade(candidate: dict, opening: dict) -> int:
    """An executive resources specialist's screen: hard stops, then fit, then snags."""
    start = date.fromisoformat(opening["start_date"])
    late_days = (date.fromisoformat(candidate["available_from"]) - start).days
    short = opening["required_clearance_rank"] - candidate["clearance_rank"]
    if opening["position_type"] == "career_reserved" and not candidate["career_eligible"]:
        return 0
    if short >= 2 or late_days > 182:
        return 0
    skill_share = len(set(candidate["skills"]) & set(opening["skills"])) / len(opening["skills"])
    ecq = sum(candidate["ecq_strengths"].get(code, 0) for code in opening["ecqs"]) / (3 * len(opening["ecqs"]))
    if skill_share >= 0.66 and ecq >= 0.66:
        fit = 3
    elif skill_share >= 0.33 and ecq >= 0.5:
        fit = 2
    elif skill_share > 0 or ecq >= 0.9:
        fit = 1
    else:
        fit = 0
    snags = 0
    snags += short == 1
    snags += late_days > 30
    on_site_elsewhere = not (opening["remote_allowed"] and candidate["remote_preference"] != "on_site") and (
        candidate["remote_preference"] == "remote_only" or not set(candidate["locations"]) & set(opening["locations"])
    )
    snags += on_site_elsewhere
    snags += bool(candidate["wanted_types"]) and opening["type_code"] not in candidate["wanted_types"]
    return max(0, fit - snags)


def main() -> None:
    rng = random.Random(SEED)
    opportunities = []
    for number in range(OPENINGS):
        opening = make_opening(rng, number)
        candidates = []
        for index, archetype in enumerate(ARCHETYPES[:CANDIDATES_PER_OPENING]):
            candidates.append(make_candidate(rng, opening, archetype, index))
        rng.shuffle(candidates)
        for candidate in candidates:
            candidate["grade"] = grade(candidate, opening)
        opportunities.append({**opening, "candidates": candidates})
    data = {"seed": SEED, "how_graded": __doc__.strip(), "opportunities": opportunities}
    OUT.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n")
    grades = [c["grade"] for o in opportunities for c in o["candidates"]]
    print(f"Wrote {OUT.name}: {len(opportunities)} opportunities, {len(grades)} graded candidates.")
    print("Grades: " + ", ".join(f"{g}: {grades.count(g)}" for g in range(4)))


if __name__ == "__main__":
    main()

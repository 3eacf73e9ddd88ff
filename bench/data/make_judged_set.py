"""Write bench/data/judged_set.json: the judged set for bench/match_quality.py.

    python bench/data/make_judged_set.py      (from the repository root; seed fixed, output stable)

44 postings (every one of the 11 opportunity types four times, 22 agencies, 23 domains of work
from the vocabulary, on site / hybrid / fully remote, career reserved or not), 18 executives
built for each from templates, 792 graded (posting, executive) pairs. Grades come from the
written rules in bench/data/grading.py, applied to the facts each template sets.

Templates per posting (the grade each usually gets; grading.py decides):
* ideal: the posting's skills by name, strong statements, its place, type and arrangement (3);
* synonyms: the same work in other words, skills and text from the vocabulary's synonyms
  ("comptroller" for a chief financial officer) (3);
* same_area: ideal, living in another place of the posting's commuting area (Reston for
  Washington) (3);
* within_flexibility: ideal, available on the last day the posting's start flexibility allows (3);
* open: ideal in skills, states no type, place or arrangement (3);
* strong (two of three skills, 2), weak_statements (all skills, brief statements, 2), related
  (related terms only, 1), neighbour (a domain the posting's terms relate to, 0 or 1),
  other (another domain, 0), generalist (strong statements,
  no skills of the posting) (0);
* hard negatives, each with the posting's own words and skills: clearance one level short,
  only other types wanted, available after the start and its flexibility, a place in a nearby
  but different commuting area (Baltimore for Washington), an arrangement the executive does not
  accept, an eligibility the posting does not take, and two of these at once. Where a posting
  has no such requirement (no clearance, fully remote, open to any eligibility) the template
  stays a positive, which tests that the matcher does not invent the requirement.

A quarter of the postings (PARTS_SEED) are held out: no weight may be tuned on them.
"""

from __future__ import annotations

import json
import random
import sys
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from grading import VOCABULARY, grade

SEED = 18
PARTS_SEED = 1804
POSTINGS = 44
OUT = Path(__file__).with_name("judged_set.json")
ROOT = Path(__file__).resolve().parents[2]

TYPES = [t["code"] for t in json.loads((ROOT / "soars/core/data/opportunity_types.json").read_text())]
AGENCIES = [a["code"] for a in json.loads((ROOT / "soars/core/data/agencies.json").read_text())][:22]
ECQS = ["LC", "LP", "RD", "BA", "BC"]
COMPETENCIES = ["LC-ST", "LC-VI", "LC-CI", "LP-TB", "LP-DO", "RD-AC", "RD-PS", "BA-FM", "BA-HC", "BA-TM", "BC-PA"]
ARRANGEMENTS = ["on_site", "hybrid", "remote"]
# Posting place -> (another place in its commuting area, a nearby place in a different one).
PLACES = {
    "Washington, DC": (["Reston, VA", "Arlington, VA", "Bethesda, MD", "Silver Spring, MD"], "Baltimore, MD"),
    "Baltimore, MD": (["Columbia, MD", "Towson, MD"], "Washington, DC"),
    "Denver, CO": (["Lakewood, CO", "Aurora, CO"], "Boulder, CO"),
    "San Francisco, CA": (["Oakland, CA"], "San Jose, CA"),
    "Philadelphia, PA": (["Camden, NJ"], "Trenton, NJ"),
    "Seattle, WA": (["Tacoma, WA", "Bellevue, WA"], "Olympia, WA"),
    "Atlanta, GA": (["Marietta, GA"], "Athens, GA"),
    "Kansas City, MO": (["Overland Park, KS"], "Topeka, KS"),
    "Portland, OR": (["Vancouver, WA"], "Salem, OR"),
}
POSTING_PLACES = ["Washington, DC"] * 4 + [p for p in PLACES if p != "Washington, DC"]
GENERIC = [
    "led",
    "teams",
    "managed",
    "programs",
    "improved",
    "results",
    "partnered",
    "stakeholders",
    "executive",
    "leadership",
    "strategy",
    "oversaw",
    "operations",
    "coordinated",
    "agencies",
    "briefed",
    "senior",
    "officials",
    "delivered",
    "mission",
    "priorities",
]
# Postings whose first skill is fixed, so the examples are in the set.
FIRST_SKILL = {"cybersecurity": "threat hunting", "financial": "chief financial officer"}
COMPATIBLE = ["ideal", "synonyms", "same_area", "within_flexibility", "open", "strong", "weak_statements"]
COMPATIBLE += ["related", "neighbour", "other", "generalist"]
NEGATIVES = ["no_clearance", "wrong_type", "late", "other_area", "arrangement", "ineligible", "two_misses"]


def domains() -> list[dict]:
    usable = []
    for domain in json.loads(VOCABULARY.read_text())["domains"]:
        terms = [t for t in domain["terms"] if t["synonyms"] and t["related"]]
        if len(terms) >= 5:
            usable.append({**domain, "terms": terms})
    return usable


def make_posting(rng: random.Random, number: int, domain: dict) -> dict:
    terms = list(domain["terms"])
    rng.shuffle(terms)
    first = FIRST_SKILL.get(domain["code"])
    if first:
        terms.sort(key=lambda t: t["name"] != first)
    skills = terms[:3]
    place = POSTING_PLACES[number % len(POSTING_PLACES)]
    kind = rng.random()
    position_type = "career_reserved" if kind < 0.5 else "general"
    categories = sorted(rng.sample(["career_ses", "reinstatement", "cdp_graduate"], 2)) if 0.5 <= kind < 0.8 else []
    words = [t["name"] for t in skills] + domain["description"].lower().rstrip(".").split()
    title = f"{rng.choice(['Director', 'Deputy Director', 'Executive Director'])}, {domain['name']}"
    return {
        "id": f"p{number:02d}",
        "domain": domain["code"],
        "title": title,
        "text": " ".join([title, *words, *rng.sample(GENERIC, 5)]),
        "type_code": TYPES[number % len(TYPES)],
        "agency_code": AGENCIES[number % len(AGENCIES)],
        "position_type": position_type,
        "eligibility_categories": categories,
        "ecqs": sorted(rng.sample(ECQS, 2)),
        "competencies": sorted(rng.sample(COMPETENCIES, 2)),
        "skills": [t["name"] for t in skills],
        "locations": [place],
        "arrangement": ARRANGEMENTS[(number // len(TYPES) + number) % 3],
        "start_date": (date(2027, 2, 1) + timedelta(days=rng.randrange(0, 240))).isoformat(),
        "start_flexibility_days": rng.choice([0, 0, 30, 60, 90]),
        "required_clearance_rank": rng.choice([0, 1, 3, 3, 4, 4, 5]),
    }


def make_executive(rng: random.Random, posting: dict, template: str, number: int, by_code: dict) -> dict:
    domain = by_code[posting["domain"]]
    terms = {t["name"]: t for t in domain["terms"]}
    start = date.fromisoformat(posting["start_date"])
    latest = start + timedelta(days=posting["start_flexibility_days"])
    place = posting["locations"][0]
    near, far = PLACES[place]
    others = [d for d in by_code.values() if d["code"] != domain["code"]]
    own_words = posting["text"].split()
    skills = list(posting["skills"])
    extra = rng.choice([t["name"] for t in domain["terms"] if t["name"] not in skills])
    text = [*rng.sample(own_words, min(len(own_words), 14)), *rng.sample(GENERIC, 6)]
    if template == "synonyms":
        skills = [rng.choice(terms[s]["synonyms"]) for s in skills]
        text = [*skills, *rng.sample(GENERIC, 8)]
    elif template == "strong":
        skills = rng.sample(skills, 2)
    elif template == "related":
        named = {t for s in posting["skills"] for t in terms[s]["related"]} - set(posting["skills"])
        skills = rng.sample(sorted(named), min(3, len(named)))
        text = [*skills, *domain["description"].lower().split()[:6], *rng.sample(GENERIC, 8)]
    elif template in ("neighbour", "other", "generalist"):
        related = {r for t in domain["terms"] for r in t["related"]}
        near_domains = [d for d in others if any(t["name"] in related for t in d["terms"])]
        other = rng.choice(near_domains if template == "neighbour" and near_domains else others)
        skills = [t["name"] for t in rng.sample(other["terms"], 3)] if template != "generalist" else []
        text = [*skills, *other["description"].lower().split(), *rng.sample(GENERIC, 10)]
        if template == "generalist":
            text = [*GENERIC, *rng.sample(own_words, 3)]
    strengths = {code: rng.choice([0, 1, 2, 3]) for code in ECQS}
    strengths |= {code: rng.choice([2, 3]) for code in posting["ecqs"]}
    if template == "weak_statements":
        strengths |= {code: rng.choice([0, 1]) for code in posting["ecqs"]}
    career_eligible, category = True, rng.choice(["career_ses", "reinstatement", "cdp_graduate"])
    if posting["eligibility_categories"]:
        category = rng.choice(posting["eligibility_categories"])
    clearance = max(posting["required_clearance_rank"], rng.choice([0, 1, 3, 4]))
    wanted = sorted({posting["type_code"], rng.choice(TYPES)})
    locations = [rng.choice([place, place, *near])]
    arrangements = sorted({posting["arrangement"], rng.choice(ARRANGEMENTS)})
    available = start - timedelta(days=rng.randrange(0, 120))
    misses = {
        "no_clearance": ["clearance"],
        "wrong_type": ["type"],
        "late": ["timing"],
        "other_area": ["place"],
        "arrangement": ["arrangement"],
        "ineligible": ["eligibility"],
        "two_misses": rng.sample(["clearance", "type", "timing", "place", "arrangement", "eligibility"], 2),
    }.get(template, [])
    if template == "same_area":
        locations = [rng.choice(near)] if posting["arrangement"] != "remote" else [rng.choice(list(PLACES))]
    if template == "within_flexibility":
        available = latest
    if template == "open":
        wanted, locations, arrangements = [], [], []
    if "clearance" in misses:
        clearance = max(0, posting["required_clearance_rank"] - 1)
    if "type" in misses:
        wanted = sorted(rng.sample([t for t in TYPES if t != posting["type_code"]], rng.choice([1, 2])))
    if "timing" in misses:
        available = latest + timedelta(days=rng.randrange(15, 200))
    if "place" in misses:
        locations = [far]
    if "arrangement" in misses:
        others_ok = [a for a in ARRANGEMENTS if a != posting["arrangement"]]
        arrangements = sorted(rng.sample(others_ok, rng.choice([1, 2])))
    if "eligibility" in misses:
        if posting["eligibility_categories"]:
            category = rng.choice(
                [c for c in ["noncareer", "limited", "career_ses"] if c not in posting["eligibility_categories"]]
            )
            career_eligible = category == "career_ses"
        else:
            category, career_eligible = rng.choice(["noncareer", "limited"]), False
    competencies = set(rng.sample(COMPETENCIES, 2))
    if template not in ("neighbour", "other", "generalist"):
        competencies |= set(posting["competencies"])
        skills = sorted(set(skills) | ({extra} if template != "synonyms" else set()))
    served = sorted(rng.sample(AGENCIES, rng.choice([1, 2, 3])))
    rng.shuffle(text)
    return {
        "id": f"{posting['id']}-e{number:02d}",
        "template": template,
        "text": " ".join(text),
        "career_eligible": career_eligible,
        "eligibility_category": category,
        "clearance_rank": clearance,
        "ecq_strengths": strengths,
        "competencies": sorted(competencies),
        "skills": skills,
        "wanted_types": wanted,
        "locations": locations,
        "arrangements": arrangements,
        "available_from": available.isoformat(),
        "agencies_served": served,
        "current_agency": served[0],
    }


def main() -> None:
    rng = random.Random(SEED)
    usable = domains()
    by_code = {d["code"]: d for d in usable}
    postings = []
    for number in range(POSTINGS):
        posting = make_posting(rng, number, usable[number % len(usable)])
        executives = [
            make_executive(rng, posting, template, index, by_code)
            for index, template in enumerate(COMPATIBLE + NEGATIVES)
        ]
        for executive in executives:
            executive["grade"] = grade(posting, executive)
        rng.shuffle(executives)
        postings.append({**posting, "executives": executives})
    held_out = set(random.Random(PARTS_SEED).sample([p["id"] for p in postings], POSTINGS // 4))
    for posting in postings:
        posting["part"] = "held_out" if posting["id"] in held_out else "tuning"
    data = {"seed": SEED, "parts_seed": PARTS_SEED, "how_graded": "bench/data/grading.py", "postings": postings}
    OUT.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n")
    grades = [e["grade"] for p in postings for e in p["executives"]]
    print(f"Wrote {OUT.name}: {len(postings)} postings, {len(grades)} graded pairs, {len(held_out)} held out.")
    print("Grades: " + ", ".join(f"{g}: {grades.count(g)}" for g in range(4)))
    print(
        "Types: "
        + str(len({p["type_code"] for p in postings}))
        + ", agencies: "
        + str(len({p["agency_code"] for p in postings}))
    )


if __name__ == "__main__":
    main()

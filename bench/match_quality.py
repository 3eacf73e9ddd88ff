"""Does the matcher put the right executives first? nDCG@10 of the matcher against text relevance alone.

    python bench/match_quality.py

Reads the judged set in bench/data/match_set.json (how it was made and graded:
bench/data/make_match_set.py). For each opportunity, text relevance is a
TF-IDF cosine between the posting and each resume text, scaled so the best
resume in the pool has 1.0, standing in for the search backend's rank. "Text
alone" orders candidates by it; the matcher gets the same number plus the
structured facts. No database and no Django needed: skills match by concept through the
vocabulary's seed file (soars/vocabulary/data/vocabulary.json).

"Incompatible" counts the executives in a top ten who miss a requirement of the
posting (soars.matching.requirements: eligibility, clearance, type wanted, start
date, work arrangement, location). The matcher ranks them after everyone who meets every
requirement, so it has one in its top ten only where fewer than ten meet them all.
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from soars.matching import CandidateProfile, OpeningProfile, missed, rank
from soars.matching.profiles import ON_SITE, REMOTE

DATA = Path(__file__).parent / "data" / "match_set.json"
K = 10


def tokens(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def tfidf_relevance(opening: dict, candidates: list[dict], idf: dict[str, float]) -> dict[str, float]:
    def vector(text: str) -> dict[str, float]:
        counts = Counter(tokens(text))
        return {word: (1 + math.log(n)) * idf.get(word, 0.0) for word, n in counts.items()}

    def cosine(a: dict[str, float], b: dict[str, float]) -> float:
        dot = sum(value * b.get(word, 0.0) for word, value in a.items())
        norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
        return dot / norm if norm else 0.0

    query = vector(opening["text"])
    raw = {c["id"]: cosine(query, vector(c["text"])) for c in candidates}
    best = max(raw.values()) or 1.0
    return {cid: value / best for cid, value in raw.items()}


# The set's older fields, read as work arrangements, as its grading rules treat them: a posting
# allowing remote work is fully remote (no place needed); "remote_only" accepts only that; "on_site"
# never ruled remote postings out; "either" states no preference.
ACCEPTED = {"remote_only": frozenset({REMOTE}), "on_site": frozenset({ON_SITE, REMOTE}), "either": frozenset()}


def opening_profile(o: dict) -> OpeningProfile:
    return OpeningProfile(
        id=o["id"],
        type_code=o["type_code"],
        position_type=o["position_type"],
        ecqs=frozenset(o["ecqs"]),
        competencies=frozenset(o["competencies"]),
        skills=frozenset(o["skills"]),
        locations=frozenset(o["locations"]),
        arrangement=REMOTE if o["remote_allowed"] else ON_SITE,
        start_date=date.fromisoformat(o["start_date"]),
        required_clearance_rank=o["required_clearance_rank"],
        agency_code=o["agency_code"],
        eligibility_categories=frozenset(o["eligibility_categories"]),
    )


def candidate_profile(c: dict, relevance: float) -> CandidateProfile:
    return CandidateProfile(
        id=c["id"],
        career_eligible=c["career_eligible"],
        eligibility_category=c["eligibility_category"],
        clearance_rank=c["clearance_rank"],
        ecq_strengths=c["ecq_strengths"],
        competencies=frozenset(c["competencies"]),
        skills=frozenset(c["skills"]),
        wanted_types=frozenset(c["wanted_types"]),
        locations=frozenset(c["locations"]),
        arrangements=ACCEPTED[c["remote_preference"]],
        available_from=date.fromisoformat(c["available_from"]),
        agencies_served=frozenset(c["agencies_served"]),
        current_agency=c["current_agency"],
        text_relevance=relevance,
    )


def ndcg_at_k(ordered_grades: list[int], k: int = K) -> float:
    def dcg(grades: list[int]) -> float:
        return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(grades[:k]))

    ideal = dcg(sorted(ordered_grades, reverse=True))
    return dcg(ordered_grades) / ideal if ideal else 1.0


def main() -> None:
    data = json.loads(DATA.read_text())
    opportunities = data["opportunities"]
    documents = [c["text"] for o in opportunities for c in o["candidates"]]
    df = Counter(word for text in documents for word in set(tokens(text)))
    idf = {word: math.log(len(documents) / n) + 1 for word, n in df.items()}

    text_scores, matcher_scores, zero_in_top = [], [], {"text": 0, "matcher": 0}
    incompatible, unavoidable = {"text": 0, "matcher": 0}, 0
    for o in opportunities:
        grades = {c["id"]: c["grade"] for c in o["candidates"]}
        relevance = tfidf_relevance(o, o["candidates"], idf)
        by_text = sorted(o["candidates"], key=lambda c: (-relevance[c["id"]], c["id"]))
        opening = opening_profile(o)
        profiles = {c["id"]: candidate_profile(c, relevance[c["id"]]) for c in o["candidates"]}
        by_matcher = rank(list(profiles.values()), opening)
        cannot = {cid for cid, profile in profiles.items() if missed(profile, opening)}
        incompatible["text"] += sum(c["id"] in cannot for c in by_text[:K])
        incompatible["matcher"] += sum(c.id in cannot for c, _ in by_matcher[:K])
        unavoidable += max(0, K - (len(profiles) - len(cannot)))
        text_order = [grades[c["id"]] for c in by_text]
        matcher_order = [grades[c.id] for c, _ in by_matcher]
        text_scores.append(ndcg_at_k(text_order))
        matcher_scores.append(ndcg_at_k(matcher_order))
        zero_in_top["text"] += text_order[:5].count(0)
        zero_in_top["matcher"] += matcher_order[:5].count(0)

    count = sum(len(o["candidates"]) for o in opportunities)
    text_mean = sum(text_scores) / len(text_scores)
    matcher_mean = sum(matcher_scores) / len(matcher_scores)
    wins = sum(m > t for m, t in zip(matcher_scores, text_scores, strict=True))
    print(f"Judged set: {len(opportunities)} opportunities, {count} graded candidates (seed {data['seed']}).")
    print(f"nDCG@{K}  text relevance alone: {text_mean:.3f}")
    print(f"nDCG@{K}  matcher:              {matcher_mean:.3f}")
    print(f"Matcher better on {wins} of {len(opportunities)} opportunities.")
    summed = f"text {zero_in_top['text']}, matcher {zero_in_top['matcher']}"
    print(f"Unsuitable (grade 0) candidates in the top 5, summed over opportunities: {summed}.")
    places = f"{K * len(opportunities)} top-{K} places"
    print(
        f"Incompatible in top ten (miss a requirement), of {places}: text {incompatible['text']}, "
        f"matcher {incompatible['matcher']} ({unavoidable} where fewer than {K} meet every requirement)."
    )
    if matcher_mean <= text_mean:
        sys.exit("The matcher does not beat text relevance alone.")


if __name__ == "__main__":
    main()

"""score(candidate, opening) -> Match; rank() and recommend() put those who meet every requirement
first (by score), then the near misses (fewest requirements missed, then score)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date

from soars.core.arrangements import POSTING_WORDS
from soars.matching.profiles import (
    CAREER_RESERVED,
    REMOTE,
    CandidateProfile,
    Goal,
    Match,
    OpeningProfile,
    Reason,
)
from soars.matching.requirements import _or, accepted_words, accepts, commute, latest_start, missed
from soars.matching.requirements import clearance_name as _clearance_name
from soars.matching.weights import WEIGHTS, Weights
from soars.vocabulary import current as current_vocabulary

# Names for reference codes that do not change; callers add or override
# names (competencies, agencies) through OpeningProfile.labels.
DEFAULT_LABELS = {
    "LC": "Leading Change",
    "LP": "Leading People",
    "RD": "Results Driven",
    "BA": "Business Acumen",
    "BC": "Building Coalitions",
    "RL": "Commitment to the Rule of Law",
    "DE": "Driving Efficiency",
    "MC": "Merit and Competence",
    "AR": "Achieving Results",
    "permanent": "permanent career vacancy",
    "limited_term": "limited-term appointment",
    "limited_emergency": "limited-emergency appointment",
    "detail": "detail",
    "rotation": "rotation",
    "short_term_project": "short-term project",
    "emergency_need": "emergency need",
    "ipa": "IPA assignment",
    "fellowship": "fellowship",
    "sabbatical": "sabbatical",
    "liaison": "liaison position",
    "career_ses": "career SES",
    "reinstatement": "SES reinstatement eligible",
    "cdp_graduate": "CDP graduate",
    "noncareer": "noncareer SES",
    "limited": "limited appointee",
}


def score(
    candidate: CandidateProfile, opening: OpeningProfile, weights: Weights = WEIGHTS, *, words: _Words | None = None
) -> Match:
    words = words or _Words(opening)
    eligible, reasons = _eligibility(candidate, opening, weights, words)
    reasons += _text(candidate, weights)
    reasons += _ecqs(candidate, opening, weights, words)
    reasons += _competencies(candidate, opening, weights, words)
    reasons += _skills(candidate, opening, weights)
    reasons += _wanted_type(candidate, opening, weights, words)
    reasons += _location(candidate, opening, weights)
    reasons += _clearance(candidate, opening, weights)
    reasons += _availability(candidate, opening, weights)
    reasons += _broadening(candidate, weights)
    total = sum(reason.points for reason in reasons)
    return Match(
        score=max(0, min(100, total)),
        eligible=eligible,
        reasons=reasons,
        missed=missed(candidate, opening, words.labels),
    )


def serving_goals(match: Match, opening: OpeningProfile, goals: Sequence[Goal], weights: Weights = WEIGHTS) -> Match:
    """The match, favoured when the opening serves an open development goal of the executive (it
    emphasises the goal's ECQ or competency), with a reason naming the goal: "Serves your goal: lead
    an interagency project". For the executive's own recommendations only: goals are private."""
    served = [
        goal
        for goal in goals
        if (goal.ecq and goal.ecq in opening.ecqs) or (goal.competency and goal.competency in opening.competencies)
    ]
    if not served:
        return match
    more = f" (and {len(served) - 1} more)" if len(served) > 1 else ""
    reason = Reason(f"Serves your goal: {served[0].text}{more}", +1, round(weights.goal))
    reasons = [*match.reasons, reason]
    return replace(match, score=max(0, min(100, sum(r.points for r in reasons))), reasons=reasons)


def order(match: Match) -> tuple[int, int]:
    """The sort key of a ranking: every requirement met first, then fewest missed; within each, best score."""
    return (len(match.missed), -match.score)


def rank(
    candidates: Iterable[CandidateProfile], opening: OpeningProfile, weights: Weights = WEIGHTS
) -> list[tuple[CandidateProfile, Match]]:
    """Candidates best first: those who meet every requirement, then the near misses (see order())."""
    words = _Words(opening)
    scored = [(candidate, score(candidate, opening, weights, words=words)) for candidate in candidates]
    return sorted(scored, key=lambda pair: order(pair[1]))


def recommend(
    candidate: CandidateProfile, openings: Iterable[OpeningProfile], weights: Weights = WEIGHTS
) -> list[tuple[OpeningProfile, Match]]:
    """Openings best first for one executive: those whose every requirement they meet, then the near misses."""
    scored = [(opening, score(candidate, opening, weights)) for opening in openings]
    return sorted(scored, key=lambda pair: order(pair[1]))


class _Words:
    def __init__(self, opening: OpeningProfile):
        self.labels = {**DEFAULT_LABELS, **opening.labels}

    def name(self, code: str) -> str:
        return self.labels.get(code, code)

    def names(self, codes: Iterable[str]) -> str:
        return _and([self.name(code) for code in sorted(codes)])


def _and(items: list[str]) -> str:
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _day(when: date, *, year: bool = True) -> str:
    return f"{when:%B} {when.day}, {when.year}" if year else f"{when:%B} {when.day}"


def _eligibility(candidate, opening, weights, words) -> tuple[bool, list[Reason]]:
    penalty = -round(weights.ineligible)
    if opening.position_type == CAREER_RESERVED:
        if candidate.career_eligible is None:
            return False, [Reason("Career eligibility not stated: this position is career reserved", -1, penalty)]
        if not candidate.career_eligible:
            return False, [Reason("Not career-eligible: this position is career reserved", -1, penalty)]
    if opening.eligibility_categories and candidate.eligibility_category not in opening.eligibility_categories:
        category = words.name(candidate.eligibility_category) if candidate.eligibility_category else "not stated"
        return False, [Reason(f"Appointment eligibility ({category}) is not one this posting accepts", -1, penalty)]
    if opening.position_type == CAREER_RESERVED:
        return True, [Reason("Career-eligible for this career reserved position", +1, 0)]
    return True, []


def _text(candidate, weights) -> list[Reason]:
    relevance = max(0.0, min(1.0, candidate.text_relevance))
    points = round(weights.text * relevance)
    if relevance >= weights.strong_text:
        return [Reason("Resume closely matches the posting's wording", +1, points)]
    if relevance >= weights.weak_text:
        return [Reason("Resume partly matches the posting's wording", +1, points)]
    return [Reason("Resume has little in common with the posting's wording", -1, points)]


def _ecqs(candidate, opening, weights, words) -> list[Reason]:
    if not opening.ecqs:
        return []
    top = weights.statement_strength_max
    share = weights.ecqs / len(opening.ecqs)
    strong = [c for c in opening.ecqs if candidate.ecq_strengths.get(c, 0) >= 2]
    brief = [c for c in opening.ecqs if candidate.ecq_strengths.get(c, 0) == 1]
    missing = [c for c in opening.ecqs if candidate.ecq_strengths.get(c, 0) <= 0]
    reasons = []
    if strong:
        points = round(sum(share * min(candidate.ecq_strengths[c], top) / top for c in strong))
        label = "Strong statement" if len(strong) == 1 else "Strong statements"
        reasons.append(Reason(f"{label} for {words.names(strong)}", +1, points))
    if brief:
        points = round(share * len(brief) / top)
        label = "Brief statement" if len(brief) == 1 else "Brief statements"
        reasons.append(Reason(f"{label} for {words.names(brief)}", +1, points))
    if missing:
        reasons.append(Reason(f"No statement for {words.names(missing)}", -1, 0))
    return reasons


def _competencies(candidate, opening, weights, words) -> list[Reason]:
    if not opening.competencies:
        return []
    claimed = opening.competencies & candidate.competencies
    missing = opening.competencies - candidate.competencies
    reasons = []
    if claimed:
        points = round(weights.competencies * len(claimed) / len(opening.competencies))
        of = f"{len(claimed)} of {len(opening.competencies)}"
        reasons.append(Reason(f"Claims {of} emphasised competencies: {words.names(claimed)}", +1, points))
    if missing:
        reasons.append(Reason(f"Does not claim {words.names(missing)}", -1, 0))
    return reasons


def _skills(candidate, opening, weights) -> list[Reason]:
    """Skills match by concept (soars.vocabulary): the same words, other words for the same skill
    ("threat hunting" as "cyber threat hunting"), or, for part of the credit, a related skill."""
    if not opening.skills:
        return []
    vocabulary = current_vocabulary()
    has = {skill.casefold() for skill in candidate.skills}
    named: dict[int, str] = {}  # concept -> the candidate's skill that names it
    for skill in sorted(candidate.skills):
        for concept in vocabulary.concepts(skill):
            named.setdefault(concept, skill)
    matched, related, missing = [], [], []
    for skill in sorted(opening.skills):
        wanted = vocabulary.concepts(skill)
        same = next((named[c] for c in sorted(wanted) if c in named), None)
        near = next((named[c] for c in sorted(vocabulary.related(wanted)) if c in named), None)
        if skill.casefold() in has:
            matched.append(skill)
        elif same is not None:
            matched.append(f"{skill} (as {same})")
        elif near is not None:
            related.append(f"{near} for {skill}")
        else:
            missing.append(skill)
    count = len(opening.skills)
    full = round(weights.skills * len(matched) / count)
    reasons = []
    if matched:
        reasons.append(Reason(f"Has {len(matched)} of {count} skills asked for: {_and(matched)}", +1, full))
    if related:
        points = round(weights.skills * (len(matched) + weights.related_skill_share * len(related)) / count) - full
        reasons.append(Reason(f"Has related skills: {_and(related)}", +1, points))
    if missing:
        reasons.append(Reason(f"Lacks {_and(missing)}", -1, 0))
    return reasons


def _wanted_type(candidate, opening, weights, words) -> list[Reason]:
    if not opening.type_code:
        return []
    kind = words.name(opening.type_code)
    if not candidate.wanted_types:
        return [Reason("Open to any type of opportunity", +1, round(weights.wanted_type * weights.no_preference_share))]
    if opening.type_code in candidate.wanted_types:
        return [Reason(f"Looking for this type of opportunity ({kind})", +1, round(weights.wanted_type))]
    return [Reason(f"Not looking for this type of opportunity ({kind})", -1, -round(weights.unwanted_type))]


def _location(candidate, opening, weights) -> list[Reason]:
    """The work arrangement, then (for on-site and hybrid work) the place; the same conditions as
    the arrangement and location requirements (requirements._arrangement, requirements._location)."""
    full, partial = round(weights.location), round(weights.location * weights.no_preference_share)
    offered = POSTING_WORDS.get(opening.arrangement, opening.arrangement)
    if not accepts(candidate, opening.arrangement):
        text = f"{offered} work; the executive accepts only {accepted_words(candidate)}"
        return [Reason(text, -1, -round(weights.location_mismatch))]
    if opening.arrangement == REMOTE:
        said = "accepts it" if candidate.arrangements else "is open to any arrangement"
        return [Reason(f"Fully remote work, and the executive {said}", +1, full)]
    if not opening.locations:
        return [Reason("The posting names no location", +1, partial)]
    if not candidate.locations:
        return [Reason(f"Open to any location, including {_and(sorted(opening.locations))}", +1, partial)]
    found = commute(candidate, opening)
    if found.shared:
        return [Reason(f"Wants to work in {_and(found.shared)}", +1, full)]
    text = f"Has chosen no place in {_or(found.areas)} (chose {_and(found.chosen)})"
    return [Reason(text, -1, -round(weights.location_mismatch))]


def _clearance(candidate, opening, weights) -> list[Reason]:
    required, held = opening.required_clearance_rank, candidate.clearance_rank
    if required <= 0:
        return [Reason("No security clearance required", +1, round(weights.clearance))]
    if held >= required:
        text = f"{_clearance_name(held)} clearance meets the {_clearance_name(required)} requirement"
        return [Reason(text, +1, round(weights.clearance))]
    shortfall = min(weights.clearance_shortfall_max, weights.clearance_shortfall_per_level * (required - held))
    holds = "Holds no clearance" if held <= 0 else f"Holds {_clearance_name(held)} clearance"
    return [Reason(f"{holds}; the position requires {_clearance_name(required)}", -1, -round(shortfall))]


def _availability(candidate, opening, weights) -> list[Reason]:
    start, available = opening.start_date, candidate.available_from
    if start is None:
        return [Reason("The posting sets no start date", +1, round(weights.availability))]
    same_year = available is not None and available.year == start.year
    latest = latest_start(opening)
    if available is None or available <= start:
        when = "Available now" if available is None else f"Available from {_day(available)}"
        return [Reason(f"{when}, before the {_day(start, year=not same_year)} start", +1, round(weights.availability))]
    if available <= latest:
        text = f"Available from {_day(available)}, within the start date's flexibility"
        return [Reason(text, +1, round(weights.availability))]
    months = math.ceil((available - latest).days / 30)
    penalty = min(weights.late_max, weights.late_per_month * months)
    text = f"Not available until {_day(available)}, after the {_day(start, year=not same_year)} start"
    if latest != start:
        text += f" and its {opening.start_flexibility_days} days' flexibility"
    return [Reason(text, -1, -round(penalty))]


def _broadening(candidate, weights) -> list[Reason]:
    agencies = {code for code in (*candidate.agencies_served, candidate.current_agency) if code}
    if not agencies:
        return []
    if len(agencies) == 1:
        return [Reason("Has served in one agency only", -1, 0)]
    points = min(weights.broadening, weights.broadening_per_agency * (len(agencies) - 1))
    return [Reason(f"Has served in {len(agencies)} agencies", +1, round(points))]

"""Every weight the matcher uses, in one place. Change them here and nowhere else.

The positive weights add up to 100: a candidate who meets everything scores 100.
Penalties take points away for what counts against a match. Coverage factors
(ECQs, competencies, skills, text) earn their weight in proportion.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Weights:
    # What a match can earn (sums to 100).
    text: float = 22  # times the text relevance (0..1) the caller supplies
    ecqs: float = 16  # times the ECQ coverage, statement strength counted
    competencies: float = 8  # times the share of emphasised competencies claimed
    skills: float = 18  # times the share of the posting's skills the resume lists
    wanted_type: float = 8  # the executive asked for this type of opportunity
    location: float = 10  # a wanted location, or remote work both sides accept
    clearance: float = 6  # holds the clearance the posting requires (or none is required)
    availability: float = 6  # available on or before the start date
    broadening: float = 6  # at most, for service in other agencies
    # Outside the 100, for the executive's own recommendations only (the score stays within 0..100).
    goal: float = 6  # the opening emphasises the ECQ or competency of an open development goal

    # What counts against a match (points taken away).
    ineligible: float = 30  # cannot be appointed to this position (never ranked above an eligible one anyway)
    clearance_shortfall_per_level: float = 8  # per level below the requirement
    clearance_shortfall_max: float = 24
    late_per_month: float = 4  # per started month after the start date
    late_max: float = 20
    unwanted_type: float = 4  # said which types they want, and this is not one
    location_mismatch: float = 8  # on site somewhere the executive has not chosen

    # Shares and thresholds.
    related_skill_share: float = 0.5  # of a skill's share, for a related skill (soars.vocabulary), not the same one
    broadening_per_agency: float = 2  # per agency served beyond the first, up to `broadening`
    no_preference_share: float = 0.5  # of wanted_type/location when the executive states no preference
    statement_strength_max: int = 3  # ECQ statement strength: 0 none, 1 brief, 2 solid, 3 strong
    strong_text: float = 0.6  # text relevance at or above: "closely matches"
    weak_text: float = 0.25  # text relevance below: counts against


WEIGHTS = Weights()

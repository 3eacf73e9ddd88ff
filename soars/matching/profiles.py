"""What the matcher reads (two profiles) and what it returns (a Match with Reasons)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from soars.core.arrangements import WorkArrangement

if TYPE_CHECKING:
    from soars.matching.requirements import Missed

CAREER_RESERVED = "career_reserved"
GENERAL = "general"

# Work arrangements (soars.core.arrangements.WorkArrangement): a posting offers one, an executive accepts several.
ON_SITE, HYBRID, REMOTE = WorkArrangement.ON_SITE.value, WorkArrangement.HYBRID.value, WorkArrangement.REMOTE.value


@dataclass(frozen=True)
class CandidateProfile:
    """An executive, as the resume app describes them. Codes are reference-data codes."""

    id: int | str = 0
    career_eligible: bool | None = None  # None: not stated
    eligibility_category: str = ""  # e.g. "career_ses", "cdp_graduate"
    clearance_rank: int = 0  # ClearanceLevel.rank: 0 none … 5 TS/SCI
    ecq_strengths: Mapping[str, int] = field(default_factory=dict)  # ECQ code -> statement strength 0..3
    competencies: frozenset[str] = frozenset()
    skills: frozenset[str] = frozenset()
    wanted_types: frozenset[str] = frozenset()  # empty: no preference stated
    locations: frozenset[str] = frozenset()  # empty: no preference stated
    arrangements: frozenset[str] = frozenset()  # work arrangements accepted; empty: not stated (any)
    available_from: date | None = None  # None: available now
    agencies_served: frozenset[str] = frozenset()
    current_agency: str = ""
    text_relevance: float = 0.0  # 0..1, from search, supplied by the caller


@dataclass(frozen=True)
class OpeningProfile:
    """An opportunity, as the opportunity app describes it."""

    id: int | str = 0
    type_code: str = ""
    position_type: str = GENERAL
    ecqs: frozenset[str] = frozenset()  # emphasised ECQ codes
    competencies: frozenset[str] = frozenset()
    skills: frozenset[str] = frozenset()
    locations: frozenset[str] = frozenset()
    arrangement: str = ON_SITE  # the work arrangement offered
    start_date: date | None = None
    start_flexibility_days: int = 0  # may start this many days after start_date
    required_clearance_rank: int = 0
    agency_code: str = ""
    eligibility_categories: frozenset[str] = frozenset()  # empty: any category may apply
    labels: Mapping[str, str] = field(default_factory=dict)  # code -> name, for reasons


@dataclass(frozen=True)
class Goal:
    """An open goal of the executive's development plan (soars.development), tied to an ECQ or a
    competency. Private to the executive: only their own recommendations read it."""

    text: str
    ecq: str = ""  # ECQ code
    competency: str = ""  # competency code


@dataclass(frozen=True)
class Reason:
    """One thing that counts for (sign +1) or against (sign -1) a match, in plain words.

    points is what the reason adds to (or, when negative, takes from) the score,
    and the score is their sum held within 0..100. A shortfall that only earns
    nothing (a missing skill) has sign -1 and 0 points.
    """

    text: str
    sign: int
    points: int

    @property
    def points_text(self) -> str:
        """The points with their sign, always: "+4", "-10" (a reason against may still earn a few)."""
        return f"{self.points:+d}"


@dataclass(frozen=True)
class Match:
    score: int  # 0..100, ranks within the group of those who meet every requirement, and among near misses
    eligible: bool  # may be appointed (position type and eligibility category); one of the requirements
    reasons: list[Reason]
    missed: list[Missed] = field(default_factory=list)  # the requirements not met (soars.matching.requirements)

    @property
    def meets_all(self) -> bool:
        """Meets every requirement of the opening: ranked before every near miss."""
        return not self.missed

    @property
    def in_favour(self) -> list[Reason]:
        return [reason for reason in self.reasons if reason.sign > 0]

    @property
    def against(self) -> list[Reason]:
        return [reason for reason in self.reasons if reason.sign < 0]

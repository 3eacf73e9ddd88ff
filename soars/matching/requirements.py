"""The requirements of an opening, as a gate: which of them a candidate misses, in plain words.

A candidate who misses none "meets every requirement" and is ranked before anyone who
misses one, however well the others' text matches (scoring.rank). The score still counts
the same shortfalls against a match; this module only says whether each requirement is met.

Each check returns a Missed (a code for the requirement and a sentence saying what the
opening needs and what the candidate has) or None when the requirement is met.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from soars.matching.profiles import CAREER_RESERVED, ON_SITE, REMOTE_ONLY, CandidateProfile, OpeningProfile

ELIGIBILITY, CLEARANCE, TYPE, AVAILABILITY, LOCATION = "eligibility", "clearance", "type", "availability", "location"

# Short names of the requirements, for badges; the order is the order they are listed in.
LABELS = {
    ELIGIBILITY: "Eligibility",
    CLEARANCE: "Clearance",
    TYPE: "Type of opportunity",
    AVAILABILITY: "Start date",
    LOCATION: "Location",
}
CLEARANCE_NAMES = ["no clearance", "Public Trust", "Confidential", "Secret", "Top Secret", "Top Secret/SCI"]


@dataclass(frozen=True)
class Missed:
    """One requirement of the opening the candidate does not meet."""

    code: str  # one of LABELS
    text: str  # what the opening needs and what the candidate has: "Needs Top Secret; holds Secret"

    @property
    def label(self) -> str:
        return LABELS[self.code]


def missed(
    candidate: CandidateProfile, opening: OpeningProfile, names: Mapping[str, str] | None = None
) -> list[Missed]:
    """The requirements of `opening` that `candidate` misses, in the order of LABELS (empty: meets all).

    names maps reference codes (types, eligibility categories) to their names for the text.
    """
    labels = names or {}

    def name(code: str) -> str:
        return labels.get(code, code)

    checks = (
        _eligibility(candidate, opening, name),
        _clearance(candidate, opening),
        _wanted_type(candidate, opening, name),
        _availability(candidate, opening),
        _location(candidate, opening),
    )
    return [check for check in checks if check is not None]


def clearance_name(rank: int) -> str:
    return CLEARANCE_NAMES[max(0, min(rank, len(CLEARANCE_NAMES) - 1))]


def _or(items: Iterable[str]) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def _day(when: date) -> str:
    return f"{when:%B} {when.day}, {when.year}"


def _eligibility(candidate, opening, name) -> Missed | None:
    if opening.position_type == CAREER_RESERVED and not candidate.career_eligible:
        holds = "eligibility not stated" if candidate.career_eligible is None else "not career-eligible"
        return Missed(ELIGIBILITY, f"Needs career eligibility (career reserved); {holds}")
    accepted = opening.eligibility_categories
    if accepted and candidate.eligibility_category not in accepted:
        holds = f"holds {name(candidate.eligibility_category)}" if candidate.eligibility_category else "not stated"
        return Missed(ELIGIBILITY, f"Needs {_or(sorted((name(code) for code in accepted), key=str.casefold))}; {holds}")
    return None


def _clearance(candidate, opening) -> Missed | None:
    required, held = opening.required_clearance_rank, candidate.clearance_rank
    if required <= 0 or held >= required:
        return None
    return Missed(CLEARANCE, f"Needs {clearance_name(required)}; holds {clearance_name(held)}")


def _wanted_type(candidate, opening, name) -> Missed | None:
    if not opening.type_code or not candidate.wanted_types or opening.type_code in candidate.wanted_types:
        return None
    wanted = _or(sorted((_lower(name(code)) for code in candidate.wanted_types), key=str.casefold))
    return Missed(TYPE, f"Type is {_lower(name(opening.type_code))}; wants only {wanted}")


def _lower(name: str) -> str:
    """A reference name in running text: "Rotation" -> "rotation"; "IPA assignment" stays."""
    return name[:1].lower() + name[1:] if name[1:2].islower() else name


def _availability(candidate, opening) -> Missed | None:
    start, available = opening.start_date, candidate.available_from
    if start is None or available is None or available <= start:
        return None
    return Missed(AVAILABILITY, f"Starts {_day(start)}; available from {_day(available)}")


def _location(candidate, opening) -> Missed | None:
    """Met by remote work both sides accept, a posting naming no place, or a place the candidate chose
    (or no place chosen). The same conditions as the score's location reason (scoring._location)."""
    if opening.remote_allowed and candidate.remote_preference != ON_SITE:
        return None
    if not opening.locations:
        return None
    places = _or(sorted(opening.locations))
    if candidate.remote_preference == REMOTE_ONLY:
        return Missed(LOCATION, f"Needs on-site work in {places}; wants remote work only")
    wanted = {place.casefold() for place in candidate.locations}
    if not wanted or any(place.casefold() in wanted for place in opening.locations):
        return None
    return Missed(LOCATION, f"Needs work in {places}; chose {_or(sorted(candidate.locations))}")

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
from datetime import date, timedelta

from soars.core.arrangements import POSTING_WORDS, arrangement_words
from soars.core.arrangements import accepted as in_order
from soars.matching.profiles import CAREER_RESERVED, REMOTE, CandidateProfile, OpeningProfile
from soars.places import current as current_places

ELIGIBILITY, CLEARANCE, TYPE, AVAILABILITY = "eligibility", "clearance", "type", "availability"
ARRANGEMENT, LOCATION = "arrangement", "location"

# Short names of the requirements, for badges; the order is the order they are listed in.
LABELS = {
    ELIGIBILITY: "Eligibility",
    CLEARANCE: "Clearance",
    TYPE: "Type of opportunity",
    AVAILABILITY: "Start date",
    ARRANGEMENT: "Work arrangement",
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
        _arrangement(candidate, opening),
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


def latest_start(opening: OpeningProfile) -> date | None:
    """The last day an executive may start: the start date plus the flexibility the posting states."""
    if opening.start_date is None:
        return None
    return opening.start_date + timedelta(days=max(0, opening.start_flexibility_days))


def _availability(candidate, opening) -> Missed | None:
    start, latest, available = opening.start_date, latest_start(opening), candidate.available_from
    if latest is None or available is None or available <= latest:
        return None
    flexible = f" (or up to {_days(opening.start_flexibility_days)} later)" if latest != start else ""
    return Missed(AVAILABILITY, f"Starts {_day(start)}{flexible}; available from {_day(available)}")


def _days(count: int) -> str:
    return "1 day" if count == 1 else f"{count} days"


def accepts(candidate: CandidateProfile, arrangement: str) -> bool:
    """Whether the executive accepts the arrangement (one who states none accepts any)."""
    return not candidate.arrangements or arrangement in candidate.arrangements


def accepted_words(candidate: CandidateProfile) -> str:
    """The arrangements the executive accepts, in running text: "on site or hybrid"."""
    return _or([arrangement_words(code) for code in in_order(candidate.arrangements)])


def _arrangement(candidate, opening) -> Missed | None:
    if accepts(candidate, opening.arrangement):
        return None
    offered = POSTING_WORDS.get(opening.arrangement, opening.arrangement)
    return Missed(ARRANGEMENT, f"{offered}; accepts only {accepted_words(candidate)}")


@dataclass(frozen=True)
class Commute:
    """The posting's commuting areas against the executive's places (soars.places: Census CBSAs)."""

    areas: list[str]  # the posting's areas in words: "the Washington, DC area" (unknown text: as written)
    shared: list[str]  # those of them the executive chose a place in
    chosen: list[str]  # the executive's places: "Reston, VA"


def commute(candidate: CandidateProfile, opening: OpeningProfile) -> Commute:
    """Which of the posting's commuting areas the executive chose a place in: Reston, VA is in the
    Washington, DC area and meets a posting in Washington, DC; Baltimore, MD is not and does not."""
    places = current_places()
    areas: dict[str, str] = {}
    for text in sorted(opening.locations):
        area = places.locate(text).area
        areas.setdefault(area.key, f"the {area.name} area" if area.key.startswith("cbsa:") else area.name)
    mine = places.area_keys(candidate.locations)
    chosen = sorted({places.locate(text).label for text in candidate.locations if text.strip()})
    return Commute(list(areas.values()), [words for key, words in areas.items() if key in mine], chosen)


def _location(candidate, opening) -> Missed | None:
    """Met by a fully remote posting (no place needed), a posting naming no place, or a place the
    candidate chose in one of its commuting areas (or no place chosen). On-site and hybrid work need
    the place. The same conditions as the score's location reason (scoring._location)."""
    if opening.arrangement == REMOTE or not opening.locations or not candidate.locations:
        return None
    found = commute(candidate, opening)
    if found.shared:
        return None
    return Missed(LOCATION, f"Works in {_or(found.areas)}; has chosen {_or(found.chosen)}")

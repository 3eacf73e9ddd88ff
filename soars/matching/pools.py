"""Matching, both ways, between opportunities and resumes, over the records a user may see.

- best_matches(opportunity, agency) ranks the resumes HR staff of `agency` may see for
  one opportunity: those who meet every requirement of the posting, then the near misses.
- recommendations(user) gives the open opportunities an executive may see whose every
  requirement they meet, and the near misses (one requirement missed); recommended_for(user)
  is the first part.

Both first narrow the records in SQL: the requirements that are plain columns (soars.matching.gate)
and a full-text OR query over what the other side says, capped at a pool size. Then they score
the pool in Python (soars.matching.records reads the profiles). The text rank, scaled by the
best rank of the pool, is the matcher's `text_relevance`. When the search finds fewer records
than the pool holds, the rest of the pool is filled with other visible records, newest first,
with no text relevance, so nobody is left out only for lack of shared words.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from django.db.models import QuerySet

from soars.matching.profiles import Match
from soars.matching.records import (
    candidate_profile,
    candidate_profiles,
    has_matchable_resume,
    opening_profile,
    opening_profiles,
)
from soars.matching.scoring import order, rank, score
from soars.opportunities.search import KIND as OPPORTUNITY_KIND
from soars.search import engine
from soars.search.engine import search
from soars.search.query import MAX_TERMS, parse

RESUME_KIND = "resume"  # the kind the resume app registers (docs/search.md)
POOL = 1000  # most resumes scored for one opportunity's best matches (the best text matches first)
RECOMMEND_POOL = 500  # most opportunities scored for one executive's recommendations
SHOWN = 25  # best matches listed on the HR tab
RECOMMENDED = 5  # opportunities on the executive options page
NEAR_MISSES = 5  # opportunities missing one requirement listed under them

# Words that say nothing of fit: the English stop words of three letters or more (the list
# PostgreSQL's english dictionary drops). In an OR query each would match nearly every record
# (SQLite's index keeps them: "Director of Fire and Aviation" matched all 20,000 opportunities
# through "and") and add nothing to the rank but its cost.
STOP_WORDS = frozenset(
    """myself our ours ourselves you your yours yourself yourselves him his himself she her hers herself its
    itself they them their theirs themselves what which who whom this that these those are was were been being
    have has had having does did doing the and but because until while for with about against between into
    through during before after above below from down out off over under again further then once here there
    when where why how all any both each few more most other some such nor not only own same than too very can
    will just don should now""".split()  # noqa: SIM905 (a word list reads best as text)
)


def any_of(*texts: str) -> str:
    """A query matching records that share any word of texts (an OR of at most MAX_TERMS words,
    leaving out words of one or two letters and STOP_WORDS)."""
    seen: list[str] = []
    for text in texts:
        for word in parse(text).words:  # lowercased by the parser
            if len(word) > 2 and word not in STOP_WORDS and word not in seen:
                seen.append(word)
    return " OR ".join(seen[:MAX_TERMS])


def _pool(
    visible: QuerySet, query: str, kind: str, newest: tuple[str, ...], *, size: int = POOL
) -> list[tuple[int, float]]:
    """[(pk, relevance 0..1)] of at most `size` records of `visible`: text matches first, then the newest."""
    found = engine.best(search(visible, query, kind=kind), size) if query else []
    found = [(pk, score) for pk, score in found if score and score > 0]
    best = max((score for _, score in found), default=0.0) or 1.0
    pool = [(pk, score / best) for pk, score in found]
    if len(pool) < size:
        taken = {pk for pk, _ in pool}
        for pk in visible.order_by(*newest).values_list("pk", flat=True)[: size + len(taken)]:
            if pk not in taken:
                pool.append((pk, 0.0))
                if len(pool) >= size:
                    break
    return pool


@dataclass
class Ranked:
    """One entry of a ranking: the record and its match (score, eligibility, reasons)."""

    record: object
    match: Match


@dataclass
class Matches:
    """Best matches for one opportunity, in two groups, each ranked (see soars.matching.rank).

    The counts are over every resume scored: the whole visible pool, or, when it holds more
    than POOL, the POOL best text matches (`capped`).
    """

    meets_all: list[Ranked]  # meet every requirement, best score first (at most `limit`)
    near_misses: list[Ranked]  # miss one or more requirements, fewest missed first (at most `limit`)
    meets_all_count: int
    near_miss_count: int
    capped: bool

    @property
    def ranked(self) -> list[Ranked]:
        """Both groups, in the order shown."""
        return self.meets_all + self.near_misses


def best_matches(opportunity, agency, *, limit: int = SHOWN) -> Matches:
    """The resumes HR staff of `agency` may see for `opportunity`: who meets every requirement, then near misses."""
    from soars.resumes.models import Resume

    visible = Resume.objects.visible_to_agency(agency)
    query = any_of(opportunity.title, " ".join(opportunity.skill_list))
    pool = dict(_pool(visible, query, RESUME_KIND, ("-updated_at", "-pk")))
    ranked = rank(list(candidate_profiles(pool).values()), opening_profile(opportunity))
    meets_all = [pair for pair in ranked if pair[1].meets_all]
    near = [pair for pair in ranked if not pair[1].meets_all]
    shown = meets_all[:limit] + near[:limit]
    # Only the few shown are read as records (the pool was profiled from plain rows).
    records = visible.filter(pk__in=[candidate.id for candidate, _ in shown]).select_related(
        "executive", "current_agency"
    )
    resumes = {resume.pk: resume for resume in records}

    def entries(pairs):
        return [Ranked(resumes[candidate.id], match) for candidate, match in pairs if candidate.id in resumes]

    return Matches(entries(meets_all[:limit]), entries(near[:limit]), len(meets_all), len(near), len(pool) >= POOL)


@dataclass
class Recommendations:
    best: list[Ranked]  # open opportunities whose every requirement the executive meets, best first
    near_misses: list[Ranked]  # those missing exactly one requirement, best score first


def recommendations(user, *, limit: int = RECOMMENDED, near: int = NEAR_MISSES) -> Recommendations | None:
    """Open opportunities the executive may see and can take, best match for their resume first,
    and the near misses (one requirement missed, which each Match says).

    None when the executive has no resume that says enough to match on.
    """
    from soars.opportunities.models import Opportunity
    from soars.resumes.models import Resume

    resume = Resume.objects.filter(executive_id=user.pk).first()
    if not has_matchable_resume(resume):
        return None
    visible = Opportunity.objects.browsable_by(user)
    query = any_of(resume.headline, resume.current_title, " ".join(str(s) for s in resume.skills or []))
    pool = dict(_pool(visible, query, OPPORTUNITY_KIND, ("-published_at", "-pk"), size=RECOMMEND_POOL))
    candidate = candidate_profile(resume)
    scored = [
        (opening.id, score(replace(candidate, text_relevance=pool[opening.id]), opening))
        for opening in opening_profiles(list(pool)).values()
    ]
    scored.sort(key=lambda pair: (*order(pair[1]), pair[0]))  # as recommend() orders
    best = [pair for pair in scored if pair[1].meets_all][:limit]
    missing_one = [pair for pair in scored if len(pair[1].missed) == 1][:near]
    records = Opportunity.objects.filter(pk__in=[pk for pk, _ in best + missing_one]).select_related(
        "type", "agency", "clearance"
    )
    opportunities = {opportunity.pk: opportunity for opportunity in records}

    def entries(pairs):
        return [Ranked(opportunities[pk], match) for pk, match in pairs if pk in opportunities]

    return Recommendations(entries(best), entries(missing_one))


def recommended_for(user, *, limit: int = RECOMMENDED) -> list[Ranked] | None:
    """The open opportunities the executive may see and can take, best first (recommendations().best)."""
    found = recommendations(user, limit=limit, near=0)
    return None if found is None else found.best

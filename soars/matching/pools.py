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

from soars.matching.gate import opportunities_met_by, resumes_meeting
from soars.matching.profiles import Goal, Match
from soars.matching.records import (
    candidate_profile,
    candidate_profiles,
    has_matchable_resume,
    opening_profile,
    opening_profiles,
)
from soars.matching.scoring import order, rank, score, serving_goals
from soars.opportunities.search import KIND as OPPORTUNITY_KIND
from soars.search import engine
from soars.search.query import MAX_TERMS, parse

RESUME_KIND = "resume"  # the kind the resume app registers (docs/search.md)
POOL = 1000  # most resumes scored for one opportunity's best matches (the best text matches first)
RECOMMEND_POOL = 500  # most opportunities scored for one executive's recommendations
SHOWN = 25  # best matches listed on the HR tab
NEAR_POOL = 250  # most resumes scored among those who miss a requirement (the best text matches)
NEAR_RECOMMEND_POOL = 100  # most opportunities scored among those whose requirements an executive misses
NEWEST_RESUMES = ("-updated_at", "-pk")
NEWEST_OPPORTUNITIES = ("-published_at", "-pk")
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


def _found(queryset: QuerySet, query: str, kind: str, newest: tuple[str, ...], size: int) -> dict[int, float]:
    """{pk: text rank} of at most `size` records of queryset: the best text matches first, then, to
    fill it, the newest records with rank 0."""
    found = engine.best(queryset, query, kind=kind, limit=size) if query else []
    pool = {pk: score for pk, score in found if score and score > 0}
    if len(pool) < size:
        for pk in queryset.order_by(*newest).values_list("pk", flat=True)[: size + len(pool)]:
            pool.setdefault(pk, 0.0)
            if len(pool) >= size:
                break
    return pool


def _relative(pool: dict[int, float]) -> dict[int, float]:
    """The text ranks as a share of the best of them (0..1): the matcher's text_relevance."""
    best = max(pool.values(), default=0.0) or 1.0
    return {pk: score / best for pk, score in pool.items()}


def _pool(
    visible: QuerySet, query: str, kind: str, newest: tuple[str, ...], *, size: int = POOL
) -> list[tuple[int, float]]:
    """[(pk, relevance 0..1)] of at most `size` records of `visible`: text matches first, then the newest."""
    return list(_relative(_found(visible, query, kind, newest, size)).items())


def _gated_pool(visible: QuerySet, gate, query: str, kind: str, newest: tuple[str, ...], sizes: tuple[int, int]):
    """The pool to score: at most sizes[0] records that pass the gate (a filter of soars.matching.gate)
    and sizes[1] that do not, the best text matches of each first; and whether the first part was full.

    Returns ({pk: relevance 0..1, relative to the best of both parts}, capped).
    """
    meeting = _found(visible.filter(gate), query, kind, newest, sizes[0])
    missing = _found(visible.exclude(gate), query, kind, newest, sizes[1]) if sizes[1] else {}
    return _relative(meeting | missing), len(meeting) >= sizes[0]


@dataclass
class Ranked:
    """One entry of a ranking: the record and its match (score, eligibility, reasons).

    The record is None until read (best_matches(..., records=False) leaves it for the caller,
    which may read only the page shown: with_records()); id is its primary key.
    """

    record: object
    match: Match
    id: int = 0
    relevance: float = 0.0  # the text relevance the match was scored with (0..1)


def with_records(entries: list[Ranked], queryset: QuerySet) -> list[Ranked]:
    """The entries with their records read from queryset in one query (those it does not hold are left out)."""
    records = queryset.in_bulk([entry.id for entry in entries])
    for entry in entries:
        entry.record = records.get(entry.id)
    return [entry for entry in entries if entry.record is not None]


@dataclass
class Matches:
    """Best matches for one opportunity, in two groups, each ranked (see soars.matching.rank).

    The counts are over every resume scored: at most POOL who pass the requirements' filter
    (soars.matching.gate; `capped` when there were more) and NEAR_POOL who do not, the best text
    matches of each.
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


def best_matches(opportunity, agency, *, limit: int | None = SHOWN, records: bool = True) -> Matches:
    """The resumes HR staff of `agency` may see for `opportunity`: who meets every requirement, then
    near misses, at most `limit` of each (None: all scored). With records=False the entries hold
    only the resume's id (with_records() reads them)."""
    from soars.resumes.models import Resume

    opening = opening_profile(opportunity)
    visible = Resume.objects.visible_to_agency(agency)
    query = any_of(opportunity.title, " ".join(opportunity.skill_list))
    pool, capped = _gated_pool(visible, resumes_meeting(opening), query, RESUME_KIND, NEWEST_RESUMES, (POOL, NEAR_POOL))
    ranked = rank(list(candidate_profiles(pool).values()), opening)
    entries = [Ranked(None, match, candidate.id, candidate.text_relevance) for candidate, match in ranked]
    meets_all = [entry for entry in entries if entry.match.meets_all]
    near = [entry for entry in entries if not entry.match.meets_all]
    found = Matches(meets_all[:limit], near[:limit], len(meets_all), len(near), capped)
    if records:
        shown = with_records(found.ranked, visible.select_related("executive", "current_agency"))
        found.meets_all = [entry for entry in shown if entry.match.meets_all]
        found.near_misses = [entry for entry in shown if not entry.match.meets_all]
    return found


def development_goals(user) -> list[Goal]:
    """The executive's open development goals (soars.development), for their own recommendations only."""
    from soars.development.goals import open_goal_terms

    return [Goal(term["text"], term["ecq_code"], term["competency_code"]) for term in open_goal_terms(user)]


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
    candidate = candidate_profile(resume)
    pool, _ = _gated_pool(
        visible,
        opportunities_met_by(candidate),
        query,
        OPPORTUNITY_KIND,
        NEWEST_OPPORTUNITIES,
        (RECOMMEND_POOL, NEAR_RECOMMEND_POOL if near else 0),
    )
    goals = development_goals(user)
    scored = [
        (opening.id, serving_goals(score(replace(candidate, text_relevance=pool[opening.id]), opening), opening, goals))
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
        return [Ranked(opportunities[pk], match, pk) for pk, match in pairs if pk in opportunities]

    return Recommendations(entries(best), entries(missing_one))


def recommended_for(user, *, limit: int = RECOMMENDED) -> list[Ranked] | None:
    """The open opportunities the executive may see and can take, best first (recommendations().best)."""
    found = recommendations(user, limit=limit, near=0)
    return None if found is None else found.best

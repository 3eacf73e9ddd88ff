"""The Best matches tab as a list HR staff can filter, sort, page through and export.

best_matches() ranks the resumes; this module only chooses which of them to show
(meets every requirement, near misses, interested only), in what order, and counts
each group. The Interested tab's scores come from the same matcher, for just the
executives who expressed interest (interest_matches).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils.http import urlencode

from soars.matching import rank, rankings
from soars.matching.pools import (
    RESUME_KIND,
    Ranked,
    _pool,
    any_of,
    candidate_profiles,
    opening_profile,
    with_records,
)
from soars.matching.requirements import LABELS

PER_PAGE = 25
SHOWS = {"all": "Everyone", "meets": "Meets every requirement", "near": "Near misses"}
SORTS = {"score": "Best match", "updated": "Most recent resume update", "name": "Name"}


@dataclass
class MatchList:
    """One view of the best matches: the filters chosen, the counts, and the entries to show in order."""

    show: str
    sort: str
    interested_only: bool
    counts: dict[str, int]  # meets, near, interested: over every resume scored
    entries: list[Ranked]  # filtered and sorted; records not read yet (read())
    capped: bool
    resumes: QuerySet  # the resumes the HR user may see
    opportunity: object
    computed_at: datetime  # when the stored ranking was computed (soars.matching.rankings)
    refreshing: bool  # a newer ranking is being computed

    def read(self, entries: list[Ranked]) -> list[Ranked]:
        """The entries with their resumes (and each resume's executive and agency) read, scored
        again from the records with the reasons for each score."""
        entries = with_records(entries, self.resumes.select_related("executive", "current_agency"))
        rankings.rescore(self.opportunity, entries)
        for entry in entries:
            entry.badges = badges(entry.match)
        return entries

    def query(self, **changes) -> str:
        """The filters as a query string (no page), with `changes` applied."""
        params = {"show": self.show, "sort": self.sort, "interested": "1" if self.interested_only else ""}
        params.update(changes)
        defaults = {"show": "all", "sort": "score", "interested": ""}
        return urlencode({key: value for key, value in params.items() if value != defaults[key]})


def badges(match) -> list[tuple[str, bool]]:
    """[(requirement label, met)] for every requirement, in the order of LABELS."""
    missed = {miss.code for miss in match.missed}
    return [(label, code not in missed) for code, label in LABELS.items()]


def _choice(params: QueryDict, name: str, choices: dict[str, str], default: str) -> str:
    value = params.get(name, default)
    return value if value in choices else default


def _sorted(entries: list[Ranked], sort: str) -> list[Ranked]:
    if sort == "updated":
        return sorted(entries, key=lambda entry: entry.updated_at, reverse=True)
    if sort == "name":
        return sorted(entries, key=lambda entry: entry.name)
    return entries  # already best first


def match_list(opportunity, agency, params: QueryDict) -> MatchList:
    """The best matches for `opportunity` seen by HR staff of `agency`, as filtered by the GET `params`."""
    from soars.resumes.models import Resume

    visible = Resume.objects.visible_to_agency(agency)
    ranking = rankings.current(opportunity, agency, visible)
    interested = set(opportunity.interests.values_list("executive_id", flat=True))
    for entry in ranking.entries:
        entry.interested = entry.executive_id in interested
    show = _choice(params, "show", SHOWS, "all")
    sort = _choice(params, "sort", SORTS, "score")
    interested_only = params.get("interested") == "1"

    def keep(entries):
        return [entry for entry in entries if entry.interested] if interested_only else entries

    meets = keep([entry for entry in ranking.entries if entry.match.meets_all])
    near = keep([entry for entry in ranking.entries if not entry.match.meets_all])
    counts = {
        "meets": len(meets),
        "near": len(near),
        "interested": sum(1 for entry in ranking.entries if entry.interested),
    }
    if sort in ("updated", "name"):  # what these sorts need, as plain rows of the entries kept
        rows = Resume.objects.filter(pk__in=[entry.id for entry in meets + near]).values_list(
            "pk", "updated_at", "executive__full_name", "executive__email"
        )
        facts = {pk: (updated, (name or email).casefold()) for pk, updated, name, email in rows}
        for entry in meets + near:
            entry.updated_at, entry.name = facts.get(entry.id, (opportunity.created_at, ""))
    # Each group keeps its place (everyone who meets every requirement first); sorting is within it.
    groups = {"all": [meets, near], "meets": [meets], "near": [near]}[show]
    entries = [entry for group in groups for entry in _sorted(group, sort)]
    return MatchList(
        show,
        sort,
        interested_only,
        counts,
        entries,
        ranking.capped,
        visible,
        opportunity,
        ranking.computed_at,
        ranking.refreshing,
    )


def page_of(listing: MatchList, number) -> dict:
    """The page `number` of the list (the last page when past the end), split into its two groups."""
    page = Paginator(listing.entries, PER_PAGE).get_page(number)
    entries = listing.read(list(page.object_list))
    return {
        "page": page,
        "page_meets": [entry for entry in entries if entry.match.meets_all],
        "page_near": [entry for entry in entries if not entry.match.meets_all],
    }


def interest_matches(opportunity, interests) -> dict[int, Ranked]:
    """{executive id: Ranked} scoring the resumes of the executives who expressed interest.

    The same matcher as Best matches, over just these resumes: the text relevance is
    relative to the best of them, so a score can differ a little from the Best matches tab.
    """
    from soars.resumes.models import Resume

    resumes = Resume.objects.filter(executive_id__in=[interest.executive_id for interest in interests])
    query = any_of(opportunity.title, " ".join(opportunity.skill_list))
    pool = dict(_pool(resumes, query, RESUME_KIND, ("-updated_at", "-pk"), size=max(1, resumes.count())))
    owners = dict(resumes.values_list("pk", "executive_id"))
    ranked = rank(list(candidate_profiles(pool).values()), opening_profile(opportunity))
    scored = {}
    for candidate, match in ranked:
        scored[owners[candidate.id]] = entry = Ranked(None, match)
        entry.badges = badges(match)
    return scored

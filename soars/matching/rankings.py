"""Stored Best matches: each posting's ranking, computed in the background and read by the HR page.

Ranking every resume an agency may see takes about a second at 100,000 executives (two full-text
searches and a thousand profiles scored), so the page does not do it on every view:

- current(opportunity, agency) is the ranking the page lists: the stored one, with its entries
  still visible to the agency; computed now and stored when there is none. A ranking that is stale
  (the posting changed) or older than MAX_AGE (resumes change all the time) is shown as it is
  while a refresh is queued, once.
- rescore(opportunity, entries) scores the entries of the page shown again from their records,
  with the reasons for each score, so what HR reads is never older than the page.
- Saving a posting marks its rankings stale (posting_saved, called by Opportunity.save());
  publishing one queues its ranking for its agency, so the first view finds it ready.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from soars.matching.models import Ranking
from soars.matching.pools import Ranked, best_matches
from soars.matching.profiles import Match
from soars.matching.records import candidate_profiles, opening_profile
from soars.matching.requirements import ELIGIBILITY, Missed
from soars.matching.scoring import score

MAX_AGE = timedelta(minutes=10)


@dataclass
class Current:
    """A stored ranking as read for one view: its entries (light matches: score and the requirements
    missed, no reasons) and how fresh it is."""

    entries: list[Ranked]  # still visible to the agency, in the stored order; each with executive_id
    capped: bool
    computed_at: datetime
    refreshing: bool  # a newer ranking is being computed


def _stored_entry(entry: Ranked, executive_id: int) -> list:
    return [entry.id, executive_id, round(entry.relevance, 6), entry.match.score, [m.code for m in entry.match.missed]]


def refresh(opportunity, agency) -> Ranking:
    """Rank the resumes `agency` may see for `opportunity` now, and store the ranking."""
    from soars.resumes.models import Resume

    # Cleared before computing: a change saved meanwhile marks it stale again.
    Ranking.objects.filter(opportunity=opportunity, agency=agency).update(stale=False, queued=False)
    found = best_matches(opportunity, agency, limit=None, records=False)
    owners = dict(Resume.objects.filter(pk__in=[entry.id for entry in found.ranked]).values_list("pk", "executive_id"))
    entries = [_stored_entry(entry, owners[entry.id]) for entry in found.ranked if entry.id in owners]
    ranking, _ = Ranking.objects.update_or_create(
        opportunity=opportunity,
        agency=agency,
        defaults={"entries": entries, "capped": found.capped, "computed_at": timezone.now()},
    )
    return ranking


def queue_refresh(opportunity_id: int, agency_id: int) -> None:
    """Queue a refresh of one ranking, unless one is queued already (the row remembers)."""
    from soars.matching.tasks import refresh_ranking

    claimed = Ranking.objects.filter(opportunity_id=opportunity_id, agency_id=agency_id, queued=False).update(
        queued=True
    )
    if claimed:
        transaction.on_commit(lambda: refresh_ranking.enqueue(opportunity_id, agency_id))


def current(opportunity, agency, visible) -> Current:
    """The ranking HR staff of `agency` see for `opportunity`; visible is the resumes they may see
    (only those are listed, however the ranking was computed)."""
    ranking = Ranking.objects.filter(opportunity=opportunity, agency=agency).first()
    if ranking is None:
        ranking = refresh(opportunity, agency)
    elif ranking.stale or ranking.computed_at < timezone.now() - MAX_AGE:
        queue_refresh(opportunity.pk, agency.pk)
        ranking.refresh_from_db(fields=["queued"])
    still = set(visible.filter(pk__in=[row[0] for row in ranking.entries]).values_list("pk", flat=True))
    entries = []
    for resume_id, executive_id, relevance, points, missed in ranking.entries:
        if resume_id in still:
            match = Match(points, ELIGIBILITY not in missed, [], [Missed(code, "") for code in missed])
            entry = Ranked(None, match, resume_id, relevance)
            entry.executive_id = executive_id
            entries.append(entry)
    return Current(entries, ranking.capped, ranking.computed_at, ranking.queued)


def rescore(opportunity, entries: list[Ranked]) -> None:
    """Score the entries again from their records (with reasons), keeping the stored text relevance."""
    profiles = candidate_profiles({entry.id: entry.relevance for entry in entries})
    opening = opening_profile(opportunity)
    for entry in entries:
        if entry.id in profiles:
            entry.match = score(profiles[entry.id], opening)


def posting_saved(opportunity) -> None:
    """Called by Opportunity.save(): its rankings are stale; a posting just opened gets its first one
    queued for its agency, so HR's first view finds it ready."""
    from soars.matching.tasks import refresh_ranking

    Ranking.objects.filter(opportunity_id=opportunity.pk, stale=False).update(stale=True)
    if opportunity.status == "open" and not Ranking.objects.filter(opportunity_id=opportunity.pk).exists():
        pk, agency_id = opportunity.pk, opportunity.agency_id
        transaction.on_commit(lambda: refresh_ranking.enqueue(pk, agency_id))

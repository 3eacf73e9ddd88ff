"""Stored "Recommended for you" lists: computed in the background, read by the executive's options page.

- recommended_panel(user) is what the page shows: the stored list, filtered as it is read by the
  postings the executive may still browse (open, and agency-only ones of their verified agency).
  An executive with no list yet gets one computed once and stored; a stale list is shown as it is
  while a refresh of it is queued.
- Saving a resume (Resume.save() calls resume_saved) or a development goal (Goal.save() and
  delete() call executive_changed) marks the executive's list stale and queues its refresh (once
  per transaction).
- Any change to a posting that is not a draft (Opportunity.save() calls posting_saved) queues
  postings_changed, to run DEBOUNCE later (one run for all the changes of that time): every list
  goes stale and the most recently signed-in executives' lists are refreshed first, BATCH at a
  time; the periodic job soars.matching.refresh_stale goes on with the rest.
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from soars.matching.models import RecommendationList
from soars.matching.profiles import Match, Reason
from soars.matching.requirements import Missed

KEPT = 10  # entries stored in each group, so a posting closed since leaves others to show
SHOWN = 5  # recommendations on the options page
NEAR_SHOWN = 5  # near misses under them
DEBOUNCE = timedelta(seconds=30)  # changes to postings within this time share one refresh run
POSTINGS_CHANGED_KEY = "matching:postings-changed"
BATCH = 200  # lists refreshed by one run of the background job (about 0.4 s each at 20,000 postings)


def _entry(ranked) -> dict:
    match = ranked.match
    return {
        "id": ranked.record.pk,
        "score": match.score,
        "eligible": match.eligible,
        "reasons": [[reason.text, reason.sign, reason.points] for reason in match.reasons],
        "missed": [[miss.code, miss.text] for miss in match.missed],
    }


def _match(entry: dict) -> Match:
    return Match(
        score=entry["score"],
        eligible=entry["eligible"],
        reasons=[Reason(text, sign, points) for text, sign, points in entry["reasons"]],
        missed=[Missed(code, text) for code, text in entry["missed"]],
    )


def refresh(executive_id: int) -> RecommendationList:
    """Compute the executive's recommendations now and store them."""
    from soars.matching.pools import recommendations

    user = get_user_model().objects.select_related("agency").get(pk=executive_id)
    # Cleared before computing: a resume saved meanwhile marks the list stale again and queues another run.
    RecommendationList.objects.filter(executive_id=executive_id).update(stale=False, queued=False)
    found = recommendations(user, limit=KEPT, near=KEPT)
    row, _ = RecommendationList.objects.update_or_create(
        executive_id=executive_id,
        defaults={
            "matchable": found is not None,
            "best": [_entry(ranked) for ranked in found.best] if found else [],
            "near_misses": [_entry(ranked) for ranked in found.near_misses] if found else [],
            "computed_at": timezone.now(),
        },
    )
    return row


def _claim(executive_id: int) -> bool:
    """Whether this caller may queue (or run) the refresh of one list: nobody else has it queued."""
    return bool(RecommendationList.objects.filter(executive_id=executive_id, queued=False).update(queued=True))


def queue_refresh(executive_id: int) -> None:
    """Queue a refresh of one executive's list after the transaction commits, unless one is queued."""
    from soars.matching.tasks import refresh_recommendations

    if _claim(executive_id):
        transaction.on_commit(lambda: refresh_recommendations.enqueue(executive_id))


def refresh_stale(limit: int = BATCH) -> int:
    """Refresh up to `limit` stale lists not already queued alone, most recently signed-in executives first."""
    waiting = (
        RecommendationList.objects.filter(stale=True, queued=False)
        .order_by(F("executive__last_login").desc(nulls_last=True), "pk")
        .values_list("executive_id", flat=True)[:limit]
    )
    done = 0
    for executive_id in list(waiting):
        if _claim(executive_id):  # another worker may have taken it meanwhile
            refresh(executive_id)
            done += 1
    return done


def postings_changed(limit: int = BATCH) -> int:
    """A posting was published, edited, closed, filled or cancelled: every list is stale; refresh a batch."""
    RecommendationList.objects.filter(stale=False).update(stale=True)
    return refresh_stale(limit)


def recommended_panel(user) -> dict:
    """The "Recommended for you" panel of the executive options page, from the stored list."""
    from soars.opportunities.models import Opportunity

    stored = RecommendationList.objects.filter(executive_id=user.pk).first()
    if stored is None:
        stored = refresh(user.pk)  # a fresh executive is not shown nothing
    elif stored.stale and not stored.queued:
        queue_refresh(user.pk)
    if not stored.matchable:
        return {"has_resume": False, "ranked": [], "near_misses": []}
    ids = [entry["id"] for entry in stored.best + stored.near_misses]
    # Read-time check: a posting closed, cancelled or hidden since the list was computed is left out at once.
    records = Opportunity.objects.browsable_by(user).filter(pk__in=ids).select_related("type", "agency")
    shown = {opportunity.pk: opportunity for opportunity in records}

    def entries(stored_entries, limit):
        from soars.matching.pools import Ranked

        found = [Ranked(shown[entry["id"]], _match(entry)) for entry in stored_entries if entry["id"] in shown]
        return found[:limit]

    return {
        "has_resume": True,
        "ranked": entries(stored.best, SHOWN),
        "near_misses": entries(stored.near_misses, NEAR_SHOWN),
        "computed_at": stored.computed_at,
    }


def executive_changed(executive_id: int) -> None:
    """What the executive's list reads changed (their resume, a goal of their development plan):
    the list is stale; refresh it (once per transaction)."""
    RecommendationList.objects.filter(executive_id=executive_id, stale=False).update(stale=True)
    queue_refresh(executive_id)  # once per transaction: later saves find it queued


def resume_saved(resume) -> None:
    """Called by Resume.save()."""
    executive_changed(resume.executive_id)


def _queue_posting_refresh() -> None:
    """Queue one postings_changed run for every change within DEBOUNCE (it runs when that time is up,
    so it sees them all): publishing or importing many postings queues one run, not one per posting."""
    from soars.matching.tasks import refresh_after_posting_change

    # None: the cache is unreachable, so no run is known to be queued; queue one rather than miss it.
    if cache.add(POSTINGS_CHANGED_KEY, True, DEBOUNCE.total_seconds()) is not False:
        task = refresh_after_posting_change
        if DEBOUNCE:
            task = task.using(run_after=timezone.now() + DEBOUNCE)
        task.enqueue()


def posting_saved(opportunity) -> None:
    """Called by Opportunity.save(): every list may change, unless the posting is a draft (it concerns nobody yet)."""
    if opportunity.status != "draft":
        transaction.on_commit(_queue_posting_refresh)

"""Alert emails for saved searches: what is new since the owner last heard, and sending it once.

A due search is claimed with a conditional UPDATE inside the same transaction that records the
new results as seen and stores the email (send_email queues delivery only after commit). So two
workers never both send it, a run that crashes before commit leaves no trace and is redone, and
one that crashes after commit has its email stored and delivered (retried while SMTP is down).
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from soars.core.email import send_email
from soars.saved_searches.kinds import kind_of
from soars.saved_searches.models import SEEN_LIMIT, SavedSearch, SavedSearchSeen
from soars.saved_searches.tokens import unsubscribe_token

logger = logging.getLogger(__name__)

LISTED_IN_EMAIL = 20


def new_results(saved: SavedSearch) -> QuerySet:
    """Results of the search, as its owner may see them now, that the owner has not been shown; newest first."""
    results = kind_of(saved).results(saved.owner, saved.query_dict())
    fresh = results.exclude(pk__in=SavedSearchSeen.objects.filter(saved_search=saved).values("object_id"))
    if saved.seen_before is not None:
        fresh = fresh.filter(updated_at__gt=saved.seen_before)
    return fresh.order_by("-updated_at", "-pk")


def remember(saved: SavedSearch, ids: list[int], now, *, more_than_listed: bool = False) -> None:
    """Record ids as seen, keeping at most SEEN_LIMIT; past that, move `seen_before` up to now."""
    SavedSearchSeen.objects.bulk_create(
        [SavedSearchSeen(saved_search=saved, object_id=pk, seen_at=now) for pk in ids], ignore_conflicts=True
    )
    kept = SavedSearchSeen.objects.filter(saved_search=saved)
    overflow = more_than_listed or kept.count() > SEEN_LIMIT
    if overflow:
        newest = kept.order_by("-seen_at", "-object_id").values_list("pk", flat=True)[SEEN_LIMIT : SEEN_LIMIT + 1]
        if cut := list(newest):
            oldest_kept = kept.get(pk=cut[0])
            kept.filter(seen_at__lt=oldest_kept.seen_at).delete()
            kept.filter(seen_at=oldest_kept.seen_at, object_id__lte=oldest_kept.object_id).delete()
        saved.seen_before = now
        SavedSearch.objects.filter(pk=saved.pk).update(seen_before=now)


def mark_current_results_seen(saved: SavedSearch, now=None) -> None:
    """When a search is saved: what it finds today is not news in its first alert."""
    now = now or timezone.now()
    ids = list(new_results(saved).values_list("pk", flat=True)[: SEEN_LIMIT + 1])
    remember(saved, ids[:SEEN_LIMIT], now, more_than_listed=len(ids) > SEEN_LIMIT)


def create(owner, kind: str, params: str, name: str, frequency: str, now=None) -> SavedSearch:
    """Save a search (params already normalised) and mark what it finds today as seen."""
    now = now or timezone.now()
    saved = SavedSearch(owner=owner, kind=kind, params=params, name=name, frequency=frequency, created_at=now)
    saved.schedule(now)
    saved.save()
    mark_current_results_seen(saved, now)
    return saved


def _claim(saved: SavedSearch, now) -> bool:
    """Move the search's next check forward, only if it is still due: one worker wins."""
    interval = SavedSearch.INTERVALS.get(saved.frequency)
    if interval is None:
        return False
    claimed = SavedSearch.objects.filter(pk=saved.pk, frequency=saved.frequency, next_due_at__lte=now).update(
        next_due_at=now + interval, last_checked_at=now
    )
    return claimed == 1


def check(pk: int, now=None) -> bool:
    """Check one saved search if it is due; email its owner the new results. True if an email was queued."""
    now = now or timezone.now()
    with transaction.atomic():
        saved = SavedSearch.objects.select_related("owner", "owner__agency").filter(pk=pk).first()
        if saved is None or not _claim(saved, now):
            return False
        kind = kind_of(saved)
        if not kind.owner_can_search(saved.owner):
            return False  # deactivated, changed role, or HR without an agency: nothing to send
        ids = list(new_results(saved).values_list("pk", flat=True)[: SEEN_LIMIT + 1])
        if not ids:
            return False
        overflow = len(ids) > SEEN_LIMIT
        ids = ids[:SEEN_LIMIT]
        remember(saved, ids, now, more_than_listed=overflow)
        listed = ids[:LISTED_IN_EMAIL]
        records = kind.for_display(kind.visible(saved.owner).filter(pk__in=listed)).in_bulk()
        items = [
            {"title": kind.result_title(records[pk]), "url": settings.SITE_URL + kind.result_url(records[pk])}
            for pk in listed
            if pk in records
        ]
        SavedSearch.objects.filter(pk=saved.pk).update(last_sent_at=now)
        send_alert(saved, items, total=len(ids), more=overflow)
        return True


def unsubscribe_url(saved: SavedSearch) -> str:
    return settings.SITE_URL + reverse("saved_searches:unsubscribe", args=[unsubscribe_token(saved)])


def send_alert(saved: SavedSearch, items: list[dict], *, total: int, more: bool = False):
    kind = kind_of(saved)
    stop = unsubscribe_url(saved)
    return send_email(
        "saved_search_alert",
        to=[saved.owner.email],
        context={
            "saved": saved,
            "owner": saved.owner,
            "kind": kind,
            "items": items,
            "total": total,
            "more": more,
            "not_listed": max(total - len(items), 0),
            "search_url": settings.SITE_URL + kind.search_url(saved.params),
            "manage_url": settings.SITE_URL + kind.manage_url(),
            "unsubscribe_url": stop,
        },
        headers={"List-Unsubscribe": f"<{stop}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )


def send_due(now=None) -> int:
    """Check every due saved search; returns how many alert emails were queued."""
    now = now or timezone.now()
    sent = 0
    for pk in list(SavedSearch.objects.due(now).order_by("next_due_at").values_list("pk", flat=True)):
        try:
            sent += check(pk, now)
        except Exception:  # one broken search must not stop the others; it is retried next run
            logger.exception("Saved search %s could not be checked", pk)
    return sent

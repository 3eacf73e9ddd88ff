"""Saved searches: a user's search page query string, kept under a name, with optional email alerts.

SavedSearchSeen records which results an owner has already been told about (or had on screen
when they saved the search), so an alert lists only results that are new to them. See
docs/search.md, "Saved searches and alerts".
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.http import QueryDict
from django.utils import timezone

MAX_PER_USER = 25
# How many result ids a saved search remembers as already seen. Beyond this, the oldest are
# forgotten and `seen_before` is moved forward instead: results last changed before it count
# as seen (docs/search.md explains what that costs).
SEEN_LIMIT = 5000


class SavedSearchQuerySet(models.QuerySet):
    def owned_by(self, user, kind: str):
        return self.filter(owner=user, kind=kind)

    def due(self, now=None):
        now = now or timezone.now()
        return self.exclude(frequency=SavedSearch.Frequency.NONE).filter(next_due_at__lte=now)


class SavedSearch(models.Model):
    class Kind(models.TextChoices):
        RESUME = "resume", "Resume search"
        OPPORTUNITY = "opportunity", "Opportunity search"

    class Frequency(models.TextChoices):
        NONE = "none", "No emails: just keep the search"
        DAILY = "daily", "Daily, when there are new results"
        WEEKLY = "weekly", "Weekly, when there are new results"

    INTERVALS = {Frequency.DAILY: timedelta(days=1), Frequency.WEEKLY: timedelta(days=7)}

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    name = models.CharField(max_length=100)
    # The search page's query string, normalised: known fields with valid values only, no page.
    params = models.CharField(max_length=2000)
    frequency = models.CharField(max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY)
    created_at = models.DateTimeField(default=timezone.now)
    last_checked_at = models.DateTimeField(null=True, blank=True)
    last_sent_at = models.DateTimeField(null=True, blank=True)
    # When the next alert check is due; null while alerts are off.
    next_due_at = models.DateTimeField(null=True, blank=True)
    # Results last changed at or before this time count as seen (set once the seen set overflows).
    seen_before = models.DateTimeField(null=True, blank=True)

    objects = SavedSearchQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["frequency", "next_due_at"])]
        verbose_name_plural = "saved searches"

    def __str__(self) -> str:
        return self.name

    def query_dict(self) -> QueryDict:
        return QueryDict(self.params)

    @property
    def alerts_on(self) -> bool:
        return self.frequency != self.Frequency.NONE

    def schedule(self, now=None) -> None:
        """Set when the next alert check is due, from now (call after changing the frequency)."""
        now = now or timezone.now()
        interval = self.INTERVALS.get(self.frequency)
        self.next_due_at = now + interval if interval else None


class SavedSearchSeen(models.Model):
    """One result (resume or opportunity id, by the search's kind) the owner has already been shown."""

    saved_search = models.ForeignKey(SavedSearch, on_delete=models.CASCADE, related_name="seen")
    object_id = models.PositiveBigIntegerField()
    seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["saved_search", "object_id"], name="saved_search_seen_once"),
        ]

    def __str__(self) -> str:
        return f"{self.saved_search_id}: {self.object_id}"

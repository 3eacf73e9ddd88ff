"""Stored recommendations: one row per executive, read by the options page (see docs/opportunities.md)."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class RecommendationList(models.Model):
    """An executive's "Recommended for you", as last computed by soars.matching.stored.refresh.

    best and near_misses are lists of entries {"id", "score", "eligible", "reasons": [[text, sign, points]],
    "missed": [[code, text]]}, best first. The page reads them and the postings they name in two
    queries; whether each posting is still open and visible to the executive is checked as it reads.
    """

    executive = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recommendation_list"
    )
    matchable = models.BooleanField(default=False)  # the resume said enough to match on
    best = models.JSONField(default=list, blank=True)
    near_misses = models.JSONField(default=list, blank=True)
    computed_at = models.DateTimeField()
    stale = models.BooleanField(default=False)  # the resume or the postings changed since computed_at
    queued = models.BooleanField(default=False)  # a refresh of this list alone is waiting in the queue

    class Meta:
        indexes = [models.Index(fields=["stale", "queued"], name="recommendation_stale")]

    def __str__(self) -> str:
        return f"Recommendations for {self.executive_id}"

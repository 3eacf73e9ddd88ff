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


class Ranking(models.Model):
    """Best matches for one opportunity as HR staff of one agency see them, as last computed by
    soars.matching.rankings.refresh.

    entries lists every resume scored, in the order shown (everyone who meets every requirement,
    best first, then the near misses): [resume id, executive id, text relevance, score, [codes of
    the requirements missed]]. The page reads it, checks each resume is still visible, and scores
    the page it shows again from the records, with its reasons.
    """

    opportunity = models.ForeignKey("opportunities.Opportunity", on_delete=models.CASCADE, related_name="rankings")
    agency = models.ForeignKey("core.Agency", on_delete=models.CASCADE, related_name="+")
    entries = models.JSONField(default=list, blank=True)
    capped = models.BooleanField(default=False)  # more resumes met the requirements than were scored
    computed_at = models.DateTimeField()
    stale = models.BooleanField(default=False)  # the posting changed since computed_at
    queued = models.BooleanField(default=False)  # a refresh is waiting in the queue

    class Meta:
        constraints = [models.UniqueConstraint(fields=["opportunity", "agency"], name="ranking_unique")]

    def __str__(self) -> str:
        return f"Best matches for {self.opportunity_id} seen by {self.agency_id}"

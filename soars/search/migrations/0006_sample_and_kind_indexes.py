"""PostgreSQL only: the kind beside the vector in the full-text index, and a small index of every
32nd record's document for broad searches.

Every search asks for one kind ("opportunity", "resume", "post"), but the GIN index held the
vectors alone: an opportunity search for "budget" drew a bitmap of 118,000 documents, 98,000 of
them resumes, read their rows and threw them away after (10-20 ms for the opportunity searches
of bench/search.py), and a phrase was checked word by word in every other kind's documents too.
btree_gin lets a GIN index hold the kind beside the vector; that index replaces the vector-only
one of migration 0002 (every statement that matches text names its kind). The heads' index
(migration 0005) keeps the vector alone: with the kind in it too, the planner took it for a list
of every resume and tested each one's whole vector from TOAST storage (best matches for one
opportunity: 270 -> 650 ms).

A search whose words match thousands of documents is counted over the records whose key is a
multiple of 32 (soars.search.facets, EVERY), and its facets too. A partial GIN index holds the
kind and vector of those records' documents alone (a 32nd of the whole index), so the sample's
matches are found without reading the index of every document or any vector from TOAST storage
(PostgresBackend.sampled). Its predicate is written out in the statements that use it; the two
must stay the same (a test compares them).
"""

from django.contrib.postgres.operations import BtreeGinExtension
from django.db import migrations

POSTGRES_FORWARDS = [
    "CREATE INDEX IF NOT EXISTS search_document_kind_vector ON search_searchdocument USING gin (kind, search_vector)",
    "DROP INDEX IF EXISTS search_document_vector",
    "CREATE INDEX IF NOT EXISTS search_document_sample ON search_searchdocument USING gin (kind, search_vector)"
    " WHERE object_id %% 32 = 0",  # %% for the driver: the statement is sent with parameters
    "ANALYZE search_searchdocument",
]
POSTGRES_BACKWARDS = [
    "DROP INDEX IF EXISTS search_document_sample",
    "CREATE INDEX IF NOT EXISTS search_document_vector ON search_searchdocument USING gin (search_vector)",
    "DROP INDEX IF EXISTS search_document_kind_vector",
]


def on_postgresql(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0005_head_index")]

    operations = [
        BtreeGinExtension(),  # the kind beside the vector in a GIN index
        migrations.RunPython(on_postgresql(POSTGRES_FORWARDS), on_postgresql(POSTGRES_BACKWARDS)),
    ]

"""PostgreSQL only: a small full-text index of every 32nd record's document, for broad searches.

A search whose words match thousands of documents is counted over the records whose key is a
multiple of 32 (soars.search.facets, EVERY), and its facets too. This partial GIN index holds
the kind and vector of those records' documents alone (a 32nd of the whole index), so the
sample's matches are found without reading the index of every document or any vector from
TOAST storage (PostgresBackend.sampled). Its predicate is written out in the statements that
use it; the two must stay the same (a test compares them).
"""

from django.contrib.postgres.operations import BtreeGinExtension
from django.db import migrations

POSTGRES_FORWARDS = [
    "CREATE INDEX IF NOT EXISTS search_document_sample ON search_searchdocument USING gin (kind, search_vector)"
    " WHERE object_id %% 32 = 0",  # %% for the driver: the statement is sent with parameters
    "ANALYZE search_searchdocument",
]
POSTGRES_BACKWARDS = ["DROP INDEX IF EXISTS search_document_sample"]


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

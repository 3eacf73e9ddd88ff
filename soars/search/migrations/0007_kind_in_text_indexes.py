"""PostgreSQL only: the kind in the full-text index, so a search finds its own kind's documents alone.

Every search asks for one kind ("opportunity", "resume", "post"), but the GIN index held the
vectors alone: an opportunity search for "budget" drew a bitmap of 118,000 documents, 98,000 of
them resumes, read their rows and threw them away after (10-20 ms for the opportunity searches
of bench/search.py), and a phrase was checked word by word in every other kind's documents too.
btree_gin (migration 0006) lets a GIN index hold the kind beside the vector; this one replaces
the vector-only index of migration 0002 (every statement that matches text names its kind).

The heads' index (migration 0005) keeps the vector alone: with the kind in it too, the planner
took it for a list of every resume and tested each one's whole vector from TOAST storage
(best matches for one opportunity: 270 -> 650 ms).
"""

from django.db import migrations

POSTGRES_FORWARDS = [
    "CREATE INDEX IF NOT EXISTS search_document_kind_vector ON search_searchdocument USING gin (kind, search_vector)",
    "DROP INDEX IF EXISTS search_document_vector",
    "ANALYZE search_searchdocument",
]
POSTGRES_BACKWARDS = [
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
    dependencies = [("search", "0006_sample_index")]

    operations = [migrations.RunPython(on_postgresql(POSTGRES_FORWARDS), on_postgresql(POSTGRES_BACKWARDS))]

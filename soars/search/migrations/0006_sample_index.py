"""PostgreSQL only: a partial GIN index of every 32nd document, for broad searches' samples.

A search matching tens of thousands of documents is counted over the records of every 32nd
matching document (soars.search.facets, Backend.sampled). With this index the bitmap of
matches holds those documents alone, so the sample reads a thirty-second of the rows the
whole match would; the condition must stay the one Backend.sampled writes (id % 32 = 0,
postgres.SAMPLED_EVERY, facets.EVERY). About 2 MB at 120,000 documents.
"""

from django.db import migrations

POSTGRES_FORWARDS = [
    "CREATE INDEX search_document_sample ON search_searchdocument USING gin (search_vector) WHERE id % 32 = 0",
    "ANALYZE search_searchdocument",
]
POSTGRES_BACKWARDS = ["DROP INDEX IF EXISTS search_document_sample"]


def on_postgresql(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement, params=None)  # no parameters: "%" is an operator here

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0005_head_index")]

    operations = [migrations.RunPython(on_postgresql(POSTGRES_FORWARDS), on_postgresql(POSTGRES_BACKWARDS))]

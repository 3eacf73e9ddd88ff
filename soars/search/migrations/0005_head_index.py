"""PostgreSQL only: narrow rows and a small index of each document's head (title and names).

Broad queries match tens of thousands of documents; reading and scoring each one's whole
vector is what made them slow (docs/performance.md). Past a few thousand matches the engine
now ranks them by their head first and scores the best of them by their whole text
(soars.search.facets).

A stored generated `head_vector` (title weight A, names weight B) with a GIN
index, kept in the row; the whole-document vector and the body move out of the row into
the table's TOAST storage (toast_tuple_target 128, search_vector stored EXTERNAL), so a heap
page holds several times more documents (at 120,000 documents the heap went from 215 MB to
67 MB) and finding the matches reads far fewer pages. CLUSTER rewrites the existing rows that way
(it takes a lock on the table for the rewrite: seconds for 100,000 documents).
"""

from django.db import migrations

HEAD_VECTOR = """
    setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') ||
    setweight(to_tsvector('english'::regconfig, coalesce(names, '')), 'B')
"""

POSTGRES_FORWARDS = [
    """
    ALTER TABLE search_searchdocument
        SET (toast_tuple_target = 128),
        ALTER COLUMN search_vector SET STORAGE EXTERNAL,
        ALTER COLUMN title SET STORAGE MAIN,
        ALTER COLUMN names SET STORAGE MAIN
    """,
    f"ALTER TABLE search_searchdocument ADD COLUMN head_vector tsvector GENERATED ALWAYS AS ({HEAD_VECTOR}) STORED",
    "ALTER TABLE search_searchdocument ALTER COLUMN head_vector SET STORAGE MAIN",
    # Rewrite the rows with the storage set above (and in key order).
    "CLUSTER search_searchdocument USING search_document_join",
    "CREATE INDEX search_document_head ON search_searchdocument USING gin (head_vector)",
    "ANALYZE search_searchdocument",
]
POSTGRES_BACKWARDS = [
    "DROP INDEX IF EXISTS search_document_head",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS head_vector",
    """
    ALTER TABLE search_searchdocument
        RESET (toast_tuple_target),
        ALTER COLUMN search_vector SET STORAGE EXTENDED,
        ALTER COLUMN title SET STORAGE EXTENDED,
        ALTER COLUMN names SET STORAGE EXTENDED
    """,
]

def on_postgresql(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0004_analyze_after_search_indexes")]

    operations = [migrations.RunPython(on_postgresql(POSTGRES_FORWARDS), on_postgresql(POSTGRES_BACKWARDS))]

"""A small index of each document's head (title and names), and, on PostgreSQL, narrow rows.

Broad queries match tens of thousands of records; ranking every match by its whole text is
what made them slow (docs/performance.md). The engine now ranks the matches by their head
first, a small index, and ranks the best of them exactly (soars.search.facets).

PostgreSQL: a stored generated `head_vector` (title weight A, names weight B) with a GIN
index, kept in the row; the whole-document vector and the body move out of the row into
the table's TOAST storage (toast_tuple_target 128, search_vector stored EXTERNAL), so a
heap page holds about thirty documents instead of four and counting matches reads a few
thousand pages instead of tens of thousands. CLUSTER rewrites the existing rows that way
(it takes a lock on the table for the rewrite: seconds for 100,000 documents).

SQLite: a second FTS5 table, search_fts_head, over the title and names of the same rows
(external content), kept in step by triggers like search_fts.
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

SQLITE_FORWARDS = [
    """
    CREATE VIRTUAL TABLE search_fts_head USING fts5(
        title, names,
        content='search_searchdocument', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
    )
    """,
    """
    CREATE TRIGGER search_head_inserted AFTER INSERT ON search_searchdocument BEGIN
        INSERT INTO search_fts_head(rowid, title, names) VALUES (new.id, new.title, new.names);
    END
    """,
    """
    CREATE TRIGGER search_head_deleted AFTER DELETE ON search_searchdocument BEGIN
        INSERT INTO search_fts_head(search_fts_head, rowid, title, names) VALUES ('delete', old.id, old.title, old.names);
    END
    """,
    """
    CREATE TRIGGER search_head_updated AFTER UPDATE ON search_searchdocument BEGIN
        INSERT INTO search_fts_head(search_fts_head, rowid, title, names) VALUES ('delete', old.id, old.title, old.names);
        INSERT INTO search_fts_head(rowid, title, names) VALUES (new.id, new.title, new.names);
    END
    """,
    "INSERT INTO search_fts_head(search_fts_head) VALUES ('rebuild')",
]
SQLITE_BACKWARDS = [
    "DROP TRIGGER IF EXISTS search_head_updated",
    "DROP TRIGGER IF EXISTS search_head_deleted",
    "DROP TRIGGER IF EXISTS search_head_inserted",
    "DROP TABLE IF EXISTS search_fts_head",
]


def run(statements_by_vendor):
    def operation(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0004_analyze_after_search_indexes")]

    operations = [
        migrations.RunPython(
            run({"postgresql": POSTGRES_FORWARDS, "sqlite": SQLITE_FORWARDS}),
            run({"postgresql": POSTGRES_BACKWARDS, "sqlite": SQLITE_BACKWARDS}),
        ),
    ]

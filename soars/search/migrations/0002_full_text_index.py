"""The full-text index and the words table, on a new database or on one migrated by 0001-0007.

PostgreSQL: a stored generated tsvector (title A, names B, body D) with a GIN index holding the
kind beside it (btree_gin: every search names one kind), and a trigram index on the words for
"Did you mean". The earlier versions' estimation machinery (head vectors, a sampled index, a
covering index of heads, a join index) is dropped. SQLite: an FTS5 table over the documents
(porter stemming), kept in step by triggers in the writer's transaction.
"""

from django.contrib.postgres.operations import BtreeGinExtension, TrigramExtension
from django.db import migrations, models

POSTGRES = [
    "DROP INDEX IF EXISTS search_document_sample",
    "DROP INDEX IF EXISTS search_document_heads",
    "DROP INDEX IF EXISTS search_document_head",
    "DROP INDEX IF EXISTS search_document_join",
    "DROP INDEX IF EXISTS search_document_names_trgm",
    "DROP INDEX IF EXISTS search_document_vector",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS head_vector",
    "DROP FUNCTION IF EXISTS search_head_text(text)",
    """
    ALTER TABLE search_searchdocument ADD COLUMN IF NOT EXISTS search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') ||
        setweight(to_tsvector('english'::regconfig, coalesce(names, '')), 'B') ||
        setweight(to_tsvector('english'::regconfig, coalesce(body, '')), 'D')
    ) STORED
    """,
    """
    ALTER TABLE search_searchdocument RESET (toast_tuple_target),
        ALTER COLUMN search_vector SET STORAGE EXTENDED,
        ALTER COLUMN title SET STORAGE EXTENDED,
        ALTER COLUMN names SET STORAGE EXTENDED
    """,
    "CREATE INDEX IF NOT EXISTS search_document_kind_vector ON search_searchdocument USING gin (kind, search_vector)",
    "CREATE INDEX IF NOT EXISTS search_word_trgm ON search_searchword USING gin (word gin_trgm_ops)",
    "ANALYZE search_searchdocument",
]
SQLITE = [
    "DROP INDEX IF EXISTS search_document_join",
    """
    CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
        title, names, body,
        content='search_searchdocument', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
    )
    """,
    """
    CREATE TRIGGER IF NOT EXISTS search_document_inserted AFTER INSERT ON search_searchdocument BEGIN
        INSERT INTO search_fts(rowid, title, names, body) VALUES (new.id, new.title, new.names, new.body);
    END
    """,
    """
    CREATE TRIGGER IF NOT EXISTS search_document_deleted AFTER DELETE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, names, body)
        VALUES ('delete', old.id, old.title, old.names, old.body);
    END
    """,
    """
    CREATE TRIGGER IF NOT EXISTS search_document_updated AFTER UPDATE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, names, body)
        VALUES ('delete', old.id, old.title, old.names, old.body);
        INSERT INTO search_fts(rowid, title, names, body) VALUES (new.id, new.title, new.names, new.body);
    END
    """,
]
SQLITE_BACKWARDS = [
    "DROP TRIGGER IF EXISTS search_document_updated",
    "DROP TRIGGER IF EXISTS search_document_deleted",
    "DROP TRIGGER IF EXISTS search_document_inserted",
    "DROP TABLE IF EXISTS search_fts",
]
POSTGRES_BACKWARDS = [
    "DROP INDEX IF EXISTS search_document_kind_vector",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS search_vector",
]


def run(statements):
    def operation(apps, schema_editor):
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return operation


def words_of_documents(apps, schema_editor):
    """The words of the documents already indexed, for "Did you mean"."""
    from soars.search.query import words_in

    documents = apps.get_model("search", "SearchDocument").objects.using(schema_editor.connection.alias)
    words = set()
    for title, names, body in documents.values_list("title", "names", "body").iterator(chunk_size=2000):
        words |= words_in(f"{title} {names} {body}")
    word = apps.get_model("search", "SearchWord")
    word.objects.using(schema_editor.connection.alias).bulk_create(
        [word(word=w) for w in words], batch_size=2000, ignore_conflicts=True
    )


class Migration(migrations.Migration):
    dependencies = [("search", "0001_squashed_0007")]

    operations = [
        migrations.CreateModel(
            name="SearchWord",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("word", models.CharField(max_length=64, unique=True)),
            ],
        ),
        TrigramExtension(),
        BtreeGinExtension(),
        migrations.RunPython(
            run({"postgresql": POSTGRES, "sqlite": SQLITE}),
            run({"postgresql": POSTGRES_BACKWARDS, "sqlite": SQLITE_BACKWARDS}),
        ),
        migrations.RunPython(words_of_documents, migrations.RunPython.noop),
    ]

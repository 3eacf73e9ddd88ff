"""PostgreSQL only: the heads of a kind read from an index alone, and each head's size bounded.

A broad search's first tier lists the best heads of its kind (PostgresBackend.head_matches):
"director" matches 9,000 of the 20,000 opportunity heads, and the statement read every
opportunity's row to test and rank its head_vector. Those rows are wide: an opportunity's
document is under the size at which PostgreSQL moves values out of the row (about 2 kB), so
migration 0005's narrow rows hold for resumes only, and the 20,000 opportunity rows fill 4,300
pages (22 ms). A btree index on (kind, object_id) carrying updated_at and head_vector lets the
statement read the heads alone, in an index-only scan of a few hundred pages (9 ms); the
planner still takes the heads' GIN index for words that few heads have.

A btree index entry holds at most 2,704 bytes, and a head_vector grows with its text: up to
five or six bytes a byte of text for hostile text (short distinct words, hyphenated; measured,
CJK included), so a long head could not be indexed and its record could not be saved. So the
head is now the first 200 bytes of the title and of the names, cut at a character
(search_head_text): at most about 2,100 bytes of vector. Titles are 200 characters at most,
except a resume's (headline and current title); the head keeps their start, and the whole
document all of them.
"""

from django.db import migrations

HEAD_BYTES = 200
HEAD_TEXT = f"""
    CREATE OR REPLACE FUNCTION search_head_text(t text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT CASE WHEN octet_length(t) <= {HEAD_BYTES} THEN t ELSE (
            SELECT left(t, k) FROM generate_series({HEAD_BYTES}, 0, -1) AS k
            WHERE octet_length(left(t, k)) <= {HEAD_BYTES} LIMIT 1
        ) END
    $$
"""
HEAD_VECTOR = """
    setweight(to_tsvector('english'::regconfig, search_head_text(coalesce(title, ''))), 'A') ||
    setweight(to_tsvector('english'::regconfig, search_head_text(coalesce(names, ''))), 'B')
"""
OLD_HEAD_VECTOR = """
    setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') ||
    setweight(to_tsvector('english'::regconfig, coalesce(names, '')), 'B')
"""


def head_vector(expression: str) -> list[str]:
    """Statements that define head_vector (dropping its indexes with it) and its GIN index."""
    return [
        "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS head_vector",
        # One statement: the table is rewritten once, after all of the statement's changes, so
        # the heads are written into the rows (MAIN). Set in a statement of its own, the storage would apply
        # to rows written later only, and the heads of the existing wide rows would stay in
        # TOAST storage (best matches read them all: 300 -> 700 ms).
        "ALTER TABLE search_searchdocument"
        f" ADD COLUMN head_vector tsvector GENERATED ALWAYS AS ({expression}) STORED,"
        " ALTER COLUMN head_vector SET STORAGE MAIN",
        "CREATE INDEX search_document_head ON search_searchdocument USING gin (head_vector)",
    ]


POSTGRES_FORWARDS = [
    HEAD_TEXT,
    *head_vector(HEAD_VECTOR),
    "CREATE INDEX search_document_heads ON search_searchdocument (kind, object_id) INCLUDE (updated_at, head_vector)",
    "ANALYZE search_searchdocument",
]
POSTGRES_BACKWARDS = [
    *head_vector(OLD_HEAD_VECTOR),
    "DROP FUNCTION IF EXISTS search_head_text(text)",
    "ANALYZE search_searchdocument",
]


def on_postgresql(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0006_sample_and_kind_indexes")]

    operations = [migrations.RunPython(on_postgresql(POSTGRES_FORWARDS), on_postgresql(POSTGRES_BACKWARDS))]

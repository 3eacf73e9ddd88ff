"""Keep each document's vector in its row on PostgreSQL.

The vector is stored in the row (compressed with lz4 where the server has it) while the text goes
to TOAST storage first, so ranking a match no longer reads its vector from TOAST, a cost the
planner does not price: before, the search statement had to turn sequential scans off to stay
on the GIN index. Rows written before keep their old storage until rewritten
(`VACUUM FULL search_searchdocument`, or `manage.py rebuild_search_index`). SQLite: nothing.
"""

from django.db import migrations

MAIN = "ALTER TABLE search_searchdocument ALTER COLUMN search_vector SET STORAGE MAIN"
LZ4 = "ALTER TABLE search_searchdocument ALTER COLUMN search_vector SET COMPRESSION lz4"
HAS_LZ4 = "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'"
BACKWARDS = (
    "ALTER TABLE search_searchdocument ALTER COLUMN search_vector SET STORAGE EXTENDED,"
    " ALTER COLUMN search_vector SET COMPRESSION DEFAULT"
)


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(MAIN)
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(HAS_LZ4)
            if cursor.fetchone()[0]:  # a server built without lz4 keeps pglz
                schema_editor.execute(LZ4)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARDS)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_full_text_index")]

    operations = [migrations.RunPython(forwards, backwards)]

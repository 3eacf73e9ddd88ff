"""Analyse the tables once the searches' covering indexes exist (see soars/search/tasks.py):
without statistics SQLite may keep reading the wide rows instead of the new indexes."""

from django.db import migrations


def analyze(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("ANALYZE")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_searchdocument_search_document_join"),
        ("resumes", "0003_visible_columns"),
        ("accounts", "0004_user_user_active"),
        ("opportunities", "0003_search_columns"),
    ]

    operations = [migrations.RunPython(analyze, migrations.RunPython.noop, elidable=True)]
